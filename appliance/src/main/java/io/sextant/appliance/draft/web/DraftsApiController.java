package io.sextant.appliance.draft.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.sextant.appliance.draft.DraftTemplate;
import io.sextant.appliance.draft.TemplateSection;
import io.sextant.appliance.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drafting REST API: the templates, and the signed-in analyst's own drafts (create, list, show, edit a section,
 * regenerate a section, accept, export). Another user's draft answers exactly as a missing one (404). Every draft
 * carries its guard-computed banner as {@code marking}.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DraftsApiController {

    private final DraftsWeb drafts;

    DraftsApiController(DraftsWeb drafts) {
        this.drafts = drafts;
    }

    /**
     * @param collections the collections to draw on; empty or absent for all
     * @param from        the earliest date, ISO
     * @param to          the latest date, ISO
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ScopeBody(@Nullable List<String> collections, @Nullable String from, @Nullable String to) {
    }

    /**
     * @param template the template id
     * @param topic    the topic
     * @param scope    the scope
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NewDraft(@Nullable String template, @Nullable String topic, @Nullable ScopeBody scope) {
    }

    /** @param text the section's new text: paragraphs separated by blank lines, each optionally portion-marked */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SectionEdit(@Nullable String text) {
    }

    /**
     * @param id       the template id
     * @param title    its title
     * @param description what it is for
     * @param sections its sections
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TemplateView(String id, String title, String description, List<TemplateSectionView> sections) {
    }

    /**
     * @param title        the heading
     * @param query        the retrieval query ({@code {topic}} is replaced by the topic)
     * @param instructions what the writer is told
     * @param passages     how many passages it retrieves
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TemplateSectionView(String title, String query, String instructions, int passages) {
    }

    /**
     * @param marking the banner of the content (templates are unclassified configuration)
     * @param templates the templates
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Templates(String marking, List<TemplateView> templates) {
    }

    /**
     * @param marking the roll-up of the listed drafts' banners
     * @param drafts  the analyst's drafts, newest first
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DraftList(String marking, List<DraftsWeb.Listed> drafts) {
    }

    @Get("/templates")
    Templates templates() {
        List<TemplateView> out = drafts.templates().stream().map(DraftsApiController::view).toList();
        return new Templates("UNCLASSIFIED", out);
    }

    @Post("/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<DraftView> create(HttpRequest<?> request, Principal principal, @Body NewDraft body) {
        ScopeBody scope = body.scope() == null ? new ScopeBody(null, null, null) : body.scope();
        DraftView v = drafts.create(principal.analyst(), body.template(), body.topic(), scope.collections(),
                scope.from(), scope.to(), remote(request));
        return HttpResponse.created(v).header("Location", "/api/drafts/" + v.id());
    }

    @Get("/drafts")
    DraftList list(Principal principal) {
        List<DraftsWeb.Listed> listed = drafts.list(principal.analyst());
        return new DraftList(drafts.rollupOf(listed), listed);
    }

    @Get("/drafts/{id}")
    DraftView show(Principal principal, @PathVariable String id) {
        return drafts.show(principal.analyst(), id);
    }

    @Put("/drafts/{id}/sections/{sectionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    DraftView edit(HttpRequest<?> request, Principal principal, @PathVariable String id,
            @PathVariable String sectionId, @Body SectionEdit body) {
        return drafts.edit(principal.analyst(), id, sectionId, body.text(), remote(request));
    }

    @Post("/drafts/{id}/sections/{sectionId}/regenerate")
    DraftView regenerate(HttpRequest<?> request, Principal principal, @PathVariable String id,
            @PathVariable String sectionId) {
        return drafts.regenerate(principal.analyst(), id, sectionId, remote(request));
    }

    @Post("/drafts/{id}/accept")
    DraftView accept(HttpRequest<?> request, Principal principal, @PathVariable String id) {
        return drafts.accept(principal.analyst(), id, remote(request));
    }

    @Get("/drafts/{id}/export")
    HttpResponse<byte[]> export(HttpRequest<?> request, Principal principal, @PathVariable String id,
            @Nullable @QueryValue String format) {
        return download(drafts.export(principal.analyst(), id, format == null ? "md" : format, remote(request)));
    }

    @Error(exception = DraftRequestException.class)
    HttpResponse<Map<String, Object>> refused(DraftRequestException e) {
        return problem(e);
    }

    static HttpResponse<Map<String, Object>> problem(DraftRequestException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", e.status().getCode());
        body.put("error", e.status().getReason());
        body.put("message", e.getMessage());
        body.put("marking", "UNCLASSIFIED");
        return HttpResponse.<Map<String, Object>>status(e.status()).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(body);
    }

    static HttpResponse<byte[]> download(DraftsWeb.Export x) {
        return HttpResponse.ok(x.bytes()).contentType(MediaType.of(x.mediaType()))
                .header("Content-Disposition", "attachment; filename=\"" + x.fileName() + "\"")
                .header("X-Sextant-Marking", x.marking());
    }

    static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    private static TemplateView view(DraftTemplate t) {
        return new TemplateView(t.id(), t.title(), t.description(), t.sections().stream()
                .map(DraftsApiController::view).toList());
    }

    private static TemplateSectionView view(TemplateSection s) {
        return new TemplateSectionView(s.heading(), s.queryPattern(), s.instructions(), s.passages());
    }
}

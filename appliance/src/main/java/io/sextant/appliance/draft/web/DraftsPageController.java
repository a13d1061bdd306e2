package io.sextant.appliance.draft.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The drafting pages: {@code /drafts} lists the analyst's drafts with a form for a new one, {@code /drafts/{id}} is
 * the editor (a text area per section with its portion-marked paragraphs, save, regenerate, accept, export links).
 * Plain forms with the session's CSRF token; no script. Each page's banner is the roll-up of what it shows.
 */
@Controller("/drafts")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DraftsPageController {

    private final DraftsWeb drafts;
    private final SiteConfig site;

    DraftsPageController(DraftsWeb drafts, SiteConfig site) {
        this.drafts = drafts;
        this.site = site;
    }

    /**
     * @param template    the template id
     * @param topic       the topic
     * @param collections comma-separated collections
     * @param from        the earliest date
     * @param to          the latest date
     */
    @Serdeable
    record NewDraftForm(@Nullable String template, @Nullable String topic, @Nullable String collections,
            @Nullable String from, @Nullable String to) {
    }

    /** @param text the section's new text */
    @Serdeable
    record SectionForm(@Nullable String text) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> list(Principal principal) {
        return listPage(principal, null, null, HttpStatus.OK);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> create(HttpRequest<?> request, Principal principal, @Body NewDraftForm form) {
        try {
            List<String> collections = form.collections() == null ? List.of()
                    : Arrays.stream(form.collections().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                            .toList();
            DraftView v = drafts.create(principal.analyst(), form.template(), form.topic(), collections, form.from(),
                    form.to(), DraftsApiController.remote(request));
            return HttpResponse.seeOther(URI.create("/drafts/" + v.id()));
        } catch (DraftRequestException e) {
            return listPage(principal, e.getMessage(), form, e.status());
        }
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> editor(Principal principal, @PathVariable String id) {
        try {
            return editorPage(principal, drafts.show(principal.analyst(), id), null, HttpStatus.OK);
        } catch (DraftRequestException e) {
            return blockedPage(principal, id, e);
        }
    }

    @Post("/{id}/sections/{sectionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> save(HttpRequest<?> request, Principal principal, @PathVariable String id,
            @PathVariable String sectionId, @Body SectionForm form) {
        try {
            DraftView v = drafts.edit(principal.analyst(), id, sectionId, form.text(),
                    DraftsApiController.remote(request));
            return editorPage(principal, v, null, HttpStatus.OK);
        } catch (DraftRequestException e) {
            return editorWithError(principal, id, e);
        }
    }

    @Post("/{id}/sections/{sectionId}/regenerate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> regenerate(HttpRequest<?> request, Principal principal, @PathVariable String id,
            @PathVariable String sectionId) {
        try {
            DraftView v = drafts.regenerate(principal.analyst(), id, sectionId, DraftsApiController.remote(request));
            return editorPage(principal, v, null, HttpStatus.OK);
        } catch (DraftRequestException e) {
            return editorWithError(principal, id, e);
        }
    }

    @Post("/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> accept(HttpRequest<?> request, Principal principal, @PathVariable String id) {
        try {
            drafts.accept(principal.analyst(), id, DraftsApiController.remote(request));
            return HttpResponse.seeOther(URI.create("/drafts/" + id));
        } catch (DraftRequestException e) {
            return editorWithError(principal, id, e);
        }
    }

    @Get("/{id}/export")
    HttpResponse<?> export(HttpRequest<?> request, Principal principal, @PathVariable String id,
            @Nullable @QueryValue String format) {
        try {
            return DraftsApiController.download(drafts.export(principal.analyst(), id,
                    format == null ? "md" : format, DraftsApiController.remote(request)));
        } catch (DraftRequestException e) {
            return editorWithError(principal, id, e);
        }
    }

    private HttpResponse<?> listPage(Principal principal, @Nullable String error, @Nullable NewDraftForm form,
            HttpStatus status) {
        List<DraftsWeb.Listed> listed = drafts.list(principal.analyst());
        Map<String, Object> model = PageModel.of(principal, principal.session(), site,
                Banner.of(drafts.rollupOf(listed)));
        model.put("drafts", listed);
        model.put("templates", drafts.templates());
        model.put("errorText", error);
        model.put("form", form == null ? new NewDraftForm("sitrep", "", "", "", "") : form);
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("drafts/list", model));
    }

    private HttpResponse<?> editorPage(Principal principal, DraftView v, @Nullable String error, HttpStatus status) {
        Map<String, Object> model = PageModel.of(principal, principal.session(), site, Banner.of(v.marking()));
        model.put("draft", v);
        model.put("errorText", error);
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("drafts/editor", model));
    }

    /** The editor showing the draft as it stands, with what went wrong; or the problem alone if it cannot be shown. */
    private HttpResponse<?> editorWithError(Principal principal, String id, DraftRequestException e) {
        try {
            return editorPage(principal, drafts.show(principal.analyst(), id), e.getMessage(), e.status());
        } catch (DraftRequestException again) {
            return blockedPage(principal, id, again);
        }
    }

    /**
     * A draft that cannot be shown as it stands (a cited passage is no longer visible to the analyst, or the guard
     * refuses it): only the reason and the section headings, each with its regenerate button. Nothing of the text.
     */
    private HttpResponse<?> blockedPage(Principal principal, String id, DraftRequestException e) {
        Map<String, Object> model = PageModel.of(principal, principal.session(), site, Banner.UNCLASSIFIED);
        model.put("draftId", id);
        model.put("errorText", e.getMessage());
        model.put("outline", drafts.outline(principal.analyst(), id));
        return HttpResponse.status(e.status()).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("drafts/blocked", model));
    }
}

package io.sextant.appliance.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import java.util.Map;

/**
 * {@code /analysis}: one form per workflow; each posts here and the guarded report is rendered on the server with its
 * banner top and bottom, a portion mark on every paragraph, linked citations and the authority block. An ACH matrix
 * shows a small form on every cell to change its rating.
 */
@Controller("/analysis")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AnalysisPageController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnalysisService service;
    private final SiteConfig site;

    AnalysisPageController(AnalysisService service, SiteConfig site) {
        this.service = service;
        this.site = site;
    }

    /**
     * Every field any workflow's form may send.
     *
     * @param text         report or plan text
     * @param documentId   a document to evaluate
     * @param hypotheses   one hypothesis per line
     * @param documentA    first document
     * @param documentB    second document
     * @param topic        PIR topic
     * @param requirements one requirement per line
     * @param ltiovHours   hours
     * @param scope        scope text
     */
    @Serdeable
    record Form(@Nullable String text, @Nullable String documentId, @Nullable String hypotheses,
            @Nullable String documentA, @Nullable String documentB, @Nullable String topic,
            @Nullable String requirements, @Nullable String ltiovHours, @Nullable String scope) {
    }

    /**
     * @param hypothesis row
     * @param evidence   column
     * @param rating     new rating
     */
    @Serdeable
    record CellForm(@Nullable String hypothesis, @Nullable String evidence, @Nullable String rating) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> index(Principal principal) {
        return page(principal, null, null, null, HttpStatus.OK);
    }

    @Get("/ach/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> ach(Principal principal, @PathVariable String id) {
        try {
            return page(principal, "ach", service.achView(principal.analyst(), id), null, HttpStatus.OK);
        } catch (AnalysisException e) {
            return page(principal, "ach", null, e, HttpStatus.valueOf(e.status()));
        }
    }

    @Post("/ach/{id}/cells")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> edit(HttpRequest<?> request, Principal principal, @PathVariable String id, @Body CellForm f) {
        try {
            AnalysisReport r = service.achEdit(principal.analyst(), id, number(f.hypothesis()), number(f.evidence()),
                    f.rating() == null ? "" : f.rating(), remote(request));
            return page(principal, "ach", r, null, HttpStatus.OK);
        } catch (AnalysisException e) {
            return page(principal, "ach", null, e, HttpStatus.valueOf(e.status()));
        }
    }

    @Post("/{workflow}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> run(HttpRequest<?> request, Principal principal, @PathVariable String workflow, @Body Form f) {
        ObjectNode in = JSON.createObjectNode();
        in.put("text", f.text());
        in.put("documentId", f.documentId());
        in.put("hypotheses", f.hypotheses());
        in.put("documentA", f.documentA());
        in.put("documentB", f.documentB());
        in.put("topic", f.topic());
        in.put("requirements", f.requirements());
        in.put("ltiovHours", number(f.ltiovHours() == null || f.ltiovHours().isBlank() ? "72" : f.ltiovHours()));
        in.put("scope", f.scope());
        try {
            AnalysisReport r = AnalysisForms.run(service, workflow, principal.analyst(), in, remote(request));
            return page(principal, workflow, r, null, HttpStatus.OK);
        } catch (AnalysisException e) {
            return page(principal, workflow, null, e, HttpStatus.valueOf(e.status()));
        }
    }

    private HttpResponse<?> page(Principal principal, String workflow, AnalysisReport report, AnalysisException error,
            HttpStatus status) {
        Banner banner = report == null ? Banner.UNCLASSIFIED : report.banner();
        Map<String, Object> model = PageModel.of(principal, principal.session(), site, banner);
        model.put("workflow", workflow);
        model.put("report", report);
        model.put("errorText", error == null ? null : error.getMessage());
        model.put("ratings", Ach.RATINGS);
        return HttpResponse.status(status).body(new ModelAndView<>("analysis/index", model));
    }

    private static int number(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}

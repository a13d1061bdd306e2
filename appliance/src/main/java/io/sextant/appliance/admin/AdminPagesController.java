package io.sextant.appliance.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import io.sextant.inference.InferenceException;
import io.sextant.inference.registry.ModelManifest;
import java.net.URI;
import java.util.Map;

/**
 * The admin pages for models, system status and the audit log. The authentication filter admits only admins under
 * {@code /admin}. Nothing here shows document content, so every page is UNCLASSIFIED.
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminPagesController {

    private static final int AUDIT_PAGE = 50;

    private final ModelAdmin models;
    private final StatusProbe status;
    private final AuditBrowser audit;
    private final SiteConfig site;

    AdminPagesController(ModelAdmin models, StatusProbe status, AuditBrowser audit, SiteConfig site) {
        this.models = models;
        this.status = status;
        this.audit = audit;
        this.site = site;
    }

    /**
     * @param path the GGUF file on the server
     * @param name the registry name (optional)
     * @param signature a detached signature file on the server (optional)
     */
    @Serdeable
    record ImportForm(@Nullable String path, @Nullable String name, @Nullable String signature) {
    }

    /** @param name the model to make the default */
    @Serdeable
    record DefaultForm(@Nullable String name) {
    }

    @Get("/models")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> models(Principal principal) {
        return modelsPage(principal, null, null, HttpStatus.OK);
    }

    @Post("/models/import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> importModel(HttpRequest<?> request, Principal principal, @Body ImportForm form) {
        try {
            ModelManifest m = models.importModel(form.path(), form.name(), form.signature(), principal.name(),
                    remote(request));
            return modelsPage(principal, null, m.name(), HttpStatus.OK);
        } catch (InferenceException | IllegalArgumentException e) {
            return modelsPage(principal, e.getMessage(), null, HttpStatus.BAD_REQUEST);
        }
    }

    @Post("/models/default")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> setDefault(HttpRequest<?> request, Principal principal, @Body DefaultForm form) {
        try {
            models.setDefault(form.name(), principal.name(), remote(request));
            return HttpResponse.seeOther(URI.create("/admin/models"));
        } catch (InferenceException | IllegalArgumentException e) {
            return modelsPage(principal, e.getMessage(), null, HttpStatus.BAD_REQUEST);
        }
    }

    @Get("/status")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> status(Principal principal) {
        Map<String, Object> model = base(principal);
        model.put("status", status.read());
        return HttpResponse.ok(new ModelAndView<>("admin/status", model));
    }

    @Get("/audit")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> audit(Principal principal, @Nullable @QueryValue Long before, @Nullable @QueryValue String type,
                          @Nullable @QueryValue String user) {
        Map<String, Object> model = base(principal);
        model.put("types", AuditEventType.values());
        model.put("type", type == null ? "" : type);
        model.put("filterUser", user == null ? "" : user);
        try {
            model.put("page", audit.page(AUDIT_PAGE, before, type, user));
            return HttpResponse.ok(new ModelAndView<>("admin/audit", model));
        } catch (IllegalArgumentException e) {
            model.put("page", audit.page(AUDIT_PAGE, before, null, user));
            model.put("errorText", "unknown event type");
            return HttpResponse.badRequest(new ModelAndView<>("admin/audit", model));
        }
    }

    private HttpResponse<?> modelsPage(Principal principal, String error, String imported, HttpStatus code) {
        Map<String, Object> model = base(principal);
        model.put("models", models.list());
        model.put("engine", models.status());
        model.put("statusFigures", status.read());
        model.put("errorText", error);
        model.put("imported", imported);
        return HttpResponse.status(code).body(new ModelAndView<>("admin/models", model));
    }

    private Map<String, Object> base(Principal principal) {
        return PageModel.of(principal, principal.session(), site, Banner.UNCLASSIFIED);
    }

    static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}

package io.sextant.appliance.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.security.Principal;
import io.sextant.inference.InferenceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin JSON API (admins only, enforced by the authentication filter for {@code /api/admin}). */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
final class AdminApiController {

    private final ModelAdmin models;
    private final StatusProbe status;
    private final AuditBrowser audit;

    AdminApiController(ModelAdmin models, StatusProbe status, AuditBrowser audit) {
        this.models = models;
        this.status = status;
        this.audit = audit;
    }

    /**
     * @param models the registered models
     * @param engine the engine answering now
     * @param model the loaded model, or null
     * @param engineNote why the extractive engine is used, or null
     * @param marking the banner for this content
     */
    @Serdeable
    record Models(List<ModelView> models, String engine, @Nullable String model, @Nullable String engineNote,
                  String marking) {
    }

    /** @param name the model to make the default */
    @Serdeable
    record DefaultRequest(@Nullable String name) {
    }

    @Get("/models")
    Models models() {
        return modelsNow();
    }

    @Post("/models/default")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> setDefault(HttpRequest<?> request, Principal principal, @Body DefaultRequest body) {
        try {
            models.setDefault(body == null ? null : body.name(), principal.name(), AdminPagesController.remote(request));
            return HttpResponse.ok(modelsNow());
        } catch (InferenceException | IllegalArgumentException e) {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("status", 400);
            err.put("error", e.getMessage());
            err.put("marking", "UNCLASSIFIED");
            return HttpResponse.badRequest(err);
        }
    }

    @Get("/status")
    SystemStatus status() {
        return status.read();
    }

    @Get("/audit")
    HttpResponse<?> audit(@Nullable @QueryValue Integer limit, @Nullable @QueryValue Long before,
                          @Nullable @QueryValue String type, @Nullable @QueryValue String user) {
        try {
            return HttpResponse.ok(audit.page(limit == null ? 100 : limit, before, type, user));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(Map.of("status", 400, "error", "unknown event type",
                    "marking", "UNCLASSIFIED"));
        }
    }

    private Models modelsNow() {
        Engines.Status st = models.status();
        return new Models(models.list(), st.info().kind(), st.model().orElse(null), st.reason().orElse(null),
                "UNCLASSIFIED");
    }
}

package io.sextant.appliance.entities;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import io.sextant.guard.access.Clearance;
import java.util.Map;

/**
 * The entity table and graph: {@code GET /api/entities}, {@code /api/entities/{id}}, {@code /api/entities/graph}
 * and the {@code /entities} page. Everything is computed for the requesting user's clearance by
 * {@link EntityService}; an entity the user may not see answers exactly like one that does not exist. Every call is
 * audited (type ENTITIES) with the banner of what it showed.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class EntitiesController {

    /** Entities in the page's table and the API's default list. */
    static final int DEFAULT_LIMIT = 100;
    /** Nodes in the page's graph. */
    static final int GRAPH_LIMIT = 40;

    private final EntityService entities;
    private final AuditLog audit;
    private final SiteConfig site;

    EntitiesController(EntityService entities, AuditLog audit, SiteConfig site) {
        this.entities = entities;
        this.audit = audit;
        this.site = site;
    }

    @Get("/api/entities")
    @Produces(MediaType.APPLICATION_JSON)
    EntityService.Listing list(HttpRequest<?> request, Principal principal, @Nullable @QueryValue String type,
            @Nullable @QueryValue String q, @Nullable @QueryValue Integer limit) {
        EntityService.Listing out = entities.list(clearance(principal), type(type), q,
                limit == null ? DEFAULT_LIMIT : limit);
        audit(request, principal, "list", "type=" + (type == null ? "" : type) + " limit=" + out.entities().size(),
                out.marking());
        return out;
    }

    @Get("/api/entities/graph")
    @Produces(MediaType.APPLICATION_JSON)
    EntityService.Graph graph(HttpRequest<?> request, Principal principal, @Nullable @QueryValue Integer limit) {
        EntityService.Graph out = entities.graph(clearance(principal), limit == null ? GRAPH_LIMIT : limit);
        audit(request, principal, "graph", "nodes=" + out.nodes().size() + " edges=" + out.edges().size(),
                out.marking());
        return out;
    }

    @Get("/api/entities/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    EntityService.Detail entity(HttpRequest<?> request, Principal principal, @PathVariable String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        EntityService.Detail out = entities.entity(clearance(principal), n).orElse(null);
        if (out == null) {
            audit.append(new AuditEvent(AuditEventType.ENTITIES, Outcome.FAILED, principal.name(),
                    "entity " + n, "not found", null, remote(request)));
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        audit(request, principal, "entity " + n, "mentions=" + out.mentions().size(), out.marking());
        return out;
    }

    @Get("/entities")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Principal principal,
            @Nullable @QueryValue String type) {
        Clearance user = clearance(principal);
        EntityType t = type == null || type.isBlank() ? null : type(type);
        EntityService.Listing listing = entities.list(user, t, null, DEFAULT_LIMIT);
        String banner = entities.pageBanner(user, listing, GRAPH_LIMIT);
        Map<String, Object> model = PageModel.of(principal, principal.session(), site, Banner.of(banner));
        model.put("entities", listing.entities());
        model.put("types", java.util.Arrays.stream(EntityType.values()).map(EntityType::label).toList());
        model.put("selectedType", t == null ? "" : t.label());
        model.put("graphLimit", GRAPH_LIMIT);
        audit(request, principal, "page", "type=" + (t == null ? "" : t.label()) + " shown="
                + listing.entities().size(), banner);
        return new ModelAndView<>("entities/index", model);
    }

    private static Clearance clearance(Principal principal) {
        return principal.analyst().clearance();
    }

    private static EntityType type(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        try {
            return EntityType.parse(label);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "unknown type");
        }
    }

    private void audit(HttpRequest<?> request, Principal principal, String subject, String detail, String banner) {
        audit.append(new AuditEvent(AuditEventType.ENTITIES, Outcome.OK, principal.name(), subject, detail, banner,
                remote(request)));
    }

    private static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}

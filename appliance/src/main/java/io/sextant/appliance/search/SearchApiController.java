package io.sextant.appliance.search;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sextant.appliance.security.Principal;
import java.util.Map;

/**
 * {@code GET /api/search} and {@code GET /api/documents/{id}/passages}. Authentication is the filter's job (401
 * without a session or token); a bad parameter is a 400 whose message names the parameter.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SearchApiController {

    private final SearchService search;

    SearchApiController(SearchService search) {
        this.search = search;
    }

    @Get("/search")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<?> search(HttpRequest<?> request, Principal principal) {
        try {
            SearchQuery q = SearchQuery.parse(request.getParameters().asMap());
            return HttpResponse.ok(search.search(principal.analyst(), q, remote(request)));
        } catch (BadSearchException e) {
            return HttpResponse.badRequest(Map.of("status", 400, "error", "Bad Request", "message", e.getMessage()));
        }
    }

    @Get("/documents/{id}/passages")
    @Produces(MediaType.APPLICATION_JSON)
    DocumentView passages(Principal principal, @PathVariable String id) {
        return search.document(principal.analyst(), id, null);
    }

    static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}

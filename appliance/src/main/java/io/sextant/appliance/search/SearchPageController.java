package io.sextant.appliance.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code /search} page (a plain GET form: results, facets as filter links, pages) and the document page a hit or
 * citation opens ({@code /documents/{id}?passage=P}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class SearchPageController {

    private final SearchService search;
    private final SiteConfig site;

    SearchPageController(SearchService search, SiteConfig site) {
        this.search = search;
        this.site = site;
    }

    /**
     * A facet value as a filter toggle.
     *
     * @param value  the value
     * @param count  visible matching passages with it
     * @param active whether the filter is on
     * @param href   the search with this value toggled
     */
    record FacetLink(String value, long count, boolean active, String href) {
    }

    /**
     * One facet group.
     *
     * @param name   parameter name (collection, type, language, source)
     * @param values its values
     */
    record FacetGroup(String name, List<FacetLink> values) {
    }

    @Get("/search")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, Principal principal) {
        Map<String, Object> model;
        SearchQuery query;
        try {
            query = SearchQuery.parse(request.getParameters().asMap());
        } catch (BadSearchException e) {
            model = PageModel.of(principal, principal.session(), site, Banner.UNCLASSIFIED);
            model.put("q", first(request, "q"));
            model.put("errorText", e.getMessage());
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("search/search", model));
        }
        if (!query.hasText()) {
            model = PageModel.of(principal, principal.session(), site, Banner.UNCLASSIFIED);
            model.put("q", "");
            return HttpResponse.ok(new ModelAndView<>("search/search", model));
        }
        SearchOutcome outcome = search.search(principal.analyst(), query, SearchApiController.remote(request));
        model = PageModel.of(principal, principal.session(), site, Banner.of(outcome.marking()));
        model.put("q", query.text());
        model.put("outcome", outcome);
        model.put("facetGroups", facetGroups(query, outcome));
        model.put("first", outcome.hits().isEmpty() ? 0 : query.offset() + 1);
        model.put("last", query.offset() + outcome.hits().size());
        model.put("prevHref", query.offset() > 0 ? href(query, null, null, query.page() - 1) : null);
        model.put("nextHref", query.offset() + query.k() < Math.min(outcome.total(), SearchQuery.MAX_DEPTH)
                && outcome.hits().size() == query.k() ? href(query, null, null, query.page() + 1) : null);
        return HttpResponse.ok(new ModelAndView<>("search/search", model));
    }

    @Get("/documents/{id}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> document(Principal principal, @PathVariable String id, @Nullable @QueryValue String passage) {
        DocumentView doc = search.document(principal.analyst(), id, passage);
        Map<String, Object> model = PageModel.of(principal, principal.session(), site, Banner.of(doc.marking()));
        model.put("doc", doc);
        return HttpResponse.ok(new ModelAndView<>("search/document", model));
    }

    private static List<FacetGroup> facetGroups(SearchQuery query, SearchOutcome outcome) {
        List<FacetGroup> groups = new ArrayList<>();
        outcome.facets().forEach((name, values) -> {
            Set<String> active = active(query, name);
            List<FacetLink> links = new ArrayList<>();
            values.forEach((v, n) -> links.add(new FacetLink(v, n, active.contains(v), href(query, name, v, 1))));
            // A filter that is on stays listed (to turn it off) even when it matches nothing now.
            active.stream().filter(v -> !values.containsKey(v)).sorted()
                    .forEach(v -> links.add(new FacetLink(v, 0, true, href(query, name, v, 1))));
            if (!links.isEmpty()) {
                groups.add(new FacetGroup(name, links));
            }
        });
        return groups;
    }

    private static Set<String> active(SearchQuery q, String facet) {
        return switch (facet) {
            case "collection" -> q.collections();
            case "type" -> q.types();
            case "language" -> q.languages();
            case "source" -> q.sources();
            default -> Set.of();
        };
    }

    /** The search URL with one facet value toggled (when facet is non-null) at a given page. */
    private static String href(SearchQuery q, String facet, String value, int page) {
        List<Map.Entry<String, String>> params = new ArrayList<>(q.parameters());
        if (facet != null) {
            Map.Entry<String, String> e = Map.entry(facet, value);
            if (!params.remove(e)) {
                params.add(e);
            }
        }
        if (page > 1) {
            params.add(Map.entry("page", Integer.toString(page)));
        }
        return "/search?" + params.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String first(HttpRequest<?> request, String name) {
        return request.getParameters().getFirst(name).orElse("");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

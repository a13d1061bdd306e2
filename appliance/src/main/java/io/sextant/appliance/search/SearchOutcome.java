package io.sextant.appliance.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/search} answers. Every part is computed under the caller's clearance: the total and the facet
 * counts cover only passages the caller may see.
 *
 * @param query   the query text as searched
 * @param marking the banner: the roll-up of the hits shown ({@code UNCLASSIFIED} when none)
 * @param total   matching passages the caller may see
 * @param offset  hits skipped before the first shown
 * @param hits    the hits shown, best first
 * @param facets  {@code collection}, {@code type}, {@code language}, {@code source}: value to count
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchOutcome(String query, String marking, long total, int offset, List<SearchHit> hits,
        Map<String, Map<String, Long>> facets) {
}

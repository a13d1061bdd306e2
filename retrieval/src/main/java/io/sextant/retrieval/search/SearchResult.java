package io.sextant.retrieval.search;

import java.util.List;
import java.util.Map;

/**
 * What a search returns; every part is computed under the same clearance filter.
 *
 * @param hits         ranked hits
 * @param totalVisible number of passages the user may see that match the query lexically or are among the dense
 *                     candidates (never counts hidden passages)
 * @param facets       field → (value → count) over the visible matching passages
 */
public record SearchResult(List<Hit> hits, long totalVisible, Map<String, Map<String, Long>> facets) {
}

package io.sextant.retrieval.search;

import io.sextant.guard.access.Clearance;
import java.util.Objects;

/**
 * A search as one user asks it.
 *
 * @param text      the query text
 * @param clearance who is asking; every part of the answer is trimmed to it
 * @param k         how many hits
 * @param mode      ranking
 * @param filter    metadata restrictions
 * @param facets    whether to count facets
 * @param snippets  whether to build highlighted snippets
 */
public record SearchRequest(String text, Clearance clearance, int k, Mode mode, MetadataFilter filter,
        boolean facets, boolean snippets) {

    /** Validates. */
    public SearchRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(clearance, "clearance (searches without a clearance are refused)");
        Objects.requireNonNull(mode, "mode");
        filter = filter == null ? MetadataFilter.NONE : filter;
        if (k < 1 || k > 1000) {
            throw new IllegalArgumentException("k must be in [1, 1000]: " + k);
        }
    }

    /**
     * @param text      query
     * @param clearance user
     * @param k         hits
     * @return a hybrid request with snippets and facets
     */
    public static SearchRequest of(String text, Clearance clearance, int k) {
        return new SearchRequest(text, clearance, k, Mode.HYBRID, MetadataFilter.NONE, true, true);
    }
}

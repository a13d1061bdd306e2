package io.sextant.retrieval.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * Restricts a search to passages whose metadata match; an empty set means "any".
 *
 * @param collections allowed collections
 * @param docTypes    allowed document types
 * @param sources     allowed sources
 * @param languages   allowed languages
 * @param from        earliest date (inclusive), or null
 * @param to          latest date (inclusive), or null
 */
public record MetadataFilter(Set<String> collections, Set<String> docTypes, Set<String> sources,
        Set<String> languages, LocalDate from, LocalDate to) {

    /** No restriction. */
    public static final MetadataFilter NONE = new MetadataFilter(Set.of(), Set.of(), Set.of(), Set.of(), null, null);

    /** Copies the sets and checks the date range. */
    public MetadataFilter {
        collections = Set.copyOf(collections);
        docTypes = Set.copyOf(docTypes);
        sources = Set.copyOf(sources);
        languages = Set.copyOf(languages);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("date range is empty: " + from + " is after " + to);
        }
    }

    /** @return true when nothing is restricted */
    public boolean isEmpty() {
        return collections.isEmpty() && docTypes.isEmpty() && sources.isEmpty() && languages.isEmpty()
                && from == null && to == null;
    }
}

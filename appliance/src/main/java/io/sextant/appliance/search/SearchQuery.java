package io.sextant.appliance.search;

import io.sextant.retrieval.search.MetadataFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search as the caller asked for it, checked: query text, page window and metadata filters.
 *
 * @param text        the query text (stripped; may be blank only on the page before anything is asked)
 * @param k           hits per page, 1 to {@value #MAX_K}
 * @param offset      hits to skip (0-based)
 * @param collections allowed collections (empty: any)
 * @param types       allowed document types
 * @param languages   allowed languages
 * @param sources     allowed sources
 * @param from        earliest document date, or null
 * @param to          latest document date, or null
 */
public record SearchQuery(String text, int k, int offset, Set<String> collections, Set<String> types,
        Set<String> languages, Set<String> sources, LocalDate from, LocalDate to) {

    /** Default hits per page. */
    public static final int DEFAULT_K = 10;
    /** Most hits per page. */
    public static final int MAX_K = 100;
    /** The retrieval layer ranks at most this many; offset + k must stay within it. */
    public static final int MAX_DEPTH = 1000;
    /** Longest query text accepted. */
    public static final int MAX_TEXT = 1000;

    /** Validates and freezes. */
    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT) {
            throw new BadSearchException("q is longer than " + MAX_TEXT + " characters");
        }
        if (k < 1 || k > MAX_K) {
            throw new BadSearchException("k must be between 1 and " + MAX_K);
        }
        if (offset < 0 || offset + k > MAX_DEPTH) {
            throw new BadSearchException("offset must be at least 0 and offset + k at most " + MAX_DEPTH);
        }
        collections = Set.copyOf(collections);
        types = Set.copyOf(types);
        languages = Set.copyOf(languages);
        sources = Set.copyOf(sources);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadSearchException("from must not be after to");
        }
    }

    /**
     * Reads query parameters: {@code q}, {@code k}, {@code page} (1-based) or {@code offset}, and the filters
     * {@code collection}, {@code type}, {@code language}, {@code source} (repeatable or comma-separated),
     * {@code from}, {@code to} (YYYY-MM-DD).
     *
     * @param params parameter name to its values
     * @return the checked query
     * @throws BadSearchException naming the bad parameter
     */
    public static SearchQuery parse(Map<String, List<String>> params) {
        int k = integer(params, "k", DEFAULT_K);
        int offset;
        if (first(params, "offset") != null) {
            offset = integer(params, "offset", 0);
        } else {
            int page = integer(params, "page", 1);
            if (page < 1) {
                throw new BadSearchException("page must be 1 or more");
            }
            if ((long) (page - 1) * k > MAX_DEPTH) {
                throw new BadSearchException("page is beyond the last " + MAX_DEPTH + " hits");
            }
            offset = (page - 1) * k;
        }
        return new SearchQuery(first(params, "q"), k, offset, values(params, "collection"), values(params, "type"),
                values(params, "language"), values(params, "source"), date(params, "from"), date(params, "to"));
    }

    /** @return whether there is something to search for */
    public boolean hasText() {
        return !text.isEmpty();
    }

    /** @return the 1-based page this window starts on */
    public int page() {
        return offset / k + 1;
    }

    /** @return the retrieval filter for these restrictions */
    public MetadataFilter filter() {
        return new MetadataFilter(collections, types, sources, languages, from, to);
    }

    /** @return whether any metadata filter is set */
    public boolean filtered() {
        return !filter().isEmpty();
    }

    /**
     * The parameters that reproduce this query, for links (facets, pages).
     *
     * @return name/value pairs in a stable order
     */
    public List<Map.Entry<String, String>> parameters() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("q", text));
        collections.stream().sorted().forEach(v -> out.add(Map.entry("collection", v)));
        types.stream().sorted().forEach(v -> out.add(Map.entry("type", v)));
        languages.stream().sorted().forEach(v -> out.add(Map.entry("language", v)));
        sources.stream().sorted().forEach(v -> out.add(Map.entry("source", v)));
        if (from != null) {
            out.add(Map.entry("from", from.toString()));
        }
        if (to != null) {
            out.add(Map.entry("to", to.toString()));
        }
        if (k != DEFAULT_K) {
            out.add(Map.entry("k", Integer.toString(k)));
        }
        return out;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1 && !v.stream().allMatch(v.get(0)::equals)) {
            throw new BadSearchException(name + " is given more than once");
        }
        return v.get(0);
    }

    private static int integer(Map<String, List<String>> params, String name, int fallback) {
        String v = first(params, name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new BadSearchException(name + " must be a whole number");
        }
    }

    private static LocalDate date(Map<String, List<String>> params, String name) {
        String v = first(params, name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new BadSearchException(name + " must be a date (YYYY-MM-DD)");
        }
    }

    private static Set<String> values(Map<String, List<String>> params, String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : params.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}

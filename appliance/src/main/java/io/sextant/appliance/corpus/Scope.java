package io.sextant.appliance.corpus;

import io.sextant.retrieval.search.MetadataFilter;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What part of the corpus a search, answer or draft may draw on: collections and a date range. Empty means all the
 * user may see; the clearance filter always applies on top.
 *
 * @param collections collection names (empty: all)
 * @param from        earliest document date, or null
 * @param to          latest document date, or null
 */
public record Scope(List<String> collections, LocalDate from, LocalDate to) {

    /** Everything the user may see. */
    public static final Scope ALL = new Scope(List.of(), null, null);

    /** Validates and freezes. */
    public Scope {
        collections = collections == null ? List.of()
                : collections.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("scope: 'from' " + from + " is after 'to' " + to);
        }
    }

    /**
     * Parses {@code collection=a,b;from=2026-01-01;to=2026-02-01} (every part optional).
     *
     * @param text the scope text, or null/blank for {@link #ALL}
     * @return the scope
     * @throws IllegalArgumentException naming the bad part
     */
    public static Scope parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<String> collections = List.of();
        LocalDate from = null;
        LocalDate to = null;
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("scope: expected key=value, got '" + part.strip() + "'");
            }
            String key = part.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            try {
                switch (key) {
                    case "collection", "collections" -> collections = List.of(value.split(","));
                    case "from" -> from = LocalDate.parse(value);
                    case "to" -> to = LocalDate.parse(value);
                    default -> throw new IllegalArgumentException("scope: unknown key '" + key
                            + "' (use collection, from, to)");
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("scope: '" + value + "' is not a date (YYYY-MM-DD)", e);
            }
        }
        return new Scope(collections, from, to);
    }

    /** @return the retrieval filter for this scope */
    public MetadataFilter filter() {
        return new MetadataFilter(Set.copyOf(collections), Set.of(), Set.of(), Set.of(), from, to);
    }
}

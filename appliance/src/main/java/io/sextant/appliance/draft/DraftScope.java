package io.sextant.appliance.draft;

import java.time.LocalDate;
import java.util.List;

/**
 * What a draft was allowed to draw on: the collections and the date range the analyst chose. Kept with the draft
 * so that regenerating one section searches the same material, and printed on the export so a reader knows what
 * was (and was not) searched.
 *
 * @param collections the collections searched; empty means every collection the user may see
 * @param from        the earliest document date, or null for no lower bound
 * @param to          the latest document date, or null for no upper bound
 */
public record DraftScope(List<String> collections, LocalDate from, LocalDate to) {

    /** Every collection, any date. */
    public static final DraftScope EVERYTHING = new DraftScope(List.of(), null, null);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException on a blank or multi-line collection name or a range that ends before it
     *                                  starts
     */
    public DraftScope {
        collections = List.copyOf(collections);
        for (String c : collections) {
            if (c.isBlank() || c.contains("\n") || c.contains("\r")) {
                throw new IllegalArgumentException("collection name must be one non-blank line: '" + c + "'");
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("date range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** @return the scope in words, e.g. {@code collections a, b; from 2026-01-01 to 2026-02-01} */
    public String describe() {
        String where = collections.isEmpty() ? "all collections" : "collections " + String.join(", ", collections);
        String when;
        if (from == null && to == null) {
            when = "any date";
        } else if (from == null) {
            when = "up to " + to;
        } else if (to == null) {
            when = "from " + from;
        } else {
            when = "from " + from + " to " + to;
        }
        return where + "; " + when;
    }
}

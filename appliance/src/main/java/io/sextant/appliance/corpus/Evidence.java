package io.sextant.appliance.corpus;

import io.sextant.guard.marking.Marking;
import io.sextant.retrieval.search.Hit;
import java.util.List;
import java.util.Objects;

/**
 * A passage one user may see, with everything a grounded product needs: its whole text to quote, its marking to roll
 * up, and its place to cite. Only {@link Corpus} makes these, after the clearance filter and the guard's re-check.
 *
 * @param passageId   the passage
 * @param documentId  its document
 * @param ordinal     position in the document
 * @param title       document title
 * @param headingPath section headings at the passage
 * @param page        page number, or null
 * @param text        the passage text
 * @param portionMark the portion mark as stored, e.g. {@code (S//NF)}
 * @param marking     the parsed marking
 * @param collection  collection
 * @param date        ISO date or null
 * @param score       retrieval score (0 when looked up directly)
 */
public record Evidence(String passageId, String documentId, int ordinal, String title, List<String> headingPath,
        Integer page, String text, String portionMark, Marking marking, String collection, String date,
        float score) {

    /** Validates and freezes. */
    public Evidence {
        Objects.requireNonNull(passageId, "passageId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(marking, "marking");
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        title = title == null ? "" : title;
    }

    /**
     * @param hit    a trimmed hit
     * @param marking its parsed marking
     * @return the evidence
     */
    static Evidence of(Hit hit, Marking marking) {
        return new Evidence(hit.passageId(), hit.documentId(), hit.ordinal(), hit.title(), hit.headingPath(),
                hit.page(), hit.text(), hit.portionMark(), marking, hit.collection(), hit.date(), hit.score());
    }

    /** @return where the passage sits, for a citation: "p. 3", a section path, or the passage number */
    public String place() {
        if (page != null && page > 0) {
            return "p. " + page;
        }
        if (!headingPath.isEmpty()) {
            return String.join(" > ", headingPath);
        }
        return "passage " + (ordinal + 1);
    }

    /** @return a short source label: the title (or document id) and the place */
    public String sourceLabel() {
        return (title.isBlank() ? "document " + documentId : title) + ", " + place();
    }
}

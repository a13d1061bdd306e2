package io.sextant.appliance.draft;

import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import java.util.Objects;

/**
 * One numbered reference from a draft section to the passage it rests on. It keeps the passage's portion marking so
 * that a citation line in an export can be marked without looking the passage up again, and the document's title
 * and page or section so that a reader can find the source.
 *
 * @param number        the reference number used in the section's text ({@code [3]}), 1 or more, unique within the
 *                      section
 * @param passageId     the cited passage's id in the ingest store
 * @param documentId    the id of the document it came from
 * @param documentTitle the document's title or file name
 * @param location      the page or section path within the document ({@code p. 4}, {@code 2.3 Logistics}); may be
 *                      empty
 * @param marking       the cited passage's portion marking
 */
public record Citation(int number, String passageId, String documentId, String documentTitle, String location,
        Marking marking) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public Citation {
        Objects.requireNonNull(passageId, "passageId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(documentTitle, "documentTitle");
        location = Objects.requireNonNullElse(location, "").strip();
        Objects.requireNonNull(marking, "marking");
        if (number < 1) {
            throw new IllegalArgumentException("citation number must be 1 or more, not " + number);
        }
        if (passageId.isBlank() || documentId.isBlank()) {
            throw new IllegalArgumentException("citation [" + number + "] needs a passage id and a document id");
        }
        documentTitle = documentTitle.strip().replaceAll("\\s+", " ");
        location = location.replaceAll("\\s+", " ");
        if (documentTitle.isEmpty()) {
            documentTitle = documentId;
        }
    }

    /** @return the passage's portion mark, e.g. {@code (S//NF)} */
    public String portionMark() {
        return MarkingFormatter.portion(marking);
    }

    /** @return the reference as read by a person, without the portion mark: {@code [3] Title, p. 4} */
    public String reference() {
        return "[" + number + "] " + documentTitle + (location.isEmpty() ? "" : ", " + location)
                + " (document " + documentId + ", passage " + passageId + ")";
    }
}

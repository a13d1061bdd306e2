package io.sextant.guard.output;

import io.sextant.guard.marking.Marking;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A source passage the generator was offered: what the derivative product may draw on.
 *
 * @param id           a stable identifier (unique within one request)
 * @param citation     title or citation for the {@code Derived From:} line and the source list
 * @param marking      the passage's portion marking
 * @param declassifyOn the source's {@code Declassify On:} value, or null when unknown (then 25 years from the source
 *                     date are computed and the product is flagged)
 * @param date         the source's date, or null when unknown
 */
public record Source(String id, String citation, Marking marking, DeclassifyOn declassifyOn, LocalDate date) {

    /** Validates. */
    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(marking, "marking");
        if (id.isBlank()) {
            throw new IllegalArgumentException("source id is blank");
        }
        if (citation.isBlank()) {
            throw new IllegalArgumentException("source " + id + " has no citation");
        }
    }
}

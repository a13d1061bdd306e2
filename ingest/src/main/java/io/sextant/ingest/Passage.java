package io.sextant.ingest;

import io.sextant.guard.marking.Marking;
import java.util.List;
import java.util.Objects;

/**
 * A retrievable unit of a document: one portion's text (never two portions with different markings), with its place.
 *
 * @param ordinal 0-based position in the document
 * @param text the passage text
 * @param headings section path at the passage (outermost first), carried as context
 * @param page 1-based page number, 0 when the format has no pages
 * @param marking the marking of the portion the text comes from
 */
public record Passage(int ordinal, String text, List<String> headings, int page, Marking marking) {
    /** Validates and freezes. */
    public Passage {
        if (ordinal < 0 || page < 0) {
            throw new IllegalArgumentException("negative ordinal or page: " + ordinal + ", " + page);
        }
        Objects.requireNonNull(text, "text");
        headings = List.copyOf(headings);
        Objects.requireNonNull(marking, "marking");
    }
}

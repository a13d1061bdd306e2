package io.sextant.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One structural unit of extracted text with where it came from.
 *
 * @param kind structural role
 * @param text the text, never blank
 * @param headingLevel 1..6 for headings, 0 otherwise
 * @param headings the section path (enclosing headings, outermost first) at this block
 * @param page the 1-based page number, 0 when the format has no pages
 */
public record Block(BlockKind kind, String text, int headingLevel, List<String> headings, int page) {
    /** Validates and freezes. */
    public Block {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("blank block text");
        }
        if (headingLevel < 0 || headingLevel > 6) {
            throw new IllegalArgumentException("heading level out of 0..6: " + headingLevel);
        }
        if (page < 0) {
            throw new IllegalArgumentException("negative page: " + page);
        }
        headings = List.copyOf(headings);
    }
}

package io.sextant.inference;

import java.util.Objects;

/**
 * A retrieved passage the answer may cite as {@code [number]}. The appliance has already filtered it by the user's
 * access; this module treats it as plain text.
 *
 * @param number the citation number, 1-based and unique within a {@link GroundingContext}
 * @param source a short human-readable source label (document title or id), never null
 * @param text the passage text, never blank
 */
public record Passage(int number, String source, String text) {

    /**
     * Validates the passage.
     *
     * @throws IllegalArgumentException when the number is not positive or the text is blank
     */
    public Passage {
        if (number < 1) {
            throw new IllegalArgumentException("passage number must be >= 1, got " + number);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("passage [" + number + "] has no text");
        }
    }
}

package io.sextant.guard.detect;

import java.util.Objects;

/**
 * A stretch of text and the portion mark that governs it, as {@link MarkingDetector#split} finds them: the text runs
 * from after its mark to the next portion mark or banner line.
 *
 * @param start offset of the first non-blank character of the portion's text
 * @param end   offset after its last non-blank character
 * @param mark  the portion mark opening it (possibly rejected: check {@link DetectedMarking#isValid()}), or null for
 *              text that no portion mark governs, which a caller must treat as unmarked (reject or quarantine)
 */
public record TextPortion(int start, int end, DetectedMarking mark) {

    /** Validates the offsets. */
    public TextPortion {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets " + start + ".." + end);
        }
    }

    /** @return true when a portion mark governs this text */
    public boolean marked() {
        return mark != null;
    }

    /**
     * @param text the text that was split
     * @return this portion's text
     */
    public String text(CharSequence text) {
        return Objects.requireNonNull(text, "text").subSequence(start, end).toString();
    }
}

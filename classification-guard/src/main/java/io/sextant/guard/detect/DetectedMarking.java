package io.sextant.guard.detect;

import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.ParsedMarking;
import java.util.Objects;

/**
 * A marking found in free text: where it is ({@code [start, end)} character offsets into the scanned text), what
 * kind of place it was found in, the exact text, and either the parsed marking or the rejection.
 *
 * @param kind    a banner line, a portion mark at the start of a line, or a marking-like string elsewhere
 * @param start   offset of the first character
 * @param end     offset after the last character
 * @param text    the marking text as written
 * @param outcome the parse result
 */
public record DetectedMarking(Kind kind, int start, int end, String text, Outcome outcome) {

    /** Where in the text a marking was found. */
    public enum Kind {
        /** A whole line that is a banner, e.g. {@code TOP SECRET//SI//NOFORN} at the top or bottom of a page. */
        BANNER_LINE,
        /** A portion mark opening a line or paragraph, e.g. {@code (S//NF)}. */
        PORTION_MARK,
        /** A marking-like string anywhere else, e.g. {@code (TS//SI)} or {@code TOP SECRET//SI} mid-sentence. */
        EMBEDDED
    }

    /** The parse result: {@link Valid} or {@link Invalid}. */
    public sealed interface Outcome permits Valid, Invalid {
    }

    /**
     * The text parsed.
     *
     * @param parsed the marking and the parser's repairs
     */
    public record Valid(ParsedMarking parsed) implements Outcome {
        /** Requires the result. */
        public Valid {
            Objects.requireNonNull(parsed, "parsed");
        }
    }

    /**
     * The text looks like a marking but the parser rejects it.
     *
     * @param position offset into the scanned text (not into {@link #text()}) where the problem is
     * @param reason   why it was rejected
     */
    public record Invalid(int position, String reason) implements Outcome {
        /** Requires a reason. */
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Validates the offsets. */
    public DetectedMarking {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(outcome, "outcome");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets " + start + ".." + end);
        }
    }

    /** @return true when the text parsed */
    public boolean isValid() {
        return outcome instanceof Valid;
    }

    /**
     * @return the marking
     * @throws IllegalStateException when the text was rejected
     */
    public Marking marking() {
        if (outcome instanceof Valid v) {
            return v.parsed().marking();
        }
        throw new IllegalStateException("rejected marking: " + ((Invalid) outcome).reason());
    }
}

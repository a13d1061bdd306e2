package io.sextant.guard.output;

import java.util.Objects;

/**
 * Something a human derivative classifier must look at before the product leaves the system (SPEC §6.2.6).
 *
 * @param kind      what kind of concern
 * @param paragraph the 1-based paragraph it concerns, or 0 for the whole product
 * @param detail    what was seen, for the reviewer (who is cleared for the product)
 */
public record ReviewFlag(Kind kind, int paragraph, String detail) {

    /** Kinds of review flags. */
    public enum Kind {
        /** Classification by compilation is possible and cannot be detected automatically: always raised. */
        POSSIBLE_COMPILATION,
        /** The text itself contains a marking (a claim); never used to lower the computed marking. */
        MARKING_IN_TEXT,
        /** A marking in the text carries controls the computed portion mark lacks. */
        CLAIM_MORE_RESTRICTIVE,
        /** The paragraph named no sources: marked at the roll-up of every source offered. */
        UNKNOWN_PROVENANCE,
        /** A source had no usable declassification instruction, or a retired one was converted. */
        DECLASSIFICATION
    }

    /** Validates. */
    public ReviewFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (paragraph < 0) {
            throw new IllegalArgumentException("paragraph index < 0");
        }
    }
}

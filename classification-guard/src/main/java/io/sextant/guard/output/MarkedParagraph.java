package io.sextant.guard.output;

import io.sextant.guard.marking.Marking;
import java.util.List;
import java.util.Objects;

/**
 * A paragraph of the marked product.
 *
 * @param marking   its portion marking: the roll-up of its sources (of all sources offered when unknown)
 * @param text      the generated text, unchanged
 * @param sourceIds the sources it was marked from
 */
public record MarkedParagraph(Marking marking, String text, List<String> sourceIds) {

    /** Copies. */
    public MarkedParagraph {
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(text, "text");
        sourceIds = List.copyOf(sourceIds);
    }
}

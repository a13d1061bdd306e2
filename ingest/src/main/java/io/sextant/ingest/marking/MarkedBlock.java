package io.sextant.ingest.marking;

import io.sextant.guard.marking.Marking;
import io.sextant.ingest.Block;
import java.util.Objects;

/**
 * A block (or the part of one that a single portion mark covers) with the marking that applies to it.
 *
 * @param block the text and its position; its text starts with the portion mark when it had one
 * @param marking the portion's marking
 */
public record MarkedBlock(Block block, Marking marking) {
    /** Validates. */
    public MarkedBlock {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(marking, "marking");
    }
}

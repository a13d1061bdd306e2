package io.sextant.ingest.marking;

import io.sextant.guard.marking.Marking;
import java.util.List;
import java.util.Objects;

/**
 * The markings of one document.
 *
 * @param blocks the text split at portion boundaries, banner lines removed, each with its marking
 * @param document the document's marking: the roll-up of its portions, never lower than a banner
 * @param source how the document marking was obtained
 * @param reviewFlags contradictions and invalid marks that a person should look at; empty when consistent
 * @param marked whether the text carried any banner or portion mark
 */
public record MarkingAnalysis(
        List<MarkedBlock> blocks, Marking document, MarkingSource source, List<String> reviewFlags, boolean marked) {
    /** Validates and freezes. */
    public MarkingAnalysis {
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(source, "source");
        reviewFlags = List.copyOf(reviewFlags);
    }
}

package io.sextant.guard.output;

import java.util.List;
import java.util.Objects;

/**
 * One paragraph of generated text and the sources it drew on. An empty source list means the provenance is unknown:
 * the paragraph is then marked at the roll-up of every source offered, never lower (SPEC §6.2.2).
 *
 * @param text      the generated text, as the model wrote it
 * @param sourceIds ids of the {@link Source}s the paragraph drew on; empty when unknown
 */
public record Paragraph(String text, List<String> sourceIds) {

    /** Copies. */
    public Paragraph {
        Objects.requireNonNull(text, "text");
        sourceIds = List.copyOf(sourceIds);
    }

    /**
     * @param text the generated text
     * @return a paragraph whose provenance is unknown
     */
    public static Paragraph unknownProvenance(String text) {
        return new Paragraph(text, List.of());
    }

    /**
     * @param text      the generated text
     * @param sourceIds the ids of the sources it drew on
     * @return the paragraph
     */
    public static Paragraph of(String text, String... sourceIds) {
        return new Paragraph(text, List.of(sourceIds));
    }

    /** @return true when the paragraph names its sources */
    public boolean provenanceKnown() {
        return !sourceIds.isEmpty();
    }
}

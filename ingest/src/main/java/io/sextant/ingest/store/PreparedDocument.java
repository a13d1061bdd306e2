package io.sextant.ingest.store;

import io.sextant.ingest.ExtractedPart;
import io.sextant.ingest.Passage;
import java.util.List;
import java.util.Objects;

/**
 * One document of a file, ready to store: its extracted part, decided marking and passages.
 *
 * @param part the extracted part (index 0 is the file itself)
 * @param parentPart index of the containing part among the prepared ones, -1 for the file itself
 * @param marking banner form of the document marking
 * @param markingSource how it was obtained
 * @param reviewFlags contradictions to review
 * @param passages the passages
 */
public record PreparedDocument(
        ExtractedPart part,
        int parentPart,
        String marking,
        String markingSource,
        List<String> reviewFlags,
        List<Passage> passages) {
    /** Validates and freezes. */
    public PreparedDocument {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(marking, "marking");
        Objects.requireNonNull(markingSource, "markingSource");
        reviewFlags = List.copyOf(reviewFlags);
        passages = List.copyOf(passages);
    }
}

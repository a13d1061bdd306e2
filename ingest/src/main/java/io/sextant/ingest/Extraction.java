package io.sextant.ingest;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of extracting one file: either its parts (the file and its embedded documents, possibly some of them
 * failed) or the reason the whole file is quarantined.
 *
 * @param parts the container first, then embedded documents in document order; empty when {@code failure} is set
 * @param failure why the file itself could not be read, or null
 * @param detail a short technical explanation for operators (never document text)
 */
public record Extraction(List<ExtractedPart> parts, QuarantineReason failure, String detail) {
    /** Validates and freezes. */
    public Extraction {
        parts = List.copyOf(parts);
        Objects.requireNonNull(detail, "detail");
        if ((failure == null) == parts.isEmpty()) {
            throw new IllegalArgumentException("an extraction has parts or a failure, not both or neither");
        }
    }

    /**
     * A file quarantined as a whole.
     *
     * @param reason why
     * @param detail technical detail
     * @return the failed extraction
     */
    public static Extraction failed(QuarantineReason reason, String detail) {
        return new Extraction(List.of(), Objects.requireNonNull(reason, "reason"), detail);
    }

    /**
     * A file that could be read.
     *
     * @param parts the container first
     * @return the extraction
     */
    public static Extraction of(List<ExtractedPart> parts) {
        return new Extraction(parts, null, "");
    }
}

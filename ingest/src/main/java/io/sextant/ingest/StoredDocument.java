package io.sextant.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A document as stored: identity, provenance and marking.
 *
 * @param id database id
 * @param parentId id of the containing document, or 0 for a top-level file
 * @param sha256 hex SHA-256 of the raw bytes ("" when a parser could not give them for an embedded document)
 * @param sourcePath the file it came from
 * @param embeddedPath path inside the container ("" for the file itself)
 * @param collection collection name
 * @param contentType detected media type
 * @param title title or ""
 * @param marking the document marking, banner form
 * @param markingSource how the marking was obtained (PORTIONS, BANNER, DECLARED, SYSTEM_HIGH, INHERITED)
 * @param reviewFlags contradictions found in its markings
 * @param note explicit status such as "no text layer; OCR unavailable", or ""
 */
public record StoredDocument(
        long id,
        long parentId,
        String sha256,
        String sourcePath,
        String embeddedPath,
        String collection,
        String contentType,
        String title,
        String marking,
        String markingSource,
        List<String> reviewFlags,
        String note) {
    /** Validates and freezes. */
    public StoredDocument {
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(marking, "marking");
        reviewFlags = List.copyOf(reviewFlags);
    }
}

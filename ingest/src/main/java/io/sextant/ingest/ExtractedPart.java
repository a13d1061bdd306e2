package io.sextant.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The file itself (index 0) or one document embedded in it, as extracted.
 *
 * @param index position in {@link Extraction#parts()}; 0 is the container
 * @param parentIndex index of the enclosing part, -1 for the container
 * @param embeddedPath path of the embedded resource inside the container ("" for the container)
 * @param sha256 hex SHA-256 of this part's raw bytes, or "" when the parser could not give them
 * @param contentType detected media type
 * @param metadata normalised metadata (keys from {@link MetadataKeys})
 * @param blocks the text in reading order
 * @param failure why this part could not be read, or null
 * @param note an explicit status for a part with no text that is still kept (e.g. OCR unavailable), or ""
 */
public record ExtractedPart(
        int index,
        int parentIndex,
        String embeddedPath,
        String sha256,
        String contentType,
        Map<String, String> metadata,
        List<Block> blocks,
        QuarantineReason failure,
        String note) {

    /** Status of an image-only file when no OCR engine is installed. */
    public static final String NOTE_NO_OCR = "no text layer; OCR unavailable";

    /** Status of a part whose text was cut at the extracted-characters limit. */
    public static final String NOTE_TRUNCATED = "text truncated at the extraction limit";

    /** Validates and freezes. */
    public ExtractedPart {
        if (index < 0 || parentIndex < -1 || parentIndex >= Math.max(index, 1)) {
            throw new IllegalArgumentException("bad part indexes " + index + "/" + parentIndex);
        }
        Objects.requireNonNull(embeddedPath, "embeddedPath");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        metadata = Map.copyOf(metadata);
        blocks = List.copyOf(blocks);
        Objects.requireNonNull(note, "note");
    }

    /**
     * Whether any text came out of this part.
     *
     * @return true when there is at least one block
     */
    public boolean hasText() {
        return !blocks.isEmpty();
    }
}

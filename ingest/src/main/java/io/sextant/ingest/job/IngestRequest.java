package io.sextant.ingest.job;

import io.sextant.guard.marking.Marking;
import java.util.Objects;

/**
 * What the uploader says about a batch.
 *
 * @param collection collection the documents join
 * @param declared the marking the uploader declares for unmarked documents, or null
 * @param systemHigh the site's system-high default for unmarked documents, or null
 */
public record IngestRequest(String collection, Marking declared, Marking systemHigh) {
    /** Validates: unmarked input must get a marking from somewhere. */
    public IngestRequest {
        Objects.requireNonNull(collection, "collection");
        if (collection.isBlank() || collection.length() > 200) {
            throw new IllegalArgumentException("collection name must be 1..200 characters: '" + collection + "'");
        }
        if (declared == null && systemHigh == null) {
            throw new IllegalArgumentException(
                    "a declared marking is required for unmarked input (no system-high default is configured)");
        }
    }

    /**
     * The marking unmarked documents take.
     *
     * @return the declared marking, else the system-high default
     */
    public Marking fallback() {
        return declared != null ? declared : systemHigh;
    }
}

package io.sextant.ingest;

import java.nio.file.Path;

/**
 * Reads one untrusted file into text with structure and metadata. Implementations never throw for bad input: every
 * failure comes back as {@link Extraction#failed}.
 */
public interface TextExtractor extends AutoCloseable {
    /**
     * Extracts a file.
     *
     * @param file a regular file
     * @return the parts, or the reason the file is quarantined
     */
    Extraction extract(Path file);

    /** Releases parsers and child processes; the default holds nothing. */
    @Override
    default void close() {
    }
}

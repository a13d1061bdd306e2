package io.sextant.ingest.job;

import io.sextant.ingest.ExtractionLimits;
import io.sextant.ingest.chunk.ChunkSettings;
import java.util.Objects;

/**
 * How an {@link IngestEngine} runs.
 *
 * @param limits per-file extraction limits
 * @param chunks passage sizes
 * @param workers parsing child JVMs (and files processed at once)
 * @param childHeapMb heap limit of each child
 * @param ocr OCR images and image-only pages when Tesseract is installed
 */
public record EngineSettings(ExtractionLimits limits, ChunkSettings chunks, int workers, int childHeapMb,
        boolean ocr) {
    /** Validates. */
    public EngineSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(chunks, "chunks");
        if (workers < 1 || childHeapMb < 64) {
            throw new IllegalArgumentException("workers >= 1 and childHeapMb >= 64: " + workers + ", " + childHeapMb);
        }
    }

    /**
     * Defaults: one child per core (at most 4), 1 GB each, OCR on.
     *
     * @return settings
     */
    public static EngineSettings defaults() {
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        return new EngineSettings(ExtractionLimits.DEFAULTS, ChunkSettings.DEFAULTS, workers, 1024, true);
    }
}

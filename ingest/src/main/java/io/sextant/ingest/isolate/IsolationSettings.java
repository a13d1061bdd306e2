package io.sextant.ingest.isolate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How parsing children are run.
 *
 * @param poolSize number of child JVMs (parallel files)
 * @param maxHeapMb heap limit of each child; a parse that exceeds it quarantines the file as too large
 * @param scratchDir where each child gets its own temporary directory (archive spooling, OCR images)
 * @param ocr whether children OCR images when Tesseract is installed
 * @param mainClass the child's main class (tests substitute a misbehaving one)
 */
public record IsolationSettings(int poolSize, int maxHeapMb, Path scratchDir, boolean ocr, String mainClass) {
    /** Validates. */
    public IsolationSettings {
        if (poolSize < 1 || maxHeapMb < 64) {
            throw new IllegalArgumentException("poolSize >= 1 and maxHeapMb >= 64 required: " + poolSize + ", "
                    + maxHeapMb);
        }
        Objects.requireNonNull(scratchDir, "scratchDir");
        Objects.requireNonNull(mainClass, "mainClass");
    }

    /**
     * Production settings: the standard child main class.
     *
     * @param poolSize children
     * @param maxHeapMb heap per child
     * @param scratchDir scratch root
     * @param ocr OCR wanted
     * @return settings
     */
    public static IsolationSettings of(int poolSize, int maxHeapMb, Path scratchDir, boolean ocr) {
        return new IsolationSettings(poolSize, maxHeapMb, scratchDir, ocr, ExtractorChild.class.getName());
    }
}

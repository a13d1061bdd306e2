package io.sextant.ingest.store;

import java.util.List;

/**
 * Totals of one job, over all its runs.
 *
 * @param files top-level files planned
 * @param ingested files stored
 * @param duplicates files already stored
 * @param quarantined files set aside
 * @param quarantine path and reason of each quarantined file, in job order
 * @param passages passages stored by this job
 * @param pending files not yet processed
 */
public record JobSummary(int files, int ingested, int duplicates, int quarantined, List<Quarantined> quarantine,
        long passages, int pending) {
    /** Copies. */
    public JobSummary {
        quarantine = List.copyOf(quarantine);
    }

    /**
     * A quarantined file.
     *
     * @param path the file
     * @param reason the reason label
     */
    public record Quarantined(String path, String reason) {
    }
}

package io.sextant.ingest.job;

import io.sextant.ingest.store.Outcome;
import java.nio.file.Path;

/** Receives progress of a run (called from worker threads; implementations must be thread-safe). */
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void planned(int files, long bytes) {
        }

        @Override
        public void fileDone(Path file, Outcome outcome, long bytes, int passages, String reason) {
        }
    };

    /**
     * The files still to process are known.
     *
     * @param files number of files
     * @param bytes their total size
     */
    void planned(int files, long bytes);

    /**
     * One file is committed.
     *
     * @param file the file
     * @param outcome what happened
     * @param bytes its size
     * @param passages passages stored
     * @param reason the quarantine reason label, or null
     */
    void fileDone(Path file, Outcome outcome, long bytes, int passages, String reason);
}

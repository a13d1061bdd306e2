package io.sextant.ingest.store;

/** What happened to a top-level file. */
public enum Outcome {
    /** Stored as a new document (or replaced an earlier version from the same path). */
    INGESTED,
    /** The same bytes were already stored: nothing changed. */
    DUPLICATE,
    /** Set aside with a reason. */
    QUARANTINED
}

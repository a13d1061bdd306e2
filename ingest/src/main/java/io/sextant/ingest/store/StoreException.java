package io.sextant.ingest.store;

/** The ingest database failed (not a bad input file: those are quarantined, never thrown). */
public final class StoreException extends RuntimeException {
    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause the underlying error, or null
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

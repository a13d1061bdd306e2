package io.sextant.appliance.draft;

/** The draft store could not read or write the database, or a stored value no longer parses. */
public final class DraftStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the underlying error
     */
    public DraftStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

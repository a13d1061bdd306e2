package io.sextant.appliance.audit;

/** The audit log could not be written or read. */
public final class AuditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the database error
     */
    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.sextant.appliance.security;

/** An account operation failed: bad input (a client error) or the database (a server error). */
public final class AccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean clientError;

    /**
     * A client error: the request itself was wrong; the message is safe to show.
     *
     * @param message what was wrong
     */
    public AccountException(String message) {
        super(message);
        this.clientError = true;
    }

    /**
     * @param message what failed
     * @param cause the cause
     */
    public AccountException(String message, Throwable cause) {
        super(message, cause);
        this.clientError = cause instanceof java.sql.SQLException s && "23505".equals(s.getSQLState());
    }

    /** @return true when the caller's input caused it (4xx), false for server faults (5xx) */
    public boolean isClientError() {
        return clientError;
    }
}

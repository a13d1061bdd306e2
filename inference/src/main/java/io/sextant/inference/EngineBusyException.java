package io.sextant.inference;

/** Every parallel slot is busy and the wait queue is full (or the wait timed out): retry later. Never an out-of-memory. */
public final class EngineBusyException extends InferenceException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong
     */
    public EngineBusyException(String message) {
        super(message, null);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public EngineBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}

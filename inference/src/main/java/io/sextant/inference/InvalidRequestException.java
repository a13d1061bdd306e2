package io.sextant.inference;

/** The request cannot be served as given: the prompt does not fit the context, the engine cannot honour a setting, or a message is malformed. */
public final class InvalidRequestException extends InferenceException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong
     */
    public InvalidRequestException(String message) {
        super(message, null);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}

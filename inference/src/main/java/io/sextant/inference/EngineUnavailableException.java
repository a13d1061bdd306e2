package io.sextant.inference;

/** The engine cannot serve at all: it was closed, its native library failed, or a remote engine could not be reached after retries. */
public final class EngineUnavailableException extends InferenceException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong
     */
    public EngineUnavailableException(String message) {
        super(message, null);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

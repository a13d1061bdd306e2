package io.sextant.inference;

/** The engine accepted the request but failed while generating (a native error, a remote error status, a broken stream, a sink that threw). */
public final class GenerationFailedException extends InferenceException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong
     */
    public GenerationFailedException(String message) {
        super(message, null);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public GenerationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

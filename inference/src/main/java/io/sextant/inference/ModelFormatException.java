package io.sextant.inference;

/** A file is not a GGUF model this module can read: the message says which check failed and at which byte offset. */
public final class ModelFormatException extends InferenceException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong
     */
    public ModelFormatException(String message) {
        super(message, null);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

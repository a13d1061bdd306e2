package io.sextant.inference;

/** A model registry operation was refused: unknown or duplicate name, bad or missing signature, wrong key type. */
public final class ModelRegistryException extends InferenceException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what went wrong
     */
    public ModelRegistryException(String message) {
        super(message, null);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ModelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}

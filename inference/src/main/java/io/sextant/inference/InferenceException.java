package io.sextant.inference;

/**
 * The root of every failure this module reports. The subtypes tell a caller what to do: retry later
 * ({@link EngineBusyException}), fix the input ({@link InvalidRequestException}, {@link ModelFormatException},
 * {@link ModelRegistryException}), or report an outage ({@link EngineUnavailableException},
 * {@link GenerationFailedException}).
 */
public abstract sealed class InferenceException extends RuntimeException
        permits EngineBusyException, EngineUnavailableException, GenerationFailedException, InvalidRequestException,
        ModelFormatException, ModelRegistryException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message and an optional cause.
     *
     * @param message what went wrong, for the operator
     * @param cause the underlying failure or null
     */
    protected InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}

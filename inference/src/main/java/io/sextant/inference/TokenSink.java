package io.sextant.inference;

/**
 * Receives generated text piece by piece, on the generating thread, as soon as the engine has it. A sink that throws
 * (for example because the client's connection closed) stops the generation: the engine cancels the native work and
 * reports the failure.
 */
@FunctionalInterface
public interface TokenSink {

    /** A sink that drops everything (for callers that only want the final {@link Completion}). */
    TokenSink DISCARD = piece -> { };

    /**
     * Takes the next piece of text (usually one token; never a partial UTF-8 character).
     *
     * @param piece the text
     */
    void accept(String piece);
}

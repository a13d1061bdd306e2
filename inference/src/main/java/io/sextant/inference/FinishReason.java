package io.sextant.inference;

/** Why a completion ended. */
public enum FinishReason {
    /** The model ended its turn (end-of-sequence token) or the output grammar was complete. */
    END_OF_TURN,
    /** A stop sequence appeared; it is not part of the text. */
    STOP_SEQUENCE,
    /** The token limit was reached. */
    LENGTH,
    /** The caller cancelled (or the client went away). */
    CANCELLED
}

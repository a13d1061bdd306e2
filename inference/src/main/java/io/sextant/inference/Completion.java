package io.sextant.inference;

import java.time.Duration;
import java.util.Objects;

/**
 * The result of one generation.
 *
 * @param text the whole generated text (what the sink received, concatenated)
 * @param promptTokens tokens in the rendered prompt (an estimate for engines that cannot tokenize)
 * @param completionTokens tokens generated
 * @param finishReason why it ended
 * @param timeToFirstToken from the call to the first piece (zero when nothing was generated)
 * @param total from the call to the end, queueing included
 */
public record Completion(String text, int promptTokens, int completionTokens, FinishReason finishReason,
        Duration timeToFirstToken, Duration total) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public Completion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
        Objects.requireNonNull(total, "total");
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, got " + promptTokens + "/"
                    + completionTokens);
        }
    }
}

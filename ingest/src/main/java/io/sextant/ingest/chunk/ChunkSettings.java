package io.sextant.ingest.chunk;

/**
 * Passage sizes, in estimated tokens (about four characters each).
 *
 * @param targetTokens the size passages are packed up to
 * @param overlapTokens how much of the end of a passage is repeated at the start of the next one cut from the same
 *     portion (0 for none); never more than half the target
 */
public record ChunkSettings(int targetTokens, int overlapTokens) {
    /** About 300 tokens, 40 of overlap. */
    public static final ChunkSettings DEFAULTS = new ChunkSettings(300, 40);

    /** Validates. */
    public ChunkSettings {
        if (targetTokens < 16 || overlapTokens < 0 || overlapTokens > targetTokens / 2) {
            throw new IllegalArgumentException("need targetTokens >= 16 and 0 <= overlapTokens <= target/2: "
                    + targetTokens + ", " + overlapTokens);
        }
    }

    /**
     * Estimated tokens of a text.
     *
     * @param text any text
     * @return about one token per four characters, at least 1 for non-empty text
     */
    public static int tokens(CharSequence text) {
        return text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
    }
}

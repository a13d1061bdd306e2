package io.sextant.inference;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The numbered passages an answer must be grounded in. It travels beside the chat messages rather than inside them so
 * that every engine gets the passages in structured form: generative engines render them into the prompt, the
 * extractive engine quotes from them directly.
 *
 * @param passages the passages, numbers unique; may be empty
 */
public record GroundingContext(List<Passage> passages) {

    /** No passages. */
    public static final GroundingContext NONE = new GroundingContext(List.of());

    /**
     * Validates the context.
     *
     * @throws IllegalArgumentException when two passages share a number
     */
    public GroundingContext {
        passages = List.copyOf(passages);
        Set<Integer> seen = new HashSet<>();
        for (Passage p : passages) {
            if (!seen.add(p.number())) {
                throw new IllegalArgumentException("passage number [" + p.number() + "] appears twice");
            }
        }
    }

    /**
     * Numbers the texts 1, 2, 3... in order.
     *
     * @param texts passage texts
     * @return the context
     */
    public static GroundingContext of(String... texts) {
        Passage[] ps = new Passage[texts.length];
        for (int i = 0; i < texts.length; i++) {
            ps[i] = new Passage(i + 1, "passage " + (i + 1), texts[i]);
        }
        return new GroundingContext(List.of(ps));
    }

    /**
     * The passage with a number.
     *
     * @param number the citation number
     * @return the passage, if present
     */
    public Optional<Passage> passage(int number) {
        return passages.stream().filter(p -> p.number() == number).findFirst();
    }

    /**
     * Whether there is nothing to ground on.
     *
     * @return true when there are no passages
     */
    public boolean isEmpty() {
        return passages.isEmpty();
    }
}

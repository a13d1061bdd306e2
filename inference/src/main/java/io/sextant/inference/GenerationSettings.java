package io.sextant.inference;

import java.util.List;
import java.util.Objects;

/**
 * How to sample one completion.
 *
 * @param maxTokens the most tokens to generate, 1..65536
 * @param temperature 0 for greedy decoding, up to 2
 * @param topP nucleus sampling mass, (0, 1]
 * @param seed the sampler seed; the same seed, prompt and model give the same output on a local engine
 * @param stop stop sequences: output ends before the first one and never contains it
 * @param constraint the output shape
 */
public record GenerationSettings(int maxTokens, double temperature, double topP, long seed, List<String> stop,
        OutputConstraint constraint) {

    /** Sensible defaults: 512 tokens, temperature 0.7, top-p 0.95, seed 42, no stop sequences, free text. */
    public static final GenerationSettings DEFAULTS =
            new GenerationSettings(512, 0.7, 0.95, 42, List.of(), OutputConstraint.NONE);

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public GenerationSettings {
        if (maxTokens < 1 || maxTokens > 65_536) {
            throw new IllegalArgumentException("maxTokens must be in 1..65536, got " + maxTokens);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        stop = List.copyOf(stop);
        for (String s : stop) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("stop sequences must not be empty");
            }
        }
        if (stop.size() > 16) {
            throw new IllegalArgumentException("at most 16 stop sequences, got " + stop.size());
        }
        Objects.requireNonNull(constraint, "constraint");
    }

    /**
     * A copy with another token limit.
     *
     * @param n the most tokens to generate
     * @return the copy
     */
    public GenerationSettings withMaxTokens(int n) {
        return new GenerationSettings(n, temperature, topP, seed, stop, constraint);
    }

    /**
     * A copy with another temperature.
     *
     * @param t the temperature
     * @return the copy
     */
    public GenerationSettings withTemperature(double t) {
        return new GenerationSettings(maxTokens, t, topP, seed, stop, constraint);
    }

    /**
     * A copy with another seed.
     *
     * @param s the seed
     * @return the copy
     */
    public GenerationSettings withSeed(long s) {
        return new GenerationSettings(maxTokens, temperature, topP, s, stop, constraint);
    }

    /**
     * A copy with other stop sequences.
     *
     * @param sequences the stop sequences
     * @return the copy
     */
    public GenerationSettings withStop(String... sequences) {
        return new GenerationSettings(maxTokens, temperature, topP, seed, List.of(sequences), constraint);
    }

    /**
     * A copy with another output constraint.
     *
     * @param c the constraint
     * @return the copy
     */
    public GenerationSettings withConstraint(OutputConstraint c) {
        return new GenerationSettings(maxTokens, temperature, topP, seed, stop, c);
    }
}

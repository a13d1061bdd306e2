package io.sextant.inference;

import java.util.Objects;

/**
 * What an engine is, for logs, the admin page and {@code sextant models}.
 *
 * @param kind "llama.cpp", "openai-compatible" or "extractive"
 * @param model the model name or file ("none" for the extractive engine)
 * @param contextTokens tokens one request may use (prompt plus completion); 0 when unknown
 * @param accelerator where the work runs, e.g. "CPU" or "CUDA0 (NVIDIA H100), 33/33 layers"
 */
public record EngineInfo(String kind, String model, int contextTokens, String accelerator) {

    /**
     * Validates the description.
     *
     * @throws IllegalArgumentException when the context size is negative
     */
    public EngineInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(accelerator, "accelerator");
        if (contextTokens < 0) {
            throw new IllegalArgumentException("contextTokens must be >= 0, got " + contextTokens);
        }
    }
}

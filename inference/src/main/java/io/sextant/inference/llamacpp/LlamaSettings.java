package io.sextant.inference.llamacpp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a local GGUF model.
 *
 * @param model the GGUF file
 * @param gpuLayers layers to offload to the GPU (0 = CPU only; a large number such as 999 = all)
 * @param contextSize total KV-cache tokens, shared evenly by the parallel slots
 * @param threads CPU threads for generation and prompt processing
 * @param parallel parallel slots: requests decoded together in one batch
 * @param maxQueued requests that may wait for a slot; one more is refused as busy
 * @param queueTimeout the longest a request waits for a slot before it is refused as busy
 * @param seed the model-level seed (each request also carries its own)
 */
public record LlamaSettings(Path model, int gpuLayers, int contextSize, int threads, int parallel, int maxQueued,
        Duration queueTimeout, long seed) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public LlamaSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(queueTimeout, "queueTimeout");
        if (gpuLayers < 0) {
            throw new IllegalArgumentException("gpuLayers must be >= 0, got " + gpuLayers);
        }
        if (parallel < 1 || parallel > 256) {
            throw new IllegalArgumentException("parallel must be in 1..256, got " + parallel);
        }
        if (contextSize < 16 * parallel) {
            throw new IllegalArgumentException("contextSize " + contextSize + " leaves under 16 tokens for each of "
                    + parallel + " slots");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must be >= 0, got " + maxQueued);
        }
        if (queueTimeout.isNegative() || queueTimeout.isZero()) {
            throw new IllegalArgumentException("queueTimeout must be positive, got " + queueTimeout);
        }
    }

    /**
     * CPU defaults for a model: context 4096, all cores, 4 slots, 64 queued, 2-minute queue timeout.
     *
     * @param model the GGUF file
     * @return the settings
     */
    public static LlamaSettings cpu(Path model) {
        return new LlamaSettings(model, 0, 4096, Runtime.getRuntime().availableProcessors(), 4, 64,
                Duration.ofMinutes(2), 42);
    }

    /**
     * Tokens one request may use (prompt plus completion).
     *
     * @return the per-slot context
     */
    public int slotContext() {
        return contextSize / parallel;
    }

    /**
     * A copy with another slot count and context.
     *
     * @param slots parallel slots
     * @param context total context
     * @return the copy
     */
    public LlamaSettings withSlots(int slots, int context) {
        return new LlamaSettings(model, gpuLayers, context, threads, slots, maxQueued, queueTimeout, seed);
    }

    /**
     * A copy with another queue bound.
     *
     * @param queued requests that may wait
     * @param timeout the longest wait
     * @return the copy
     */
    public LlamaSettings withQueue(int queued, Duration timeout) {
        return new LlamaSettings(model, gpuLayers, contextSize, threads, parallel, queued, timeout, seed);
    }

    /**
     * A copy offloading layers to the GPU.
     *
     * @param layers layers to offload
     * @return the copy
     */
    public LlamaSettings withGpuLayers(int layers) {
        return new LlamaSettings(model, layers, contextSize, threads, parallel, maxQueued, queueTimeout, seed);
    }
}

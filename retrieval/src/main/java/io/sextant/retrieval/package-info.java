/**
 * Retrieval: the passage record the index ranks ({@link io.sextant.retrieval.Passage}). Sub-packages: {@code embed}
 * (ONNX embedding model and caches), {@code index} (the Lucene index on disk), {@code security} (clearance as an exact
 * in-query filter), {@code search} (BM25, kNN, fusion, snippets, facets), {@code eval} (IR evaluation).
 */
package io.sextant.retrieval;

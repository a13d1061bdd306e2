/**
 * Searching: BM25 over a body field (title, headings, text) with optional field boosts, kNN with the clearance filter
 * as HNSW pre-filter, convex or reciprocal-rank fusion, guard re-check of every hit, snippets, counts, facets and
 * more-like-this under the same filter.
 */
package io.sextant.retrieval.search;

/**
 * Clearance trimming inside the query. The guard turns a marking into CNF clauses and a clearance into tokens; each
 * passage stores one term per clause and the clause count, and a CoveringQuery admits a passage only when every
 * clause is satisfied. The same filter is the BM25 FILTER clause and the HNSW pre-filter.
 */
package io.sextant.retrieval.security;

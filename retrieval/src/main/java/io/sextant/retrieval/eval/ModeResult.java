package io.sextant.retrieval.eval;

/**
 * Quality and latency of one ranking mode on one collection.
 *
 * @param ndcg10   mean nDCG@10
 * @param recall100 mean Recall@100
 * @param mrr10    mean MRR@10
 * @param p50Ms    median search latency (query embedding excluded; it is cached)
 * @param p95Ms    95th percentile search latency
 */
public record ModeResult(double ndcg10, double recall100, double mrr10, double p50Ms, double p95Ms) {
}

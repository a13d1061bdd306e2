/** IR evaluation on BEIR-layout collections: nDCG@10, Recall@100, MRR@10 and latency percentiles per ranking mode. */
package io.sextant.retrieval.eval;

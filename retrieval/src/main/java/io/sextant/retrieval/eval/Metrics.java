package io.sextant.retrieval.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Standard IR metrics over one ranked list, as trec_eval computes them (linear gains, log2 discount). */
public final class Metrics {

    private Metrics() {
    }

    /**
     * @param ranked doc ids, best first
     * @param rels   judged relevant doc id → grade (&gt; 0)
     * @param k      cut-off
     * @return nDCG@k (0 when nothing is relevant)
     */
    public static double ndcg(List<String> ranked, Map<String, Integer> rels, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            Integer g = rels.get(ranked.get(i));
            if (g != null) {
                dcg += g / log2(i + 2);
            }
        }
        List<Integer> grades = new ArrayList<>(rels.values());
        grades.sort((a, b) -> b - a);
        double idcg = 0;
        for (int i = 0; i < Math.min(k, grades.size()); i++) {
            idcg += grades.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /**
     * @param ranked doc ids, best first
     * @param rels   judged relevant docs
     * @param k      cut-off
     * @return the fraction of relevant docs in the top k
     */
    public static double recall(List<String> ranked, Map<String, Integer> rels, int k) {
        if (rels.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (rels.containsKey(ranked.get(i))) {
                found++;
            }
        }
        return (double) found / rels.size();
    }

    /**
     * @param ranked doc ids, best first
     * @param rels   judged relevant docs
     * @param k      cut-off
     * @return 1 / rank of the first relevant doc within k, else 0
     */
    public static double mrr(List<String> ranked, Map<String, Integer> rels, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (rels.containsKey(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /**
     * @param sortedMillis latencies, sorted ascending
     * @param p            percentile in (0, 100]
     * @return the nearest-rank percentile
     */
    public static double percentile(double[] sortedMillis, double p) {
        if (sortedMillis.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

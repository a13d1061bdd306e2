package io.sextant.retrieval.eval;

import io.sextant.guard.marking.Marking;
import io.sextant.retrieval.Passage;
import io.sextant.retrieval.embed.Embedder;
import io.sextant.retrieval.index.Fields;
import io.sextant.retrieval.index.PassageIndex;
import io.sextant.retrieval.search.FusionSettings;
import io.sextant.retrieval.search.HybridRanker;
import io.sextant.retrieval.search.Mode;
import io.sextant.retrieval.security.AccessFilter;
import io.sextant.retrieval.security.ScopedStatistics;
import io.sextant.retrieval.security.VisibilityLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Runs a test collection through the real index: every document becomes one unclassified passage in a fresh index,
 * queries run through the same ranker and clearance filter as production searches, and the ranked document ids are
 * scored against the judgements.
 */
public final class RetrievalEvaluation implements AutoCloseable {

    private static final int DEPTH = 100;

    private final IrCollection collection;
    private final PassageIndex index;
    private final Set<String> authorizations;
    private final List<float[]> queryVectors = new ArrayList<>();
    private final double queryEmbedMillis;

    /**
     * Indexes the collection.
     *
     * @param collection     the collection
     * @param embedder       embeds documents and queries
     * @param indexDir       an empty directory for the temporary index
     * @param labels         marking → clauses (all documents are marked UNCLASSIFIED)
     * @param authorizations the evaluating user's tokens (the filter runs as in production)
     * @param vectors        vector storage
     * @throws IOException on index errors
     */
    public RetrievalEvaluation(IrCollection collection, Embedder embedder, Path indexDir, VisibilityLabels labels,
            Set<String> authorizations, PassageIndex.VectorStorage vectors) throws IOException {
        this.collection = collection;
        this.authorizations = authorizations;
        this.index = new PassageIndex(indexDir, labels, embedder, embedder.dimension(), vectors);
        List<Passage> batch = new ArrayList<>();
        for (IrCollection.Doc d : collection.docs()) {
            batch.add(new Passage(d.id(), d.id(), 0, d.text(), d.title(), List.of(), null, Marking.UNCLASSIFIED,
                    collection.name(), "", null, "", "en", null));
            if (batch.size() == 512) {
                index.add(batch);
                batch.clear();
            }
        }
        index.add(batch);
        index.commit();
        long t0 = System.nanoTime();
        for (IrCollection.Query q : collection.queries()) {
            queryVectors.add(embedder.embedQuery(q.text()));
        }
        this.queryEmbedMillis = (System.nanoTime() - t0) / 1e6 / Math.max(1, collection.queries().size());
    }

    /** @return mean query-embedding time in ms (0 when the embedder served them from its cache) */
    public double queryEmbedMillis() {
        return queryEmbedMillis;
    }

    /**
     * Runs every query in one mode.
     *
     * @param mode     ranking mode
     * @param settings fusion settings
     * @return mean metrics and latency percentiles
     * @throws IOException on read errors
     */
    public ModeResult run(Mode mode, FusionSettings settings) throws IOException {
        IndexSearcher s = index.acquire();
        try {
            StoredFields stored = s.storedFields();
            double ndcg = 0;
            double recall = 0;
            double mrr = 0;
            int n = collection.queries().size();
            double[] lat = new double[n];
            for (int i = 0; i < n; i++) {
                IrCollection.Query q = collection.queries().get(i);
                long t0 = System.nanoTime();
                Query filter = AccessFilter.forUser(s.getIndexReader(), authorizations);
                // as PassageSearcher does: the evaluating user's BM25 statistics count only what it may see
                IndexSearcher scoped = ScopedStatistics.searcher(s, authorizations, index.executor());
                List<HybridRanker.Scored> hits = HybridRanker.rank(scoped, q.text(), queryVectors.get(i), filter,
                        mode, DEPTH, settings);
                lat[i] = (System.nanoTime() - t0) / 1e6;
                List<String> ids = new ArrayList<>(hits.size());
                for (HybridRanker.Scored h : hits) {
                    ids.add(stored.document(h.doc(), Set.of(Fields.DOC_ID)).get(Fields.DOC_ID));
                }
                Map<String, Integer> rels = collection.qrels().get(q.id());
                ndcg += Metrics.ndcg(ids, rels, 10);
                recall += Metrics.recall(ids, rels, DEPTH);
                mrr += Metrics.mrr(ids, rels, 10);
            }
            Arrays.sort(lat);
            return new ModeResult(ndcg / n, recall / n, mrr / n, Metrics.percentile(lat, 50),
                    Metrics.percentile(lat, 95));
        } finally {
            index.release(s);
        }
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}

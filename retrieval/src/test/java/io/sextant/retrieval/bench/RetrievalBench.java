package io.sextant.retrieval.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Vocabulary;
import io.sextant.guard.visibility.Visibility;
import io.sextant.retrieval.Passage;
import io.sextant.retrieval.embed.OnnxEmbedder;
import io.sextant.retrieval.embed.VectorMath;
import io.sextant.retrieval.eval.IrCollection;
import io.sextant.retrieval.eval.Metrics;
import io.sextant.retrieval.index.PassageIndex;
import io.sextant.retrieval.search.FusionSettings;
import io.sextant.retrieval.search.HybridRanker;
import io.sextant.retrieval.search.Mode;
import io.sextant.retrieval.security.AccessFilter;
import io.sextant.retrieval.security.GuardVisibilityLabels;
import io.sextant.retrieval.security.ScopedStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Benchmarks (a main, not a test): {@code embed <scifactDir> <docs>} compares our embedder with LangChain4j's
 * {@code embedAll} on the same model and texts; {@code index <passages>} builds a synthetic index and measures query
 * latency for BM25, kNN and hybrid with and without the clearance filter, including a user who may see 1%.
 */
public final class RetrievalBench {

    private RetrievalBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "embed" -> embed(Path.of(args[1]), Integer.parseInt(args[2]));
            case "index" -> index(Integer.parseInt(args[1]), args.length > 2 ? args[2] : "INT8",
                    args.length > 3 ? Integer.parseInt(args[3]) : 1, args.length > 4 ? Path.of(args[4]) : null);
            case "query" -> queryEmbedding(Path.of(args[1]));
            default -> throw new IllegalArgumentException("embed DIR N | index N [FLOAT|INT8] | query DIR");
        }
    }

    private static void embed(Path scifact, int n) throws Exception {
        List<String> texts = IrCollection.read(scifact).docs().stream().limit(n).map(IrCollection::passageText)
                .toList();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("embedding %d SciFact documents on %d cores%n", texts.size(), cores);
        BgeSmallEnV15QuantizedEmbeddingModel lc4j = new BgeSmallEnV15QuantizedEmbeddingModel();
        List<TextSegment> segs = texts.stream().map(TextSegment::from).toList();
        lc4j.embedAll(segs.subList(0, 8)); // warm up
        long t0 = System.nanoTime();
        lc4j.embedAll(segs);
        double lcSec = (System.nanoTime() - t0) / 1e9;
        long pieces = 0;
        try (OnnxEmbedder warm = new OnnxEmbedder(cores, 512, 8192)) {
            for (long[] ids : warm.tokenize(texts)) {
                pieces += ids.length;
            }
        }
        System.out.printf("langchain4j embedAll        %7.1f docs/s %8.0f word-pieces/s%n", texts.size() / lcSec,
                pieces / lcSec);
        for (int budget : new int[] {2048, 8192, 32768}) {
            try (OnnxEmbedder ours = new OnnxEmbedder(cores, 512, budget)) {
                ours.embedPassages(texts.subList(0, 8));
                long t1 = System.nanoTime();
                ours.embedPassages(texts);
                double sec = (System.nanoTime() - t1) / 1e9;
                System.out.printf("sextant budget %5d tokens %7.1f docs/s %8.0f word-pieces/s  %.2fx%n", budget,
                        texts.size() / sec, pieces / sec, lcSec / sec);
            }
        }
    }

    private static void queryEmbedding(Path collection) throws Exception {
        List<String> queries = IrCollection.read(collection).queries().stream().map(IrCollection.Query::text)
                .toList();
        try (OnnxEmbedder e = new OnnxEmbedder()) {
            e.embedQuery("warm up");
            double[] lat = new double[queries.size()];
            for (int i = 0; i < lat.length; i++) {
                long t0 = System.nanoTime();
                e.embedQuery(queries.get(i));
                lat[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(lat);
            System.out.printf("query embedding, %d queries of %s, one at a time: p50 %.1f ms, p95 %.1f ms%n",
                    lat.length, collection.getFileName(), Metrics.percentile(lat, 50), Metrics.percentile(lat, 95));
        }
    }

    private static void index(int n, String storage, int threads, Path keep) throws Exception {
        int dim = 384;
        Random r = new Random(42);
        MarkingParser parser = MarkingParser.defaultParser();
        Marking[] marks = {parser.parsePortion("(U)").marking(), parser.parsePortion("(S)").marking(),
            parser.parsePortion("(TS//SI)").marking(), parser.parsePortion("(S//NF)").marking()};
        String[] vocab = new String[5000];
        for (int i = 0; i < vocab.length; i++) {
            vocab[i] = "w" + Integer.toString(i, 36);
        }
        Path dir = keep != null ? keep : Files.createTempDirectory("sextant-bench-");
        boolean reuse = keep != null && Files.exists(keep.resolve("built"));
        try (PassageIndex index = new PassageIndex(dir, new GuardVisibilityLabels(), null, dim,
                PassageIndex.VectorStorage.valueOf(storage))) {
            if (reuse) {
                System.out.printf("reusing the index in %s%n", keep);
            } else {
                build(index, n, storage, threads, r, vocab, marks, dim);
                if (keep != null) {
                    Files.writeString(keep.resolve("built"), n + " " + storage + "\n");
                }
            }
            int merge = Integer.getInteger("bench.merge", 0);
            if (merge > 0) {
                long m0 = System.nanoTime();
                index.optimize(merge);
                System.out.printf("force-merged to %d segments in %.1f s%n", merge, (System.nanoTime() - m0) / 1e9);
            }
            measure(index, dim);
        } finally {
            if (keep == null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void build(PassageIndex index, int n, String storage, int threads, Random r, String[] vocab,
            Marking[] marks, int dim) throws Exception {
        long t0 = System.nanoTime();
        // Batches are generated in order from one seeded Random (same corpus for any thread count) and added
        // by `threads` writers: IndexWriter builds one HNSW graph per thread's segment.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(threads * 2);
        List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
        List<Passage> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int m = i % 100 == 0 ? 0 : 1 + r.nextInt(3);
            batch.add(new Passage("p" + i, "d" + i / 4, i % 4, text(r, vocab, 60), "t", List.of(), null, marks[m],
                    "c", "pdf", null, "s", "en", randomUnit(r, dim)));
            if (batch.size() == 1000 || i == n - 1) {
                List<Passage> full = List.copyOf(batch);
                batch.clear();
                inFlight.acquire();
                pending.add(pool.submit(() -> {
                    try {
                        index.add(full);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                }));
            }
            if (i > 0 && i % 100_000 == 0) {
                System.out.printf("  %d passages generated, %.0f s%n", i, (System.nanoTime() - t0) / 1e9);
            }
        }
        for (java.util.concurrent.Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
        index.commit();
        double build = (System.nanoTime() - t0) / 1e9;
        long m0 = System.nanoTime();
        index.awaitMerges();
        System.out.printf("background merges after the last commit finished in %.1f s%n",
                (System.nanoTime() - m0) / 1e9);
        System.out.printf("index %d passages (%s vectors, 384-d, %d writer threads): %.1f s, %.0f passages/s%n",
                n, storage, threads, build, n / build);
    }

    /**
     * Query latency by mode and user, for a sequential searcher and for searchers that spread segments over an
     * executor ({@code -Dbench.threads=0,2}: 0 is sequential). BM25@100 and KNN@100 are the two halves of a hybrid
     * query at the default fusion depths.
     */
    private static void measure(PassageIndex index, int dim) throws Exception {
        Random r = new Random(7);
        String[] vocab = new String[5000];
        for (int i = 0; i < vocab.length; i++) {
            vocab[i] = "w" + Integer.toString(i, 36);
        }
        Clearance high = Clearance.parse("level=TS;sci=SI;country=USA", Vocabulary.defaults());
        Clearance low = Clearance.parse("level=U;country=USA", Vocabulary.defaults());
        FusionSettings st = FusionSettings.defaults();
        int queries = Integer.getInteger("bench.queries", 300);
        String[] qs = new String[queries];
        float[][] qv = new float[queries][];
        for (int i = 0; i < queries; i++) {
            qs[i] = text(r, vocab, 4);
            qv[i] = randomUnit(r, dim);
        }
        String[] rows = System.getProperty("bench.rows", "BM25,DENSE,HYBRID,BM25@100,KNN@100").split(",");
        IndexSearcher acquired = index.acquire();
        try {
            System.out.printf("segments: %d, maxDoc %d%n", acquired.getIndexReader().leaves().size(),
                    acquired.getIndexReader().maxDoc());
            for (String f : System.getProperty("bench.filter", "cached,covering").split(",")) {
                boolean covering = f.equals("covering");
                for (String t : System.getProperty("bench.threads", "0").split(",")) {
                    int threads = Integer.parseInt(t.trim());
                    java.util.concurrent.ExecutorService pool = threads == 0 ? null
                            : java.util.concurrent.Executors.newFixedThreadPool(threads);
                    try {
                        IndexSearcher s = new IndexSearcher(acquired.getIndexReader(), pool);
                        s.setSimilarity(PassageIndex.SIMILARITY);
                        System.out.printf("filter: %s; searcher: %s%n", covering
                                ? "CoveringQuery per query (baseline)" : "cached per-segment bit sets",
                                threads == 0 ? "sequential"
                                        : threads + " threads, " + s.getSlices().length + " slices");
                        for (String row : rows) {
                            double[] none = time(s, pool, qs, qv, row, st, null, covering);
                            double[] hi = time(s, pool, qs, qv, row, st, Visibility.authorizations(high), covering);
                            double[] lo = time(s, pool, qs, qv, row, st, Visibility.authorizations(low), covering);
                            System.out.printf("%-8s unfiltered p50 %6.2f p99 %6.2f | TS user p50 %6.2f p99 %6.2f "
                                    + "(%+.0f%%) | 1%% user p50 %6.2f p99 %6.2f (%+.0f%%) ms%n", row, none[0], none[1],
                                    hi[0], hi[1], 100 * (hi[0] / none[0] - 1), lo[0], lo[1],
                                    100 * (lo[0] / none[0] - 1));
                        }
                        if (!covering) {
                            double[] hi = searchApi(s, pool, qs, qv, high);
                            double[] lo = searchApi(s, pool, qs, qv, low);
                            System.out.printf("%-8s TS user p50 %6.2f p99 %6.2f | 1%% user p50 %6.2f p99 %6.2f ms "
                                    + "(PassageSearcher: hybrid k=10 + visible count + facets + snippets + guard)%n",
                                    "SEARCH", hi[0], hi[1], lo[0], lo[1]);
                        }
                    } finally {
                        if (pool != null) {
                            pool.shutdown();
                        }
                    }
                }
            }
        } finally {
            index.release(acquired);
        }
    }

    /** The whole search a user runs from the search page, minus query embedding (vectors are looked up). */
    private static double[] searchApi(IndexSearcher s, java.util.concurrent.Executor executor, String[] qs,
            float[][] qv, Clearance user) throws Exception {
        java.util.Map<String, float[]> vectors = new java.util.HashMap<>();
        for (int i = 0; i < qs.length; i++) {
            vectors.put(qs[i], qv[i]);
        }
        io.sextant.retrieval.embed.Embedder lookup = new io.sextant.retrieval.embed.Embedder() {
            @Override
            public int dimension() {
                return qv[0].length;
            }

            @Override
            public String modelId() {
                return "bench-lookup";
            }

            @Override
            public List<float[]> embedPassages(List<String> passages) {
                // The search benchmark only looks query vectors up; its passages were indexed with their vectors.
                throw new IllegalStateException("the benchmark's query-vector lookup does not embed passages");
            }

            @Override
            public float[] embedQuery(String query) {
                return vectors.get(query);
            }
        };
        io.sextant.retrieval.index.SearcherSource source = new io.sextant.retrieval.index.SearcherSource() {
            @Override
            public IndexSearcher acquire() {
                return s;
            }

            @Override
            public void release(IndexSearcher searcher) {
            }

            @Override
            public io.sextant.retrieval.security.VisibilityLabels labels() {
                return new GuardVisibilityLabels();
            }

            @Override
            public java.util.concurrent.Executor executor() {
                return executor;
            }
        };
        io.sextant.retrieval.search.PassageSearcher searcher = new io.sextant.retrieval.search.PassageSearcher(
                source, lookup, FusionSettings.defaults(), MarkingParser.defaultParser());
        double[] lat = new double[qs.length];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < qs.length; i++) {
                long t0 = System.nanoTime();
                searcher.search(io.sextant.retrieval.search.SearchRequest.of(qs[i], user, 10));
                lat[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(lat);
        return new double[] {Metrics.percentile(lat, 50), Metrics.percentile(lat, 99)};
    }

    private static double[] time(IndexSearcher s, java.util.concurrent.Executor executor, String[] qs, float[][] qv,
            String row, FusionSettings st, Set<String> auths, boolean covering) throws Exception {
        double[] lat = new double[qs.length];
        for (int round = 0; round < 2; round++) { // first round warms up
            for (int i = 0; i < qs.length; i++) {
                long t0 = System.nanoTime();
                Query filter = auths == null ? null
                        : covering ? coveringFilter(s.getIndexReader(), auths) : AccessFilter.forUser(auths);
                // as in production, a user's BM25 statistics count only what the user may see (not in the baseline)
                IndexSearcher u = auths == null || covering ? s : ScopedStatistics.searcher(s, auths, executor);
                switch (row) {
                    case "BM25@100" -> HybridRanker.lexical(u, HybridRanker.lexicalQuery(qs[i], st), filter,
                            st.lexicalDepth());
                    case "KNN@100" -> HybridRanker.dense(u, qv[i], filter, st.denseDepth());
                    default -> HybridRanker.rank(u, qs[i], qv[i], filter, Mode.valueOf(row), 10, st);
                }
                lat[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(lat);
        return new double[] {Metrics.percentile(lat, 50), Metrics.percentile(lat, 99)};
    }

    /**
     * The clearance filter as it was before the per-segment cache, kept as the baseline: the clause terms the user
     * satisfies, enumerated per query, as sub-queries of a {@link org.apache.lucene.sandbox.search.CoveringQuery}
     * whose per-passage minimum is the passage's clause count.
     */
    private static Query coveringFilter(org.apache.lucene.index.IndexReader reader, Set<String> auths)
            throws java.io.IOException {
        java.util.TreeSet<String> satisfied = new java.util.TreeSet<>();
        for (var leaf : reader.leaves()) {
            org.apache.lucene.index.Terms terms = leaf.reader().terms(AccessFilter.CLAUSE_FIELD);
            if (terms == null) {
                continue;
            }
            org.apache.lucene.index.TermsEnum te = terms.iterator();
            for (var b = te.next(); b != null; b = te.next()) {
                String clause = b.utf8ToString();
                if (clause.equals("*") || Arrays.stream(clause.split("\\|")).anyMatch(auths::contains)) {
                    satisfied.add(clause);
                }
            }
        }
        List<Query> subs = new ArrayList<>();
        for (String c : satisfied) {
            subs.add(new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(AccessFilter.CLAUSE_FIELD, c)));
        }
        return subs.isEmpty() ? new org.apache.lucene.search.MatchNoDocsQuery()
                : new org.apache.lucene.sandbox.search.CoveringQuery(subs,
                        org.apache.lucene.search.LongValuesSource.fromLongField(AccessFilter.COUNT_FIELD));
    }

    private static String text(Random r, String[] vocab, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            // Zipf-like: low ranks are common
            int k = (int) Math.min(vocab.length - 1, Math.floor(Math.pow(vocab.length, r.nextDouble())) - 1);
            sb.append(vocab[Math.max(0, k)]).append(' ');
        }
        return sb.toString();
    }

    private static float[] randomUnit(Random r, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return VectorMath.normalize(v);
    }
}

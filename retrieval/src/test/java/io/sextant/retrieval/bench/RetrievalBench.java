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
                    args.length > 3 ? Integer.parseInt(args[3]) : 1);
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

    private static void index(int n, String storage, int threads) throws Exception {
        int dim = 384;
        Random r = new Random(42);
        MarkingParser parser = MarkingParser.defaultParser();
        Marking[] marks = {parser.parsePortion("(U)").marking(), parser.parsePortion("(S)").marking(),
            parser.parsePortion("(TS//SI)").marking(), parser.parsePortion("(S//NF)").marking()};
        String[] vocab = new String[5000];
        for (int i = 0; i < vocab.length; i++) {
            vocab[i] = "w" + Integer.toString(i, 36);
        }
        Path dir = Files.createTempDirectory("sextant-bench-");
        try (PassageIndex index = new PassageIndex(dir, new GuardVisibilityLabels(), null, dim,
                PassageIndex.VectorStorage.valueOf(storage))) {
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
            System.out.printf("index %d passages (%s vectors, 384-d, %d writer threads): %.1f s, %.0f passages/s%n",
                    n, storage, threads, build, n / build);
            Clearance high = Clearance.parse("level=TS;sci=SI;country=USA", Vocabulary.defaults());
            Clearance low = Clearance.parse("level=U;country=USA", Vocabulary.defaults());
            FusionSettings st = FusionSettings.defaults();
            IndexSearcher s = index.acquire();
            System.out.printf("segments: %d%n", s.getIndexReader().leaves().size());
            int queries = 300;
            String[] qs = new String[queries];
            float[][] qv = new float[queries][];
            for (int i = 0; i < queries; i++) {
                qs[i] = text(r, vocab, 4);
                qv[i] = randomUnit(r, dim);
            }
            for (Mode mode : Mode.values()) {
                double[] none = time(s, qs, qv, mode, st, null);
                double[] hi = time(s, qs, qv, mode, st, Visibility.authorizations(high));
                double[] lo = time(s, qs, qv, mode, st, Visibility.authorizations(low));
                System.out.printf("%-6s unfiltered p50 %6.2f p99 %6.2f | TS user p50 %6.2f p99 %6.2f (%+.0f%%) | "
                        + "1%% user p50 %6.2f p99 %6.2f (%+.0f%%) ms%n", mode, none[0], none[1], hi[0], hi[1],
                        100 * (hi[0] / none[0] - 1), lo[0], lo[1], 100 * (lo[0] / none[0] - 1));
            }
            index.release(s);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double[] time(IndexSearcher s, String[] qs, float[][] qv, Mode mode, FusionSettings st,
            Set<String> auths) throws Exception {
        double[] lat = new double[qs.length];
        for (int round = 0; round < 2; round++) { // first round warms up
            for (int i = 0; i < qs.length; i++) {
                long t0 = System.nanoTime();
                Query filter = auths == null ? null : AccessFilter.forUser(s.getIndexReader(), auths);
                HybridRanker.rank(s, qs[i], qv[i], filter, mode, 10, st);
                lat[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(lat);
        return new double[] {Metrics.percentile(lat, 50), Metrics.percentile(lat, 99)};
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

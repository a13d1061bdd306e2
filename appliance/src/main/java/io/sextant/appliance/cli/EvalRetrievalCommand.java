package io.sextant.appliance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Vocabulary;
import io.sextant.guard.visibility.Visibility;
import io.sextant.retrieval.embed.CachingEmbedder;
import io.sextant.retrieval.embed.OnnxEmbedder;
import io.sextant.retrieval.eval.IrCollection;
import io.sextant.retrieval.eval.ModeResult;
import io.sextant.retrieval.eval.RetrievalEvaluation;
import io.sextant.retrieval.index.PassageIndex;
import io.sextant.retrieval.search.FusionSettings;
import io.sextant.retrieval.search.Mode;
import io.sextant.retrieval.security.GuardVisibilityLabels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant eval retrieval}: indexes a test collection into a temporary index and reports nDCG@10, Recall@100,
 * MRR@10 and search latency for BM25, dense and hybrid ranking, through the same index, filter and ranker as search.
 */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Evaluate retrieval quality on a collection (corpus.jsonl, queries.jsonl, qrels.tsv).")
final class EvalRetrievalCommand implements Callable<Integer> {

    /** Which modes to run. */
    enum Which { bm25, dense, hybrid, all }

    @Spec
    private CommandSpec spec;

    @Option(names = "--collection", required = true, paramLabel = "DIR", description = "The collection folder.")
    private Path collection;

    @Option(names = "--mode", defaultValue = "all", paramLabel = "MODE",
            description = "bm25, dense, hybrid or all (default all).")
    private Which mode;

    @Option(names = "--json", description = "Print {\"bm25\": {\"ndcg@10\": x, ...}, ...} only.")
    private boolean json;

    @Option(names = "--embedding-cache", paramLabel = "DIR",
            description = "Keep document and query vectors here (keyed by model and text hash) to skip re-embedding.")
    private Path embeddingCache;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IrCollection c;
        try {
            c = IrCollection.read(collection);
        } catch (IOException e) {
            err.println("sextant eval retrieval: cannot read the collection: " + e.getMessage());
            return 1;
        }
        List<Mode> modes = mode == Which.all ? List.of(Mode.BM25, Mode.DENSE, Mode.HYBRID)
                : List.of(Mode.valueOf(mode.name().toUpperCase(Locale.ROOT)));
        Clearance evaluator = Clearance.parse("level=U;country=USA", Vocabulary.defaults());
        Path tmp = Files.createTempDirectory("sextant-eval-");
        long t0 = System.nanoTime();
        try (CachingEmbedder embedder = new CachingEmbedder(new OnnxEmbedder(), 4096, embeddingCache);
             RetrievalEvaluation ev = new RetrievalEvaluation(c, embedder, tmp, new GuardVisibilityLabels(),
                     Visibility.authorizations(evaluator), PassageIndex.VectorStorage.INT8)) {
            if (!json) {
                out.printf("%s: %d documents, %d judged queries, indexed in %.1f s; query embedding %.1f ms/query "
                        + "(excluded from the latencies below)%n", c.name(), c.docs().size(), c.queries().size(),
                        (System.nanoTime() - t0) / 1e9, ev.queryEmbedMillis());
            }
            ObjectNode root = new ObjectMapper().createObjectNode();
            for (Mode m : modes) {
                ModeResult r = ev.run(m, FusionSettings.defaults());
                ObjectNode n = root.putObject(m.name().toLowerCase(Locale.ROOT));
                n.put("ndcg@10", round(r.ndcg10()));
                n.put("recall@100", round(r.recall100()));
                n.put("mrr@10", round(r.mrr10()));
                n.put("p50_ms", round(r.p50Ms()));
                n.put("p95_ms", round(r.p95Ms()));
                if (!json) {
                    out.printf("%-7s nDCG@10 %.4f  Recall@100 %.4f  MRR@10 %.4f  p50 %.2f ms  p95 %.2f ms%n",
                            m.name().toLowerCase(Locale.ROOT), r.ndcg10(), r.recall100(), r.mrr10(), r.p50Ms(),
                            r.p95Ms());
                }
            }
            if (json) {
                out.println(root.toString());
            }
            out.flush();
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}

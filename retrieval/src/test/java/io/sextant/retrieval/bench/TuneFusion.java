package io.sextant.retrieval.bench;

import io.sextant.retrieval.embed.CachingEmbedder;
import io.sextant.retrieval.embed.OnnxEmbedder;
import io.sextant.retrieval.embed.OnnxModel;
import io.sextant.retrieval.eval.IrCollection;
import io.sextant.retrieval.eval.ModeResult;
import io.sextant.retrieval.eval.RetrievalEvaluation;
import io.sextant.retrieval.index.PassageIndex;
import io.sextant.retrieval.search.FusionSettings;
import io.sextant.retrieval.search.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Dev tool: evaluates fusion variants on collections with cached embeddings (args: cacheDir storage collection...). */
public final class TuneFusion {
    private TuneFusion() {
    }

    public static void main(String[] args) throws Exception {
        try (CachingEmbedder e = new CachingEmbedder(new OnnxEmbedder(
                OnnxModel.valueOf(System.getProperty("model", "bge")), Runtime.getRuntime().availableProcessors(), 512,
                8192), 1024, Path.of(args[0]))) {
            for (int a = 2; a < args.length; a++) {
                IrCollection c = IrCollection.read(Path.of(args[a]));
                Path tmp = Files.createTempDirectory("tune");
                try (RetrievalEvaluation ev = new RetrievalEvaluation(c, e, tmp, new NoLabels(), Set.of(),
                        PassageIndex.VectorStorage.valueOf(args[1]))) {
                    FusionSettings base = FusionSettings.defaults();
                    for (float tb : new float[] {0f, 0.5f}) {
                        print(c.name() + " bm25 title=" + tb, ev.run(Mode.BM25, base.withBoosts(tb, 1f)));
                    }
                    print(c.name() + " dense", ev.run(Mode.DENSE, base));
                    print(c.name() + " rrf w=.5", ev.run(Mode.HYBRID, base.withMethod(FusionSettings.Method.RRF)
                            .withDenseWeight(0.5f)));
                    String[] grid = System.getProperty("grid", "0.5,0.6,0.7,0.8").split(",");
                    for (String tb : System.getProperty("titles", "0").split(",")) {
                        for (String g : grid) {
                            float w = Float.parseFloat(g);
                            FusionSettings fs = base.withBoosts(Float.parseFloat(tb), 1f).withDenseWeight(w);
                            print(c.name() + " rrf t=" + tb + " w=" + w, ev.run(Mode.HYBRID,
                                    fs.withMethod(FusionSettings.Method.RRF)));
                            print(c.name() + " cvx t=" + tb + " w=" + w, ev.run(Mode.HYBRID, fs));
                        }
                    }
                }
            }
        }
    }

    private static void print(String what, ModeResult r) {
        System.out.printf("%-28s ndcg@10 %.4f  R@100 %.4f  mrr@10 %.4f  p50 %.2f ms  p95 %.2f ms%n", what, r.ndcg10(),
                r.recall100(), r.mrr10(), r.p50Ms(), r.p95Ms());
    }
}

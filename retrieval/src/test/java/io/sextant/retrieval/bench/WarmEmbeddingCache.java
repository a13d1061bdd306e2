package io.sextant.retrieval.bench;

import io.sextant.retrieval.embed.CachingEmbedder;
import io.sextant.retrieval.embed.OnnxEmbedder;
import io.sextant.retrieval.eval.IrCollection;
import java.nio.file.Path;
import java.util.List;

/** Dev tool: fills the on-disk embedding cache for collections (args: cacheDir collectionDir...). */
public final class WarmEmbeddingCache {
    private WarmEmbeddingCache() {
    }

    public static void main(String[] args) throws Exception {
        try (CachingEmbedder e = new CachingEmbedder(new OnnxEmbedder(), 16, Path.of(args[0]))) {
            for (int a = 1; a < args.length; a++) {
                IrCollection c = IrCollection.read(Path.of(args[a]));
                long t0 = System.nanoTime();
                for (IrCollection.Query q : c.queries()) {
                    e.embedQuery(q.text());
                }
                List<String> texts = c.docs().stream().map(IrCollection::passageText).toList();
                for (int i = 0; i < texts.size(); i += 256) {
                    e.embedPassages(texts.subList(i, Math.min(texts.size(), i + 256)));
                    System.out.printf("%s %d/%d %.1fs%n", c.name(), Math.min(texts.size(), i + 256), texts.size(),
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        }
    }
}

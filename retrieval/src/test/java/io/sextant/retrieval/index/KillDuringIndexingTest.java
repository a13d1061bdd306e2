package io.sextant.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.Marking;
import io.sextant.retrieval.HashEmbedder;
import io.sextant.retrieval.Passage;
import io.sextant.retrieval.security.GuardVisibilityLabels;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real kill -9 of a JVM that is indexing: the index reopens, passes its check, and keeps every committed batch. */
class KillDuringIndexingTest {

    private static final int DIM = 8;
    private static final int BATCH = 200;

    /** The child process: indexes forever, committing every other batch and reporting the committed count. */
    public static void main(String[] args) throws Exception {
        try (PassageIndex index = new PassageIndex(Path.of(args[0]), new GuardVisibilityLabels(), null, DIM,
                PassageIndex.VectorStorage.INT8)) {
            for (int round = 0; ; round++) {
                List<Passage> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    String text = "passage " + round + " " + i + " convoy harbor signal";
                    batch.add(new Passage("p" + round + "-" + i, "d" + round, i, text, "", List.of(), null,
                            Marking.UNCLASSIFIED, "", "", null, "", "", HashEmbedder.vector(text, DIM)));
                }
                index.add(batch);
                if (round % 2 == 1) {
                    index.commit();
                    System.out.println("committed " + (round + 1) * BATCH);
                    System.out.flush();
                }
            }
        }
    }

    @Test
    void a_killed_indexer_loses_only_uncommitted_work(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillDuringIndexingTest.class.getName(), dir.toString()).redirectErrorStream(true).start();
        long committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed = Long.parseLong(line.substring(10).trim());
                    if (committed >= 6 * BATCH) {
                        break;
                    }
                }
            }
            p.destroyForcibly(); // SIGKILL, mid-batch
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).as("the child must have committed before it was killed").isGreaterThanOrEqualTo(
                6 * BATCH);
        try (PassageIndex reopened = new PassageIndex(dir, new GuardVisibilityLabels(), null, DIM,
                PassageIndex.VectorStorage.INT8)) {
            IndexSearcher s = reopened.acquire();
            try {
                int n = s.count(new MatchAllDocsQuery());
                assertThat(n).isGreaterThanOrEqualTo((int) committed);
                assertThat(n % (2 * BATCH)).as("only whole commits survive").isZero();
            } finally {
                reopened.release(s);
            }
        }
    }
}

package io.sextant.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.ExtractionLimits;
import io.sextant.ingest.StoredDocument;
import io.sextant.ingest.chunk.ChunkSettings;
import io.sextant.ingest.chunk.StructureChunker;
import io.sextant.ingest.store.IngestStore;
import io.sextant.ingest.store.JobSummary;
import io.sextant.ingest.tika.TikaTextExtractor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a real {@code java} process in the middle of an ingest, then reruns the same ingest: the job resumes,
 * no file is stored twice, every file the killed process reported as committed is there (H2's default write delay
 * once lost those), and every stored document has all of its passages (compared with an uninterrupted run).
 */
class KillResumeTest {
    @TempDir
    Path tmp;

    static IngestRequest request() {
        MarkingParser p = MarkingParser.defaultParser();
        return new IngestRequest("kill", p.parsePortion("(U)").marking(), null);
    }

    @Test
    void a_killed_ingest_resumes_without_duplicates_or_half_documents() throws Exception {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.err.println("KillResumeTest seed: -Dtests.seed=" + seed);
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Random r = new Random(seed);
        for (int i = 0; i < 30; i++) {
            StringBuilder sb = new StringBuilder();
            for (int p = 0; p < 600; p++) {
                sb.append(p % 3 == 0 ? "(S) " : "(U) ").append("Paragraph ").append(p).append(" of file ").append(i)
                        .append(" word").append(r.nextInt(1000)).append(" and more words to fill a line.\n\n");
            }
            Files.writeString(folder.resolve(String.format("f%02d.txt", i)), sb);
        }
        Path data = tmp.resolve("data");
        Process proc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), IngestProcessMain.class.getName(), data.toString(),
                folder.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int done = 0;
        List<String> reportedDone = new java.util.ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(proc.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null && done < 4; ) {
                if (line.startsWith("DONE")) {
                    reportedDone.add(line.substring("DONE ".length()));
                    done++;
                }
            }
            proc.destroyForcibly();
            assertThat(proc.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(done).as("the process was killed mid-run").isEqualTo(4);
        assertThat(proc.exitValue()).isEqualTo(137);

        Map<String, Integer> expected = reference(folder);
        try (IngestStore store = IngestStore.open(data)) {
            assertThat(store.status().unfinishedJobs()).isEqualTo(1);
            assertComplete(store, expected, false);
            List<String> stored = store.documents().stream().filter(d -> d.parentId() == 0)
                    .map(d -> Path.of(d.sourcePath()).getFileName().toString()).toList();
            assertThat(stored).as("every file reported committed just before the kill survives it")
                    .containsAll(reportedDone);
        }
        try (IngestEngine engine = IngestEngine.open(data, IngestProcessMain.settings(), null)) {
            JobSummary s = engine.service().ingest(List.of(folder), request(), ProgressListener.NONE).summary();
            assertThat(s.files()).isEqualTo(30);
            assertThat(s.ingested()).isEqualTo(30);
            assertThat(s.duplicates() + s.quarantined() + s.pending()).isZero();
            assertComplete(engine.store(), expected, true);
            assertThat(engine.store().status().unfinishedJobs()).isZero();
        }
        try (var left = Files.list(data.resolve("scratch"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("the killed run's child scratch is cleaned up").isEmpty();
        }
    }

    /** Every stored file appears once with all its passages; with {@code all}, every file is stored. */
    private static void assertComplete(IngestStore store, Map<String, Integer> expected, boolean all) {
        List<StoredDocument> tops = store.documents().stream().filter(d -> d.parentId() == 0).toList();
        Map<String, Long> perPath = tops.stream()
                .collect(Collectors.groupingBy(StoredDocument::sourcePath, Collectors.counting()));
        assertThat(perPath.values()).allMatch(n -> n == 1);
        for (StoredDocument d : tops) {
            String name = Path.of(d.sourcePath()).getFileName().toString();
            assertThat(store.passages(d.id())).as(name).hasSize(expected.get(name));
        }
        if (all) {
            assertThat(perPath).hasSize(expected.size());
        }
    }

    /** Passage counts of an uninterrupted in-process run of the same pipeline. */
    private Map<String, Integer> reference(Path folder) throws IOException {
        Path refData = tmp.resolve("reference");
        try (IngestStore store = IngestStore.open(refData)) {
            IngestService service = new IngestService(store, new TikaTextExtractor(ExtractionLimits.DEFAULTS, false),
                    MarkingParser.defaultParser(), new StructureChunker(ChunkSettings.DEFAULTS), null, 1);
            service.ingest(List.of(folder), request(), ProgressListener.NONE);
            return store.documents().stream().filter(d -> d.parentId() == 0).collect(Collectors.toMap(
                    d -> Path.of(d.sourcePath()).getFileName().toString(), d -> store.passages(d.id()).size()));
        }
    }
}

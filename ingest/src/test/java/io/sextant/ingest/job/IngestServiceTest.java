package io.sextant.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.Passage;
import io.sextant.ingest.PassageSink;
import io.sextant.ingest.StoredDocument;
import io.sextant.ingest.chunk.ChunkSettings;
import io.sextant.ingest.store.IngestStore;
import io.sextant.ingest.store.JobSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on real parts: files written by the test, parsed in real child JVMs, marked with the guard's parser,
 * chunked and stored in a real H2 file database; the indexing seam fed from the outbox.
 */
class IngestServiceTest {
    private static final MarkingParser P = MarkingParser.defaultParser();

    @TempDir
    static Path tmp;
    private static IngestEngine engine;
    private static final RecordingSink SINK = new RecordingSink();

    @BeforeAll
    static void open() {
        EngineSettings s = EngineSettings.defaults();
        engine = IngestEngine.open(tmp.resolve("data"), new EngineSettings(s.limits(), new ChunkSettings(60, 10), 1,
                256, false), SINK);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void mixed_portions_come_out_with_the_right_passage_markings_pages_and_roll_up() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("marked"));
        Path pdf = TestFiles.pdf(dir.resolve("report.pdf"), List.of(
                List.of("SECRET//NOFORN", "(U) The weather on the first page was unremarkable.",
                        "(S//NF) A source reported troop movement near the border.", "SECRET//NOFORN"),
                List.of("SECRET//NOFORN", "(C) Logistics were delayed by two days.", "SECRET//NOFORN")));
        Path txt = Files.writeString(dir.resolve("memo.txt"), "CONFIDENTIAL\n\n(U) Opening remarks.\n\n"
                + "(C) The budget line is classified.\n\nCONFIDENTIAL\n");
        Path unmarked = TestFiles.docx(dir.resolve("plain.docx"), List.of("Nothing marked here.", "At all."));

        IngestReport r = engine.service().ingest(List.of(dir), request("analysis", "(U//FOUO)"), ProgressListener.NONE);
        assertThat(r.summary().ingested()).isEqualTo(3);

        StoredDocument report = top(pdf);
        assertThat(report.marking()).isEqualTo("SECRET//NOFORN");
        assertThat(report.markingSource()).isEqualTo("PORTIONS");
        assertThat(report.reviewFlags()).isEmpty();
        List<Passage> ps = engine.store().passages(report.id());
        assertThat(ps).anySatisfy(p -> {
            assertThat(p.text()).contains("troop movement");
            assertThat(MarkingFormatter.portion(p.marking())).isEqualTo("(S//NF)");
            assertThat(p.page()).isEqualTo(1);
        });
        assertThat(ps).anySatisfy(p -> {
            assertThat(p.text()).contains("weather").doesNotContain("troop");
            assertThat(MarkingFormatter.portion(p.marking())).isEqualTo("(U)");
        });
        assertThat(ps).anySatisfy(p -> {
            assertThat(p.text()).contains("Logistics");
            assertThat(MarkingFormatter.portion(p.marking())).isEqualTo("(C)");
            assertThat(p.page()).isEqualTo(2);
        });
        assertThat(ps).noneMatch(p -> p.text().contains("SECRET//NOFORN"));

        StoredDocument memo = top(txt);
        assertThat(memo.marking()).isEqualTo("CONFIDENTIAL");
        assertThat(engine.store().passages(memo.id())).extracting(p -> MarkingFormatter.portion(p.marking()))
                .containsExactly("(U)", "(C)");

        StoredDocument plain = top(unmarked);
        assertThat(plain.markingSource()).isEqualTo("DECLARED");
        assertThat(plain.marking()).isEqualTo("UNCLASSIFIED//FOUO");
        assertThat(engine.store().passages(plain.id())).allMatch(p -> MarkingFormatter.portion(p.marking())
                .equals("(U//FOUO)"));
    }

    @Test
    void contradicting_markings_flag_the_document_and_apply_the_higher_marking() throws IOException {
        Path f = Files.writeString(Files.createDirectories(tmp.resolve("contra")).resolve("c.txt"),
                "CONFIDENTIAL\n\n(C) Fine.\n\n(S) Above the banner.\n");
        engine.service().ingest(List.of(f), request("contra", "(U)"), ProgressListener.NONE);
        StoredDocument d = top(f);
        assertThat(d.marking()).isEqualTo("SECRET");
        assertThat(d.reviewFlags()).isNotEmpty();
    }

    @Test
    void same_bytes_are_a_duplicate_and_a_changed_file_replaces_its_earlier_version() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("versions"));
        Path f = Files.writeString(dir.resolve("v.txt"), "(U) Version one of the text.");
        JobSummary first = engine.service().ingest(List.of(f), request("v", "(U)"), ProgressListener.NONE).summary();
        assertThat(first.ingested()).isEqualTo(1);
        JobSummary again = engine.service().ingest(List.of(f), request("v", "(U)"), ProgressListener.NONE).summary();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.files()).isEqualTo(again.ingested() + again.duplicates() + again.quarantined());
        long oldId = top(f).id();

        Files.writeString(f, "(U) Version two, changed.");
        JobSummary changed = engine.service().ingest(List.of(f), request("v", "(U)"), ProgressListener.NONE).summary();
        assertThat(changed.ingested()).isEqualTo(1);
        List<StoredDocument> versions = engine.store().documents().stream()
                .filter(d -> d.sourcePath().equals(f.toString())).toList();
        assertThat(versions).hasSize(1);
        assertThat(engine.store().passages(versions.get(0).id())).singleElement()
                .satisfies(p -> assertThat(p.text()).contains("Version two"));
        assertThat(engine.store().passages(oldId)).isEmpty();
        assertThat(SINK.deleted).contains(oldId);
        assertThat(SINK.upserted).containsKey(versions.get(0).id()).doesNotContainKey(oldId);
    }

    @Test
    void bad_files_are_quarantined_with_a_reason_and_the_batch_goes_on() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.write(dir.resolve("broken.docx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        Files.write(dir.resolve("empty.pdf"), new byte[0]);
        Files.writeString(dir.resolve("good.txt"), "(U) Fine text.");
        JobSummary s = engine.service().ingest(List.of(dir), request("bad", "(U)"), ProgressListener.NONE).summary();
        assertThat(s.files()).isEqualTo(3);
        assertThat(s.ingested()).isEqualTo(1);
        assertThat(s.quarantined()).isEqualTo(2);
        assertThat(s.quarantine()).extracting(JobSummary.Quarantined::reason).containsOnly("corrupt", "no text");
    }

    @Test
    void archives_become_child_documents_with_parent_links() throws IOException {
        Path zip = tmp.resolve("bundle.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("inner/a.txt"));
            out.write("(S) Inside the archive.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new java.util.zip.ZipEntry("../escape.txt"));
            out.write("(U) A hostile entry name.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        engine.service().ingest(List.of(zip), request("zips", "(U)"), ProgressListener.NONE);
        StoredDocument parent = top(zip);
        List<StoredDocument> children = engine.store().documents().stream()
                .filter(d -> d.parentId() == parent.id()).toList();
        assertThat(children).hasSize(2);
        assertThat(children).allMatch(c -> c.sha256().length() == 64);
        assertThat(parent.marking()).as("a container rolls up what it contains").isEqualTo("SECRET");
        assertThat(Files.exists(tmp.resolve("escape.txt"))).isFalse();
        assertThat(Files.exists(tmp.resolve("data").resolve("escape.txt"))).isFalse();
    }

    @Test
    void the_outbox_keeps_changes_until_the_index_accepts_them() throws IOException {
        Path data = tmp.resolve("outbox-data");
        Path f = Files.writeString(tmp.resolve("outbox.txt"), "(U) Queued for the index.");
        try (IngestEngine noIndex = IngestEngine.open(data, new EngineSettings(EngineSettings.defaults().limits(),
                ChunkSettings.DEFAULTS, 1, 256, false), null)) {
            noIndex.service().ingest(List.of(f), request("o", "(U)"), ProgressListener.NONE);
            assertThat(noIndex.store().status().outbox()).isEqualTo(1);
        }
        try (IngestStore store = IngestStore.open(data)) {
            RecordingSink late = new RecordingSink();
            assertThat(store.drainOutbox(late)).isEqualTo(1);
            assertThat(late.upserted.values()).singleElement()
                    .satisfies(ps -> assertThat(ps.get(0).text()).contains("Queued"));
            assertThat(store.status().outbox()).isZero();
        }
    }

    private static IngestRequest request(String collection, String declared) {
        return new IngestRequest(collection, P.parsePortion(declared).marking(), null);
    }

    private static StoredDocument top(Path file) {
        return engine.store().documents().stream()
                .filter(d -> d.parentId() == 0 && d.sourcePath().equals(file.toAbsolutePath().toString()))
                .reduce((a, b) -> b).orElseThrow();
    }

    /** The indexing seam's test double: records what an index would receive. */
    static final class RecordingSink implements PassageSink {
        final Map<Long, List<Passage>> upserted = new HashMap<>();
        final List<Long> deleted = new ArrayList<>();

        @Override
        public synchronized void upsert(StoredDocument document, List<Passage> passages) {
            upserted.put(document.id(), passages);
        }

        @Override
        public synchronized void delete(long documentId) {
            deleted.add(documentId);
            upserted.remove(documentId);
        }
    }
}

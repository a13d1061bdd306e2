package io.sextant.retrieval.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Vocabulary;
import io.sextant.retrieval.HashEmbedder;
import io.sextant.retrieval.Passage;
import io.sextant.retrieval.search.FusionSettings;
import io.sextant.retrieval.search.Hit;
import io.sextant.retrieval.search.MetadataFilter;
import io.sextant.retrieval.search.Mode;
import io.sextant.retrieval.search.PassageSearcher;
import io.sextant.retrieval.search.SearchRequest;
import io.sextant.retrieval.search.SearchResult;
import io.sextant.retrieval.security.GuardVisibilityLabels;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassageIndexTest {

    private static final int DIM = 8;
    private static final MarkingParser PARSER = MarkingParser.defaultParser();
    private static final Clearance TOP = Clearance.parse("level=TS;sci=SI,TK;country=USA", Vocabulary.defaults());
    private static final Clearance LOW = Clearance.parse("level=C;sci=;country=GBR", Vocabulary.defaults());

    @TempDir
    Path dir;

    private static Passage passage(String id, String doc, int ord, String text, String mark) {
        Marking m = PARSER.parsePortion(mark).marking();
        return new Passage(id, doc, ord, text, "Harbor report", List.of("Findings", "Ships"), 3, m, "ops", "pdf",
                LocalDate.of(2024, 5, 1), "field", "en", null);
    }

    private PassageIndex open() throws IOException {
        return new PassageIndex(dir, new GuardVisibilityLabels(), new HashEmbedder(DIM), DIM,
                PassageIndex.VectorStorage.INT8);
    }

    private static SearchRequest bm25(String q, Clearance c) {
        return new SearchRequest(q, c, 10, Mode.BM25, null, true, true);
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(Hit::passageId).toList();
    }

    @Test
    void optimizing_merges_segments_and_keeps_every_answer_and_every_trim() throws IOException {
        try (PassageIndex index = open()) {
            for (int batch = 0; batch < 4; batch++) {
                index.add(List.of(passage("p" + batch, "d" + batch, 0, "frigate sighted in batch " + batch, "(U)"),
                        passage("s" + batch, "d" + batch, 1, "frigate escort secret " + batch, "(S)")));
                index.commit();
            }
            index.deleteDocument("d3");
            index.commit();
            PassageSearcher s = new PassageSearcher(index, index.embedder(), FusionSettings.defaults(), PARSER);
            SearchResult topBefore = s.search(bm25("frigate", TOP));
            SearchResult lowBefore = s.search(bm25("frigate", LOW));
            assertThat(index.segments()).isGreaterThan(1);
            index.optimize(1);
            assertThat(index.segments()).isEqualTo(1);
            SearchResult topAfter = s.search(bm25("frigate", TOP));
            SearchResult lowAfter = s.search(bm25("frigate", LOW));
            assertThat(ids(topAfter)).containsExactlyInAnyOrderElementsOf(ids(topBefore)).hasSize(6);
            assertThat(topAfter.facets()).isEqualTo(topBefore.facets());
            assertThat(ids(lowAfter)).containsExactlyInAnyOrder("p0", "p1", "p2");
            assertThat(lowAfter.totalVisible()).isEqualTo(lowBefore.totalVisible()).isEqualTo(3);
            assertThatThrownBy(() -> index.optimize(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void reingest_replaces_a_documents_passages_atomically_and_delete_removes_them() throws IOException {
        try (PassageIndex index = open()) {
            index.add(List.of(passage("a0", "a", 0, "the frigate entered the harbor", "(U)"),
                    passage("a1", "a", 1, "the frigate left at dawn", "(U)"),
                    passage("b0", "b", 0, "a frigate was sighted", "(U)")));
            index.commit();
            PassageSearcher s = new PassageSearcher(index, index.embedder(), FusionSettings.defaults(), PARSER);
            assertThat(ids(s.search(bm25("frigate", TOP)))).containsExactlyInAnyOrder("a0", "a1",
                    "b0");
            index.replaceDocument("a", List.of(passage("a0", "a", 0, "the corvette entered the harbor", "(U)")));
            index.refresh();
            assertThat(ids(s.search(bm25("frigate", TOP)))).containsExactly("b0");
            assertThat(ids(s.search(bm25("corvette", TOP)))).containsExactly("a0");
            index.deleteDocument("b");
            index.commit();
            assertThat(ids(s.search(new SearchRequest("frigate", TOP, 10, Mode.BM25, null, true, true)))).isEmpty();
            assertThatThrownBy(() -> index.replaceDocument("a", List.of(passage("x", "other", 0, "t", "(U)"))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void committed_work_survives_reopen_and_uncommitted_work_is_lost_cleanly() throws IOException {
        PassageIndex index = open();
        index.add(List.of(passage("a0", "a", 0, "durable committed convoy", "(U)")));
        index.commit();
        index.add(List.of(passage("b0", "b", 0, "uncommitted convoy", "(U)")));
        // Simulate a crash: drop the writer without commit by rolling back (what the OS would do after kill -9).
        index.rollbackForCrashTest();
        try (PassageIndex reopened = open()) {
            PassageSearcher s = new PassageSearcher(reopened, reopened.embedder(), FusionSettings.defaults(), PARSER);
            assertThat(ids(s.search(bm25("convoy", TOP)))).containsExactly("a0");
        }
    }

    @Test
    void a_damaged_index_is_refused_at_open() throws IOException {
        try (PassageIndex index = open()) {
            index.add(List.of(passage("a0", "a", 0, "signal intercepted near the bridge", "(U)")));
            index.commit();
        }
        Path victim;
        try (Stream<Path> files = Files.list(dir)) {
            victim = files.filter(p -> !p.getFileName().toString().startsWith("segments")
                    && !p.getFileName().toString().equals("write.lock")).max((x, y) -> Long.compare(size(x),
                    size(y))).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
            long pos = f.length() / 2;
            f.seek(pos);
            int b = f.read();
            f.seek(pos);
            f.write(b ^ 0xFF);
        }
        assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("integrity");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void filters_snippets_facets_and_more_like_this_respect_clearance() throws IOException {
        try (PassageIndex index = open()) {
            index.add(List.of(passage("u", "d1", 0, "the radar station tracks the convoy at night", "(U)"),
                    passage("s", "d2", 0, "the radar station secret convoy schedule", "(S//NF)"),
                    passage("c", "d3", 0, "the radar station convoy route", "(C//REL TO USA, GBR)")));
            index.commit();
            PassageSearcher s = new PassageSearcher(index, index.embedder(), FusionSettings.defaults(), PARSER);
            SearchResult low = s.search(SearchRequest.of("radar convoy", LOW, 10));
            assertThat(ids(low)).containsExactlyInAnyOrder("u", "c");
            assertThat(low.totalVisible()).isEqualTo(2);
            assertThat(low.facets().get(Fields.COLLECTION)).containsEntry("ops", 2L);
            Hit first = low.hits().get(0);
            assertThat(first.snippet()).contains("<b>radar</b>").contains("<b>convoy</b>");
            assertThat(first.portionMark()).isIn("(U)", "(C//REL TO USA, GBR)");
            assertThat(first.page()).isEqualTo(3);
            assertThat(first.headingPath()).containsExactly("Findings", "Ships");
            assertThat(ids(s.search(SearchRequest.of("radar convoy", TOP, 10)))).hasSize(3);
            // "more like this" on a hidden passage says nothing, exactly like an unknown one.
            assertThat(s.moreLikeThis("s", LOW, 5).hits()).isEmpty();
            assertThat(s.moreLikeThis("nope", LOW, 5).totalVisible()).isZero();
            assertThat(ids(s.moreLikeThis("u", LOW, 5))).containsExactly("c");
            MetadataFilter future = new MetadataFilter(Set.of(), Set.of(), Set.of(), Set.of(),
                    LocalDate.of(2025, 1, 1), null);
            assertThat(s.search(new SearchRequest("radar", TOP, 10, Mode.HYBRID, future, true, true)).hits())
                    .isEmpty();
            MetadataFilter pdf = new MetadataFilter(Set.of("ops"), Set.of("pdf"), Set.of("field"), Set.of("en"),
                    LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
            assertThat(ids(s.search(new SearchRequest("radar", LOW, 10, Mode.BM25, pdf, true, true))))
                    .containsExactlyInAnyOrder("u", "c");
        }
    }
}

package io.sextant.retrieval.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Vocabulary;
import io.sextant.retrieval.HashEmbedder;
import io.sextant.retrieval.Passage;
import io.sextant.retrieval.index.PassageIndex;
import io.sextant.retrieval.security.GuardVisibilityLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores are a channel too: BM25's idf and average length computed over the whole index would move a visible
 * passage's score (and the order of two visible passages) when hidden passages using the query's words are added.
 * The same visible passages, indexed once alone and once interleaved with hidden ones in the same segments, must give
 * a user identical hits, identical scores and identical "more like this" answers.
 */
class ScopedStatisticsTest {

    private static final MarkingParser PARSER = MarkingParser.defaultParser();
    private static final Clearance GBR = Clearance.parse("level=C;country=GBR", Vocabulary.defaults());
    private static final String[] WORDS = {"convoy", "border", "route", "harbor", "frigate", "codeword", "bridge",
        "ferry", "depot", "radar", "patrol", "signal"};

    @TempDir
    Path dir;

    private static Passage passage(String id, String text, String mark) {
        return new Passage(id, "doc-" + id, 0, text, "report " + id, List.of(), null,
                PARSER.parsePortion(mark).marking(), "ops", "pdf", LocalDate.of(2025, 1, 1), "field", "en", null);
    }

    private static String text(Random r, int words, String bias) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(bias != null && r.nextInt(3) == 0 ? bias : WORDS[r.nextInt(WORDS.length)]).append(' ');
        }
        return sb.toString();
    }

    /** The GBR user's view of one index: BM25 hits with scores, hybrid order, and "more like this" for v0. */
    private List<String> view(Path path, List<Passage> passages, int batch) throws IOException {
        try (PassageIndex index = new PassageIndex(path, new GuardVisibilityLabels(), new HashEmbedder(16), 16,
                PassageIndex.VectorStorage.FLOAT)) {
            for (int i = 0; i < passages.size(); i += batch) {
                index.add(passages.subList(i, Math.min(passages.size(), i + batch)));
                index.commit(); // several segments, each mixing visible and hidden passages
            }
            PassageSearcher s = new PassageSearcher(index, index.embedder(), FusionSettings.defaults(), PARSER);
            List<String> out = new ArrayList<>();
            for (String q : new String[] {"codeword", "codeword convoy", "border route radar", "ferry depot"}) {
                for (Hit h : s.search(new SearchRequest(q, GBR, 20, Mode.BM25, null, true, true)).hits()) {
                    out.add("bm25 " + q + " " + h.passageId() + " " + h.score());
                }
                for (Hit h : s.search(new SearchRequest(q, GBR, 20, Mode.HYBRID, null, true, true)).hits()) {
                    out.add("hybrid " + q + " " + h.passageId());
                }
            }
            for (Hit h : s.moreLikeThis("v0", GBR, 10).hits()) {
                out.add("like " + h.passageId() + " " + h.score());
            }
            return out;
        }
    }

    @Test
    void hidden_passages_change_no_score_no_order_and_no_more_like_this_answer() throws IOException {
        long seed = Long.getLong("tests.seed", new Random().nextLong());
        System.out.println("ScopedStatisticsTest seed=" + seed);
        Random r = new Random(seed);
        List<Passage> visible = new ArrayList<>();
        List<Passage> mixed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Passage v = passage("v" + i, text(r, 5 + r.nextInt(20), i % 10 == 0 ? "codeword" : null),
                    i % 2 == 0 ? "(U)" : "(C//REL TO USA, GBR)");
            visible.add(v);
            mixed.add(v);
            // hidden from the GBR user: above C, or NOFORN; long, and full of the codeword
            mixed.add(passage("h" + i, text(r, 40 + r.nextInt(60), "codeword"), i % 2 == 0 ? "(S//NF)" : "(S)"));
        }
        List<String> alone = view(dir.resolve("alone"), visible, 30);
        List<String> withHidden = view(dir.resolve("mixed"), mixed, 60);
        assertThat(alone).isNotEmpty().anyMatch(l -> l.startsWith("bm25 codeword v"))
                .anyMatch(l -> l.startsWith("like "));
        assertThat(withHidden).noneMatch(l -> l.contains(" h"));
        assertThat(withHidden).isEqualTo(alone);
    }

    @Test
    void a_user_who_may_see_everything_scores_exactly_as_plain_bm25() throws IOException {
        Clearance top = Clearance.parse("level=TS;sci=SI;country=USA", Vocabulary.defaults());
        Random r = new Random(11);
        List<Passage> all = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            all.add(passage("p" + i, text(r, 5 + r.nextInt(80), i % 7 == 0 ? "codeword" : null),
                    i % 3 == 0 ? "(S//NF)" : "(U)"));
        }
        try (PassageIndex index = new PassageIndex(dir.resolve("all"), new GuardVisibilityLabels(),
                new HashEmbedder(16), 16, PassageIndex.VectorStorage.FLOAT)) {
            index.add(all.subList(0, 40));
            index.commit();
            index.add(all.subList(40, 80));
            index.commit();
            PassageSearcher s = new PassageSearcher(index, index.embedder(), FusionSettings.defaults(), PARSER);
            var plain = index.acquire();
            try {
                for (String q : new String[] {"codeword", "codeword convoy", "border route radar"}) {
                    List<Hit> got = s.search(new SearchRequest(q, top, 10, Mode.BM25, null, false, false)).hits();
                    var expected = HybridRanker.lexical(plain, HybridRanker.lexicalQuery(q,
                            FusionSettings.defaults()), null, 10);
                    assertThat(got).hasSize(expected.size()).isNotEmpty();
                    for (int i = 0; i < got.size(); i++) {
                        assertThat(got.get(i).score()).as("%s #%d", q, i).isEqualTo(expected.get(i).score());
                    }
                }
            } finally {
                index.release(plain);
            }
        }
    }
}

package io.sextant.retrieval.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.retrieval.HashEmbedder;
import io.sextant.retrieval.Passage;
import io.sextant.retrieval.RandomSecurityCorpus;
import io.sextant.retrieval.embed.VectorMath;
import io.sextant.retrieval.index.Fields;
import io.sextant.retrieval.index.PassageIndex;
import io.sextant.retrieval.security.GuardVisibilityLabels;
import io.sextant.retrieval.security.ScopedStatistics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomized: random valid markings, random users, random queries over a real on-disk index. Nothing above a user's
 * access may appear in hits, snippets, counts or facets, and trimming must lose nothing: the filtered BM25 list equals
 * the visible part of an unfiltered exhaustive ranking, and the kNN and hybrid winners equal a brute-force reference.
 * Replay with -Dtests.seed=N.
 */
class SecurityTrimmingTest {

    private static final int DIM = 16;

    @TempDir
    Path dir;

    @Test
    void trims_every_part_of_the_answer_and_loses_nothing_visible() throws Exception {
        long seed = Long.getLong("tests.seed", new Random().nextLong());
        System.out.println("SecurityTrimmingTest seed=" + seed + " (replay with -Dtests.seed=" + seed + ")");
        Random random = new Random(seed);
        RandomSecurityCorpus corpus = new RandomSecurityCorpus(random);
        List<Passage> passages = corpus.passages(400, DIM);
        Map<String, Passage> byId = new HashMap<>();
        passages.forEach(p -> byId.put(p.id(), p));
        FusionSettings settings = FusionSettings.defaults();
        try (PassageIndex index = new PassageIndex(dir, new GuardVisibilityLabels(), null, DIM,
                PassageIndex.VectorStorage.FLOAT)) {
            index.add(passages.subList(0, 200));
            index.commit();
            index.add(passages.subList(200, 400)); // second segment, NRT only
            index.refresh();
            HashEmbedder qe = new HashEmbedder(DIM);
            PassageSearcher searcher = new PassageSearcher(index, qe, settings, MarkingParser.defaultParser());
            IndexSearcher ref = index.acquire();
            String[] idOf = new String[ref.getIndexReader().maxDoc()];
            for (int d = 0; d < idOf.length; d++) {
                idOf[d] = ref.storedFields().document(d).get(Fields.ID);
            }
            int cases = 0;
            int denseMiss = 0;
            int hybridMiss = 0;
            int visibleHits = 0;
            for (int u = 0; u < 60; u++) {
                Clearance user = corpus.user();
                Set<String> visible = new HashSet<>();
                for (Passage p : passages) {
                    if (AccessPolicy.decide(user, p.marking()) instanceof AccessDecision.Allow) {
                        visible.add(p.id());
                    }
                }
                for (Passage p : passages.subList(0, 40)) {
                    var one = searcher.passage(p.id(), user);
                    assertThat(one.isPresent()).as("passage %s for %s", p.id(), user).isEqualTo(visible.contains(p.id()));
                    one.ifPresent(h -> assertThat(h.text()).isEqualTo(p.text()));
                    for (Hit h : searcher.documentPassages(p.documentId(), user, 1000)) {
                        assertThat(visible).as("document passage %s for %s", h.passageId(), user)
                                .contains(h.passageId());
                    }
                }
                for (int q = 0; q < 40; q++) {
                    String query = corpus.text(1 + random.nextInt(3));
                    cases++;
                    SearchResult hybrid = searcher.search(new SearchRequest(query, user, 10, Mode.HYBRID,
                            MetadataFilter.NONE, true, true));
                    for (Hit h : hybrid.hits()) {
                        assertThat(visible).as("hit %s for %s", h.passageId(), user).contains(h.passageId());
                        assertThat(h.portionMark()).isNotBlank();
                        String plain = h.snippet().replace("<b>", "").replace("</b>", "").replace("… ", "")
                                .replace(" …", "");
                        assertThat(byId.get(h.passageId()).text()).contains(plain);
                    }
                    visibleHits += hybrid.hits().size();
                    checkCountsAndFacets(hybrid, query, visible, passages);
                    checkBm25Complete(ref, idOf, searcher, query, user, visible, settings);
                    SearchResult dense = searcher.search(new SearchRequest(query, user, 10, Mode.DENSE,
                            MetadataFilter.NONE, false, false));
                    dense.hits().forEach(h -> assertThat(visible).contains(h.passageId()));
                    float[] qv = qe.embedQuery(query);
                    String bestDense = bruteDense(passages, visible, qv);
                    if (bestDense == null) {
                        assertThat(dense.hits()).isEmpty();
                    } else {
                        assertThat(dense.hits()).as("kNN top k must be full of visible passages")
                                .hasSize(Math.min(10, visible.size()));
                        if (!dense.hits().get(0).passageId().equals(bestDense)) {
                            denseMiss++;
                        }
                        IndexSearcher userStats = ScopedStatistics.searcher(ref,
                                new GuardVisibilityLabels().authorizations(user), null);
                        if (hybrid.hits().isEmpty() || !sameTop(hybrid.hits().get(0), reference(userStats, idOf, query,
                                qv, visible, byId, settings))) {
                            hybridMiss++;
                        }
                    }
                }
            }
            index.release(ref);
            System.out.printf("cases=%d visibleHits=%d denseTop1Miss=%d hybridTop1Miss=%d%n", cases, visibleHits,
                    denseMiss, hybridMiss);
            assertThat(cases).isGreaterThanOrEqualTo(2400);
            assertThat(visibleHits).as("the test must exercise visible hits").isGreaterThan(1000);
            // HNSW is approximate: allow a tiny miss rate for the nearest neighbour, never a security failure.
            assertThat(denseMiss).isLessThanOrEqualTo(cases / 100);
            assertThat(hybridMiss).isLessThanOrEqualTo(cases / 100);
        }
    }

    private static boolean sameTop(Hit got, float[] ref) {
        return Math.abs(got.score() - ref[0]) < 1e-4;
    }

    /** Brute-force hybrid: exhaustive visible BM25 and exact visible dense, fused like the ranker does. */
    private static float[] reference(IndexSearcher s, String[] idOf, String query, float[] qv, Set<String> visible,
            Map<String, Passage> byId, FusionSettings st) throws Exception {
        {
            List<HybridRanker.Scored> lex = new ArrayList<>();
            for (ScoreDoc sd : s.search(HybridRanker.lexicalQuery(query, st), Math.max(1, s.getIndexReader()
                    .maxDoc())).scoreDocs) {
                if (visible.contains(idOf[sd.doc]) && lex.size() < st.lexicalDepth()) {
                    lex.add(new HybridRanker.Scored(sd.doc, sd.score));
                }
            }
            List<HybridRanker.Scored> dense = new ArrayList<>();
            for (int d = 0; d < s.getIndexReader().maxDoc(); d++) {
                Passage p = byId.get(idOf[d]);
                if (visible.contains(p.id())) {
                    dense.add(new HybridRanker.Scored(d, (1 + VectorMath.dot(qv, p.vector())) / 2));
                }
            }
            dense.sort((a, b) -> Float.compare(b.score(), a.score()));
            dense = dense.subList(0, Math.min(st.denseDepth(), dense.size()));
            List<HybridRanker.Scored> fused = HybridRanker.fuse(s, lex, dense, qv,
                    HybridRanker.lexicalQuery(query, st), 1, st);
            return new float[] {fused.isEmpty() ? Float.NaN : fused.get(0).score()};
        }
    }

    private static String bruteDense(List<Passage> passages, Set<String> visible, float[] qv) {
        String best = null;
        float bestScore = -2;
        for (Passage p : passages) {
            if (visible.contains(p.id())) {
                float d = VectorMath.dot(qv, p.vector());
                if (d > bestScore) {
                    bestScore = d;
                    best = p.id();
                }
            }
        }
        return best;
    }

    private static void checkCountsAndFacets(SearchResult r, String query, Set<String> visible,
            List<Passage> passages) {
        Set<String> terms = new HashSet<>(HybridRanker.analyze(query));
        long count = 0;
        Map<String, Map<String, Long>> facets = new TreeMap<>();
        for (Passage p : passages) {
            if (!visible.contains(p.id())) {
                continue;
            }
            List<String> body = HybridRanker.analyze(p.embeddingText());
            if (body.stream().noneMatch(terms::contains)) {
                continue;
            }
            count++;
            facets.computeIfAbsent(Fields.COLLECTION, k -> new TreeMap<>()).merge(p.collection(), 1L, Long::sum);
            facets.computeIfAbsent(Fields.DOC_TYPE, k -> new TreeMap<>()).merge(p.docType(), 1L, Long::sum);
        }
        assertThat(r.totalVisible()).as("visible count for '%s'", query).isEqualTo(Math.max(count,
                r.hits().size()));
        for (String f : List.of(Fields.COLLECTION, Fields.DOC_TYPE)) {
            assertThat(r.facets().get(f)).as("facet %s", f).isEqualTo(facets.getOrDefault(f, Map.of()));
        }
    }

    private static void checkBm25Complete(IndexSearcher s, String[] idOf, PassageSearcher searcher, String query,
            Clearance user, Set<String> visible, FusionSettings st) throws Exception {
        SearchResult got = searcher.search(new SearchRequest(query, user, 10, Mode.BM25, MetadataFilter.NONE,
                false, false));
        {
            // Exhaustive and unfiltered, scored with the user's own statistics (what the user's BM25 means), then
            // trimmed by the reference visibility: the fast filtered path must return exactly its top 10.
            IndexSearcher userStats = ScopedStatistics.searcher(s,
                    new GuardVisibilityLabels().authorizations(user), null);
            List<Float> expected = new ArrayList<>();
            for (ScoreDoc sd : userStats.search(HybridRanker.lexicalQuery(query, st), Math.max(1,
                    s.getIndexReader().maxDoc())).scoreDocs) {
                if (visible.contains(idOf[sd.doc]) && expected.size() < 10) {
                    expected.add(sd.score);
                }
            }
            assertThat(got.hits()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(got.hits().get(i).score()).isCloseTo(expected.get(i), org.assertj.core.data.Offset
                        .offset(1e-5f));
                assertThat(visible).contains(got.hits().get(i).passageId());
            }
        }
    }

}

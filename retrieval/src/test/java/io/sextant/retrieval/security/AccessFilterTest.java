package io.sextant.retrieval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The filter is exact: for random CNF labels and random authorization sets it admits exactly the documents a direct
 * evaluation of the clauses admits (replay with -Dtests.seed=N).
 */
class AccessFilterTest {

    private static final String[] TOKENS = {"level:U", "level:C", "level:S", "sci:SI", "sci:TK", "rel:GBR", "rel:AUS",
        "citizen:USA", "ctl:x", "nato:briefed"};

    private static boolean visible(List<Set<String>> clauses, Set<String> auths) {
        for (Set<String> c : clauses) {
            if (c.stream().noneMatch(auths::contains)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> randomSet(Random r, int max) {
        Set<String> s = new HashSet<>();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            s.add(TOKENS[r.nextInt(TOKENS.length)]);
        }
        return s;
    }

    @Test
    void admits_exactly_the_documents_whose_every_clause_is_satisfied() throws Exception {
        long seed = Long.getLong("tests.seed", new Random().nextLong());
        System.out.println("AccessFilterTest seed=" + seed);
        Random r = new Random(seed);
        List<List<Set<String>>> labels = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            for (int i = 0; i < 500; i++) {
                List<Set<String>> clauses = new ArrayList<>();
                int n = r.nextInt(4);
                for (int c = 0; c < n; c++) {
                    Set<String> clause = randomSet(r, 3);
                    clauses.add(clause); // an empty clause is unsatisfiable: visible to no one
                }
                labels.add(clauses);
                Document d = new Document();
                d.add(new StoredField("n", i));
                AccessFilter.label(d, clauses);
                w.addDocument(d);
                if (i % 97 == 0) {
                    w.flush();
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                IndexSearcher s = new IndexSearcher(reader);
                for (int u = 0; u < 300; u++) {
                    Set<String> auths = randomSet(r, 6);
                    Set<Integer> got = new HashSet<>();
                    for (ScoreDoc sd : s.search(AccessFilter.forUser(reader, auths), 1000).scoreDocs) {
                        got.add(s.storedFields().document(sd.doc).getField("n").numericValue().intValue());
                    }
                    Set<Integer> expected = new HashSet<>();
                    for (int i = 0; i < labels.size(); i++) {
                        if (visible(labels.get(i), auths)) {
                            expected.add(i);
                        }
                    }
                    assertThat(got).as("auths %s", auths).isEqualTo(expected);
                }
            }
        }
    }

    /**
     * The per-segment bit sets are cached across searches: deletes, updates, new segments with new clause terms and
     * merges between searches must never let a cached set admit a document it should not, nor drop one; checked for
     * BM25-style filtering and for the kNN pre-filter.
     */
    @Test
    void stays_exact_across_deletes_updates_new_clauses_and_merges() throws Exception {
        long seed = Long.getLong("tests.seed", new Random().nextLong());
        System.out.println("AccessFilterTest cached seed=" + seed);
        Random r = new Random(seed);
        Map<String, List<Set<String>>> live = new HashMap<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            int next = 0;
            DirectoryReader reader = null;
            try {
                for (int round = 0; round < 8; round++) {
                    for (int i = 0; i < 150; i++) {
                        String id;
                        if (!live.isEmpty() && r.nextInt(4) == 0) {
                            id = new ArrayList<>(live.keySet()).get(r.nextInt(live.size())); // update in place
                        } else {
                            id = "d" + next++;
                        }
                        List<Set<String>> clauses = new ArrayList<>();
                        for (int c = r.nextInt(4); c > 0; c--) {
                            clauses.add(randomSet(r, 3));
                        }
                        Document d = new Document();
                        d.add(new StringField("id", id, Field.Store.YES));
                        d.add(new KnnFloatVectorField("v", new float[] {r.nextFloat(), r.nextFloat()},
                                VectorSimilarityFunction.EUCLIDEAN));
                        AccessFilter.label(d, clauses);
                        w.updateDocument(new Term("id", id), d);
                        live.put(id, clauses);
                    }
                    for (int i = 0; i < 40 && !live.isEmpty(); i++) {
                        String id = new ArrayList<>(live.keySet()).get(r.nextInt(live.size()));
                        w.deleteDocuments(new Term("id", id));
                        live.remove(id);
                    }
                    if (round % 3 == 2) {
                        w.forceMerge(1 + r.nextInt(2));
                    }
                    DirectoryReader changed = reader == null ? DirectoryReader.open(w)
                            : DirectoryReader.openIfChanged(reader, w);
                    if (changed != null) {
                        if (reader != null) {
                            reader.close();
                        }
                        reader = changed;
                    }
                    IndexSearcher s = new IndexSearcher(reader);
                    for (int u = 0; u < 60; u++) {
                        Set<String> auths = randomSet(r, 6);
                        Set<String> expected = new HashSet<>();
                        live.forEach((id, clauses) -> {
                            if (visible(clauses, auths)) {
                                expected.add(id);
                            }
                        });
                        var filter = AccessFilter.forUser(auths);
                        Set<String> got = ids(s, s.search(filter, 10_000).scoreDocs);
                        assertThat(got).as("round %d auths %s", round, auths).isEqualTo(expected);
                        assertThat(s.count(filter)).isEqualTo(expected.size());
                        int k = Math.max(1, Math.min(50, live.size()));
                        Set<String> knn = ids(s, s.search(new KnnFloatVectorQuery("v", new float[] {0.5f, 0.5f}, k,
                                filter), k).scoreDocs);
                        assertThat(expected).as("kNN round %d auths %s", round, auths).containsAll(knn);
                        assertThat(knn).hasSize(Math.min(k, expected.size()));
                    }
                }
            } finally {
                if (reader != null) {
                    reader.close();
                }
            }
        }
    }

    private static Set<String> ids(IndexSearcher s, ScoreDoc[] docs) throws java.io.IOException {
        Set<String> out = new HashSet<>();
        for (ScoreDoc sd : docs) {
            out.add(s.storedFields().document(sd.doc).get("id"));
        }
        return out;
    }

    @Test
    void a_document_without_labels_is_never_visible_and_tokens_are_validated() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            w.addDocument(new Document());
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                assertThat(new IndexSearcher(reader).count(AccessFilter.forUser(reader, Set.of(TOKENS)))).isZero();
            }
        }
        assertThatThrownBy(() -> AccessFilter.label(new Document(), List.of(Set.of("a|b"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessFilter.label(new Document(), List.of(Set.of("*"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.sextant.retrieval.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
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

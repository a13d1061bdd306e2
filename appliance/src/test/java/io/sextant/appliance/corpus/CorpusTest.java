package io.sextant.appliance.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.retrieval.search.Hit;
import io.sextant.retrieval.search.SearchRequest;
import io.sextant.retrieval.search.SearchResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {

    @TempDir
    Path tmp;

    @Test
    void ingested_passages_are_searchable_and_trimmed_to_each_clearance() throws Exception {
        try (Corpus corpus = MarkedCorpus.ingest(tmp.resolve("data"), tmp.resolve("docs"))) {
            assertThat(corpus.indexesDirectly()).isTrue();
            assertThat(corpus.store().status().outbox()).as("the outbox is drained into the index").isZero();

            SearchResult us = corpus.search(SearchRequest.of("convoy trucks Route 7", MarkedCorpus.US_SECRET, 10));
            assertThat(us.hits()).extracting(Hit::portionMark).contains("(S//NF)");
            assertThat(us.hits()).anySatisfy(h -> assertThat(h.text()).contains(MarkedCorpus.HIDDEN_FACT));

            SearchResult gbr = corpus.search(SearchRequest.of("convoy trucks Route 7", MarkedCorpus.GBR_SECRET, 10));
            assertThat(gbr.hits()).isNotEmpty();
            assertThat(gbr.hits()).extracting(Hit::portionMark).doesNotContain("(S//NF)");
            assertThat(gbr.hits()).allSatisfy(h -> assertThat(h.text() + h.snippet()).doesNotContain("trucks"));
            assertThat(gbr.totalVisible()).isLessThan(us.totalVisible());
            assertThat(gbr.facets().toString()).doesNotContain("convoy-report");
        }
    }

    @Test
    void evidence_passage_and_document_lookups_never_reveal_hidden_passages() throws Exception {
        try (Corpus corpus = MarkedCorpus.ingest(tmp.resolve("data"), tmp.resolve("docs"))) {
            List<Evidence> all = corpus.evidence(MarkedCorpus.US_SECRET, "convoy", Scope.ALL, 10);
            Evidence secret = all.stream().filter(e -> e.portionMark().equals("(S//NF)")).findFirst().orElseThrow();
            assertThat(secret.text()).isNotBlank();

            assertThat(corpus.passage(MarkedCorpus.US_SECRET, secret.passageId())).isPresent();
            assertThat(corpus.passage(MarkedCorpus.GBR_SECRET, secret.passageId()))
                    .as("a hidden passage looks exactly like an unknown one").isEmpty();
            assertThat(corpus.passage(MarkedCorpus.GBR_SECRET, "999999:0")).isEmpty();

            List<Evidence> docUs = corpus.documentPassages(MarkedCorpus.US_SECRET, secret.documentId());
            List<Evidence> docGbr = corpus.documentPassages(MarkedCorpus.GBR_SECRET, secret.documentId());
            assertThat(docUs).hasSize(3).extracting(Evidence::ordinal).isSorted();
            assertThat(docGbr).extracting(Evidence::portionMark).containsOnly("(U)");

            assertThat(corpus.evidence(MarkedCorpus.GBR_SECRET, "convoy trucks", Scope.ALL, 10))
                    .extracting(Evidence::portionMark).doesNotContain("(S//NF)");
            assertThat(corpus.documents(MarkedCorpus.GBR_SECRET)).extracting(d -> d.title() + d.sourcePath())
                    .noneMatch(s -> s.contains("convoy-report"));
            assertThat(corpus.documents(MarkedCorpus.US_SECRET)).hasSize(2);
            assertThat(corpus.evidence(MarkedCorpus.US_SECRET, "convoy", Scope.parse("collection=other"), 10))
                    .as("scope restricts collections").isEmpty();
        }
    }

    @Test
    void a_second_process_searches_read_only_and_leaves_indexing_to_the_writer() throws Exception {
        Path data = tmp.resolve("data");
        try (Corpus writer = MarkedCorpus.ingest(data, tmp.resolve("docs"));
             Corpus reader = Corpus.open(data, Corpus.Options.defaults())) {
            assertThat(writer.indexesDirectly()).isTrue();
            assertThat(reader.indexesDirectly()).isFalse();
            assertThat(reader.sync()).isZero();
            assertThat(reader.evidence(MarkedCorpus.US_SECRET, "frigate harbor", Scope.ALL, 5)).isNotEmpty();
        }
    }

    @Test
    void the_console_and_the_server_share_one_database_whichever_opens_it_first() throws Exception {
        Path first = tmp.resolve("ingest-first");
        MarkedCorpus.ingest(first, tmp.resolve("docs1")).close();
        try (var db = io.sextant.appliance.platform.Database.open(new io.sextant.appliance.platform.DataDir(first));
             Corpus again = Corpus.open(first, Corpus.Options.defaults())) {
            assertThat(db.connection().isValid(1)).isTrue();
            assertThat(again.store().status().topLevelDocuments()).isEqualTo(2);
        }
        Path second = tmp.resolve("server-first");
        try (var db = io.sextant.appliance.platform.Database.open(new io.sextant.appliance.platform.DataDir(second));
             Corpus c = MarkedCorpus.ingest(second, tmp.resolve("docs2"))) {
            assertThat(c.store().status().topLevelDocuments()).isEqualTo(2);
        }
        assertThat(java.nio.file.Files.getPosixFilePermissions(second.resolve("db/credentials")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void scope_text_is_parsed_or_rejected_with_the_reason() {
        Scope s = Scope.parse("collection=ops,intel;from=2026-01-01;to=2026-02-01");
        assertThat(s.collections()).containsExactly("ops", "intel");
        assertThat(s.from()).hasToString("2026-01-01");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scope.parse("from=yesterday"))
                .hasMessageContaining("not a date");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scope.parse("colour=red"))
                .hasMessageContaining("unknown key");
    }
}

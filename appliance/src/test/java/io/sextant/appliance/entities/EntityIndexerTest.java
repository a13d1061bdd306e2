package io.sextant.appliance.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.Passage;
import io.sextant.ingest.StoredDocument;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityIndexerTest {

    @TempDir
    Path dir;

    private static final MarkingParser PARSER = MarkingParser.defaultParser();

    private static StoredDocument doc(long id) {
        return new StoredDocument(id, 0, "", "/in/report-" + id + ".txt", "", "ops", "text/plain", "", "SECRET//NOFORN",
                "PORTIONS", List.of(), "");
    }

    private static Passage passage(int ordinal, String mark, String text) {
        return new Passage(ordinal, text, List.of(), 0, PARSER.parsePortion(mark).marking());
    }

    @Test
    void repeated_upserts_replace_a_documents_mentions_and_delete_removes_them() {
        try (Database db = Database.open(new DataDir(dir))) {
            EntityIndexer indexer = EntityIndexer.open(db.dataSource());
            EntityService service = new EntityService(EntityStore.open(db.dataSource()), PARSER);
            List<Passage> passages = List.of(
                    passage(0, "(S//NF)", "Trucks of the 11th Guards Brigade moved along Route 7."),
                    passage(1, "(U)", "   "),
                    passage(2, "(U)", "Weather along Route 7 was clear near Belgorod."));
            indexer.upsert(doc(7), passages);
            indexer.upsert(doc(7), passages);

            EntityService.Listing us = service.list(MarkedCorpus.US_SECRET, null, null, 50);
            assertThat(us.entities()).extracting(EntityService.EntitySummary::name, EntityService.EntitySummary::mentions)
                    .contains(org.assertj.core.groups.Tuple.tuple("Route 7", 2),
                            org.assertj.core.groups.Tuple.tuple("11th Guards Brigade", 1));
            assertThat(us.marking()).isEqualTo("SECRET//NOFORN");

            EntityService.Listing gbr = service.list(MarkedCorpus.GBR_SECRET, null, null, 50);
            assertThat(gbr.entities()).extracting(EntityService.EntitySummary::name)
                    .doesNotContain("11th Guards Brigade", "truck");
            assertThat(gbr.marking()).isEqualTo("UNCLASSIFIED");

            EntityService.Graph graph = service.graph(MarkedCorpus.US_SECRET, 10);
            assertThat(graph.edges()).allSatisfy(e -> assertThat(e.passages()).isNotEmpty()
                    .allMatch(p -> p.equals("7:0") || p.equals("7:2")));
            assertThat(service.graph(MarkedCorpus.GBR_SECRET, 10).edges()).allSatisfy(e ->
                    assertThat(e.passages()).containsOnly("7:2"));

            indexer.delete(7);
            assertThat(service.list(MarkedCorpus.US_SECRET, null, null, 50).entities()).isEmpty();
            assertThat(service.list(MarkedCorpus.US_SECRET, null, null, 50).marking()).isEqualTo("UNCLASSIFIED");
        }
    }
}

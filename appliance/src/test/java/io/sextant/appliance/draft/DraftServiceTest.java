package io.sextant.appliance.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.grounding.GroundedWriter;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.guard.output.MarkedParagraph;
import io.sextant.guard.output.OutputGuard;
import io.sextant.inference.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftServiceTest {

    @TempDir
    Path tmp;

    private record Fixture(Corpus corpus, Engines engines, Database db, DraftService service) implements AutoCloseable {
        @Override
        public void close() {
            engines.close();
            corpus.close();
            db.close();
        }
    }

    private Fixture open(Engines.Config config) throws Exception {
        Path data = tmp.resolve("data");
        Corpus corpus = MarkedCorpus.ingest(data, tmp.resolve("docs"));
        Database db = Database.open(new DataDir(data));
        Engines engines = Engines.open(data, config);
        GroundedWriter writer = new GroundedWriter(engines, OutputGuard.defaults(), Clock.systemUTC());
        DraftService service = new DraftService(corpus, writer, TemplateLibrary::bundled,
                DraftStore.open(db.dataSource()), OutputGuard.defaults(), Clock.systemUTC());
        return new Fixture(corpus, engines, db, service);
    }

    @Test
    void a_sitrep_drafted_with_the_extractive_engine_cites_visible_passages_and_exports_marked_markdown()
            throws Exception {
        try (Fixture f = open(Engines.Config.DEFAULTS)) {
            Analyst us = new Analyst("alice", MarkedCorpus.US_SECRET, "All-source analyst");
            long t0 = System.nanoTime();
            DraftService.Drafted drafted = f.service().draft(us, "sitrep", "convoy on Route 7", DraftScope.EVERYTHING,
                    Cancellation.create());
            System.out.printf("SITREP drafted with the extractive engine in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            Draft d = drafted.draft();
            assertThat(d.sections()).extracting(DraftSection::heading).containsExactly("Situation",
                    "Threat / adversary activity", "Own / friendly situation", "Assessment",
                    "Outlook (next 24–72 hours)", "Sources");
            assertThat(d.sections()).anySatisfy(s -> assertThat(s.citations()).isNotEmpty());
            for (DraftSection s : d.sections()) {
                Set<String> cited = s.citations().stream().map(Citation::passageId).collect(Collectors.toSet());
                for (MarkedParagraph p : s.body()) {
                    assertThat(p.sourceIds()).isNotEmpty();
                    for (Citation c : s.citations()) {
                        assertThat(f.corpus().passage(us.clearance(), c.passageId())).isPresent();
                    }
                    assertThat(cited).isNotEmpty();
                }
            }
            assertThat(f.service().find(us, d.id())).isPresent();
            assertThat(f.service().find(new Analyst("mallory", MarkedCorpus.US_SECRET, null), d.id())).isEmpty();

            Path out = tmp.resolve("sitrep.md");
            f.service().export(us, d, "md", out);
            List<String> lines = Files.readAllLines(out).stream().filter(l -> !l.isBlank()).toList();
            assertThat(lines.getFirst()).isEqualTo("SECRET//NOFORN");
            assertThat(lines.getLast()).isEqualTo("SECRET//NOFORN");
            assertThat(Files.readString(out)).contains("Classified By: alice").contains(MarkedCorpus.HIDDEN_FACT);
        }
    }

    @Test
    void a_foreign_analysts_draft_carries_nothing_above_their_access() throws Exception {
        try (Fixture f = open(Engines.Config.DEFAULTS)) {
            Analyst gbr = new Analyst("bob", MarkedCorpus.GBR_SECRET, null);
            Draft d = f.service().draft(gbr, "sitrep", "convoy trucks on Route 7", DraftScope.EVERYTHING,
                    Cancellation.create()).draft();
            Path out = tmp.resolve("gbr.md");
            f.service().export(gbr, d, "md", out);
            String text = Files.readString(out);
            assertThat(text).doesNotContain("NOFORN").doesNotContain("trucks of").doesNotContain("Fuel trucks");
            assertThat(text.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow()).isEqualTo("UNCLASSIFIED");
        }
    }

    @Test
    void an_edited_section_is_re_marked_from_what_it_cites_and_unknown_citations_are_removed() throws Exception {
        try (Fixture f = open(Engines.Config.DEFAULTS)) {
            Analyst us = new Analyst("alice", MarkedCorpus.US_SECRET, null);
            Draft d = f.service().draft(us, "brief", "harbor frigate", DraftScope.EVERYTHING,
                    Cancellation.create()).draft();
            int index = -1;
            for (int i = 0; i < d.sections().size(); i++) {
                if (!d.sections().get(i).citations().isEmpty()) {
                    index = i;
                    break;
                }
            }
            assertThat(index).isNotNegative();
            Citation first = d.sections().get(index).citations().getFirst();
            Draft edited = f.service().edit(us, d.id(), index, "The analyst rewrote this [" + first.number()
                    + "][99].");
            DraftSection s = edited.sections().get(index);
            assertThat(s.body()).hasSize(1);
            assertThat(s.body().getFirst().text()).isEqualTo("The analyst rewrote this [" + first.number() + "].");
            assertThat(s.body().getFirst().marking()).isEqualTo(first.marking());
            assertThat(s.state()).isEqualTo(DraftSection.State.DRAFT);
            assertThat(f.service().accept(us, d.id()).state()).isEqualTo(DraftSection.State.ACCEPTED);
            assertThatThrownBy(() -> f.service().draft(us, "no-such-template", "x", DraftScope.EVERYTHING,
                    Cancellation.create())).isInstanceOf(DraftUnavailableException.class)
                    .hasMessageContaining("sitrep");
        }
    }
}

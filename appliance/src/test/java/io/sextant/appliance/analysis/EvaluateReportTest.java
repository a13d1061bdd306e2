package io.sextant.appliance.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.corpus.Scope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateReportTest {

    @TempDir
    Path tmp;

    static final String REPORT = """
            A convoy of forty trucks of the 11th Guards Brigade moved north along Route 7 toward the border.
            The frigate left the harbor at dawn and headed south.
            The frigate did not leave the harbor at dawn.
            The brutal regime will probably invade the northern provinces next week.
            """;

    @Test
    void claims_are_judged_against_the_passages_the_analyst_may_see_with_citations_and_flags() throws Exception {
        try (Bench b = new Bench(tmp)) {
            AnalysisReport r = b.service.evaluate(Bench.US, REPORT, null, Scope.ALL, "127.0.0.1");
            List<AnalysisReport.Paragraph> claims = r.section("claims");
            assertThat(claims).hasSize(4);
            assertThat(claims.get(0).fields().get("verdict")).isEqualTo("supported");
            assertThat(claims.get(0).portionMark()).isEqualTo("(S//NF)");
            assertThat(claims.get(0).text()).contains(MarkedCorpus.HIDDEN_FACT);
            assertThat(claims.get(1).fields().get("verdict")).isEqualTo("supported");
            assertThat(claims.get(1).portionMark()).isEqualTo("(U)");
            assertThat(claims.get(2).fields().get("verdict")).isEqualTo("contradicted");
            assertThat(claims.get(2).citations()).isNotEmpty();
            assertThat(claims.get(3).fields().get("verdict")).isEqualTo("not_found");
            assertThat(claims.get(3).fields().get("flags").toString()).contains("unsupported judgement")
                    .contains("loaded language").contains("missing sourcing");
            assertThat(r.marking()).isEqualTo("SECRET//NOFORN");
            assertThat(r.authority()).anySatisfy(l -> assertThat(l).startsWith("Classified By: alice"));
            assertThat(r.summary()).containsEntry("claims", 4).containsEntry("supported", 2)
                    .containsEntry("contradicted", 1).containsEntry("notFound", 1).containsKey("score");
            assertThat(r.toJson()).containsEntry("marking", "SECRET//NOFORN");
            b.assertCitationsVisible(Bench.US, r);
            assertThat(b.audit.tail(5)).anySatisfy(a -> {
                assertThat(a.event().type()).isEqualTo(AuditEventType.ANALYSIS);
                assertThat(a.event().subject()).isEqualTo("analysis evaluate");
                assertThat(a.event().markings()).isEqualTo("SECRET//NOFORN");
                assertThat(a.event().detail()).doesNotContain("convoy");
            });
        }
    }

    @Test
    void a_foreign_analyst_gets_nothing_from_the_noforn_passage() throws Exception {
        try (Bench b = new Bench(tmp)) {
            AnalysisReport r = b.service.evaluate(Bench.GBR, "A sustained deployment followed the convoy "
                    + "north along Route 7 toward the border crossing.\nThe frigate left the harbor at dawn and headed south.",
                    null, Scope.ALL, null);
            Bench.assertNothingHidden(r);
            assertThat(r.marking()).isEqualTo("UNCLASSIFIED");
            b.assertCitationsVisible(Bench.GBR, r);
            assertThat(r.section("claims").get(1).fields().get("verdict")).isEqualTo("supported");
        }
    }

    @Test
    void a_stored_document_is_evaluated_only_as_far_as_the_analyst_may_see_it() throws Exception {
        try (Bench b = new Bench(tmp)) {
            String convoy = b.corpus.documents(MarkedCorpus.US_SECRET).stream()
                    .filter(d -> d.marking().contains("NOFORN")).findFirst().orElseThrow().id() + "";
            AnalysisReport us = b.service.evaluate(Bench.US, null, convoy, Scope.ALL, null);
            assertThat(us.section("claims")).hasSizeGreaterThanOrEqualTo(2);
            assertThatThrownBy(() -> b.service.evaluate(Bench.GBR, null, convoy, Scope.ALL, null))
                    .isInstanceOf(AnalysisException.class).hasMessage("no such document");
            assertThatThrownBy(() -> b.service.evaluate(Bench.GBR, null, "no-such-id", Scope.ALL, null))
                    .isInstanceOf(AnalysisException.class).hasMessage("no such document");
            assertThatThrownBy(() -> b.service.evaluate(Bench.US, "Hi.", null, Scope.ALL, null))
                    .isInstanceOf(AnalysisException.class).extracting(e -> ((AnalysisException) e).status())
                    .isEqualTo(400);
        }
    }

    @Test
    void text_carrying_a_marking_above_the_sources_is_refused_by_the_guard_and_audited() throws Exception {
        try (Bench b = new Bench(tmp)) {
            assertThatThrownBy(() -> b.service.evaluate(Bench.GBR, "The frigate left the harbor at dawn, as "
                    + "TOP SECRET//SI//NOFORN reporting from the harbor says.", null, Scope.ALL, null))
                    .isInstanceOf(AnalysisException.class)
                    .satisfies(e -> assertThat(((AnalysisException) e).status()).isEqualTo(403));
            assertThat(b.audit.tail(1).getFirst().event().outcome()).isEqualTo(io.sextant.appliance.audit.Outcome.DENIED);
        }
    }
}

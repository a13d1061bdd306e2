package io.sextant.appliance.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.guard.output.MarkedParagraph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An export can only pair a draft with the guard's verdict on that very text, and never prints above its banner. */
class MarkedDraftTest {

    @Test
    void rejectsAProductWhoseParagraphsDifferFromTheDraft() {
        MarkedDraft ok = DraftFixtures.secretDraft();
        Draft d = ok.draft();
        DraftSection first = d.sections().get(0);
        List<MarkedParagraph> body = new ArrayList<>(first.body());
        MarkedParagraph p = body.get(1);
        body.set(1, new MarkedParagraph(p.marking(), p.text() + " Edited after guarding.", p.sourceIds()));
        Draft edited = d.withSection(0, DraftSection.draft(first.heading(), body, first.citations()));
        assertThatThrownBy(() -> new MarkedDraft(edited, "SITREP", ok.product()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guard the draft as it stands");
    }

    @Test
    void rejectsACitationMarkedAboveTheBanner() {
        MarkedDraft ok = DraftFixtures.secretDraft();
        Draft d = ok.draft();
        DraftSection last = d.sections().get(2);
        Citation ts = new Citation(9, "p-t", "doc-t", "Intercept", "", DraftFixtures.m("(TS//SI//NF)"));
        Draft leaking = d.withSection(2, DraftSection.draft(last.heading(), last.body(), List.of(ts)));
        assertThatThrownBy(() -> new MarkedDraft(leaking, "SITREP", ok.product()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("citation [9] is marked (TS//SI//NF)")
                .hasMessageContaining("SECRET//NOFORN does not cover");
    }

    @Test
    void exporterIsChosenByFormatName() {
        assertThat(DraftExporter.forFormat("md")).isInstanceOf(MarkdownExporter.class);
        assertThat(DraftExporter.forFormat(" PDF ").extension()).isEqualTo("pdf");
        assertThat(DraftExporter.forFormat("docx").mediaType()).contains("wordprocessingml");
        assertThatThrownBy(() -> DraftExporter.forFormat("odt")).hasMessageContaining("use md, docx or pdf");
    }

    @Test
    void bannerColoursFollowTheWebUi() {
        assertThat(BannerColour.of(DraftFixtures.m("(U)")).backgroundHex()).isEqualTo("007A33");
        assertThat(BannerColour.of(DraftFixtures.m("(C)")).backgroundHex()).isEqualTo("0033A0");
        assertThat(BannerColour.of(DraftFixtures.m("(S//NF)")).backgroundHex()).isEqualTo("C8102E");
        assertThat(BannerColour.of(DraftFixtures.m("(//DEU S)"))).as("a foreign SECRET is red too")
                .isEqualTo(BannerColour.S);
        assertThat(BannerColour.of(DraftFixtures.m("(TS//NF)")).backgroundHex()).isEqualTo("FF8C00");
        assertThat(BannerColour.of(DraftFixtures.m("(TS//SI//NF)")).backgroundHex()).isEqualTo("FCE83A");
    }
}

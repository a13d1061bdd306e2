package io.sextant.ingest.marking;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.Block;
import io.sextant.ingest.BlockKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Banner and portion detection with the guard's parser; contradictions resolve upward and are flagged. */
class MarkingAnalyzerTest {
    private static final MarkingParser PARSER = MarkingParser.defaultParser();
    private final MarkingAnalyzer analyzer = new MarkingAnalyzer(PARSER);
    private final Marking declared = PARSER.parsePortion("(U)").marking();

    @Test
    void each_portion_keeps_its_own_marking_and_the_document_takes_the_roll_up() {
        MarkingAnalysis a = analyzer.analyze(blocks("SECRET//NOFORN\n(U) Weather was fine.",
                "(S//NF) The source reported movement.", "(C) Logistics summary.", "SECRET//NOFORN"),
                declared, MarkingSource.DECLARED);
        assertThat(a.marked()).isTrue();
        assertThat(a.reviewFlags()).isEmpty();
        assertThat(a.source()).isEqualTo(MarkingSource.PORTIONS);
        assertThat(MarkingFormatter.banner(a.document())).isEqualTo("SECRET//NOFORN");
        assertThat(a.blocks()).extracting(b -> MarkingFormatter.portion(b.marking()))
                .containsExactly("(U)", "(S//NF)", "(C)");
        assertThat(a.blocks()).noneMatch(b -> b.block().text().contains("SECRET//NOFORN"));
    }

    @Test
    void several_portions_inside_one_block_are_split_at_each_mark() {
        MarkingAnalysis a = analyzer.analyze(blocks("(U) First line.\n(S) Second line.\ncontinues here."),
                declared, MarkingSource.DECLARED);
        assertThat(a.blocks()).hasSize(2);
        assertThat(a.blocks().get(1).block().text()).isEqualTo("(S) Second line.\ncontinues here.");
        assertThat(MarkingFormatter.portion(a.blocks().get(1).marking())).isEqualTo("(S)");
    }

    @Test
    void an_unmarked_document_takes_the_declared_marking_and_records_it() {
        MarkingAnalysis a = analyzer.analyze(blocks("Just prose.", "More prose (with parentheses)."),
                PARSER.parsePortion("(C)").marking(), MarkingSource.DECLARED);
        assertThat(a.marked()).isFalse();
        assertThat(a.source()).isEqualTo(MarkingSource.DECLARED);
        assertThat(a.blocks()).allMatch(b -> MarkingFormatter.portion(b.marking()).equals("(C)"));
    }

    @Test
    void a_portion_above_its_banner_is_flagged_and_the_higher_marking_wins() {
        MarkingAnalysis a = analyzer.analyze(blocks("CONFIDENTIAL", "(C) Routine.", "(S) Not routine."),
                declared, MarkingSource.DECLARED);
        assertThat(a.reviewFlags()).anyMatch(f -> f.contains("above the banner"));
        assertThat(MarkingFormatter.banner(a.document())).isEqualTo("SECRET");
        assertThat(MarkingFormatter.portion(a.blocks().get(1).marking())).isEqualTo("(S)");
    }

    @Test
    void a_banner_higher_than_its_portions_is_flagged_and_every_passage_rises_to_it() {
        MarkingAnalysis a = analyzer.analyze(blocks("TOP SECRET", "(U) Harmless.", "(C) Something."),
                declared, MarkingSource.DECLARED);
        assertThat(a.reviewFlags()).anyMatch(f -> f.contains("not the roll-up"));
        assertThat(MarkingFormatter.banner(a.document())).isEqualTo("TOP SECRET");
        assertThat(a.blocks()).allMatch(b -> MarkingFormatter.portion(b.marking()).equals("(TS)"));
    }

    @Test
    void an_invalid_mark_is_flagged_and_its_text_takes_the_document_marking() {
        MarkingAnalysis a = analyzer.analyze(blocks("(S//NF) Known.", "(S//BOGUSCONTROL) Unknown control."),
                declared, MarkingSource.DECLARED);
        assertThat(a.reviewFlags()).anyMatch(f -> f.startsWith("invalid portion mark"));
        assertThat(a.blocks().get(1).marking()).isEqualTo(a.document());
        assertThat(a.document().level()).isEqualTo(PARSER.parsePortion("(S)").marking().level());
    }

    @Test
    void unmarked_text_inside_a_marked_document_is_never_marked_lower_than_the_document() {
        MarkingAnalysis a = analyzer.analyze(blocks("(S) Secret paragraph.", "A heading without a mark"),
                declared, MarkingSource.DECLARED);
        assertThat(MarkingFormatter.portion(a.blocks().get(1).marking())).isEqualTo("(S)");
    }

    @Test
    void prose_that_only_looks_like_a_mark_is_left_alone() {
        MarkingAnalysis a = analyzer.analyze(blocks("(a) the document(s) listed below", "////////////////",
                "SECRET SERVICE BUDGET is a title, not a banner."), declared, MarkingSource.DECLARED);
        assertThat(a.marked()).isFalse();
        assertThat(a.reviewFlags()).isEmpty();
        assertThat(a.blocks()).hasSize(3);
    }

    private static List<Block> blocks(String... texts) {
        return Arrays.stream(texts).map(t -> new Block(BlockKind.PARAGRAPH, t, 0, List.of(), 1)).toList();
    }
}

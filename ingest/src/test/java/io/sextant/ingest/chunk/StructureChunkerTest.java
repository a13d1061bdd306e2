package io.sextant.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.Block;
import io.sextant.ingest.BlockKind;
import io.sextant.ingest.Passage;
import io.sextant.ingest.marking.MarkedBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Passages respect portions, pages and headings, fit the target, and overlap only inside one portion. */
class StructureChunkerTest {
    private static final MarkingParser P = MarkingParser.defaultParser();
    private static final Marking U = P.parsePortion("(U)").marking();
    private static final Marking S = P.parsePortion("(S)").marking();

    @Test
    void a_passage_never_straddles_two_markings() {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.err.println("StructureChunkerTest seed: -Dtests.seed=" + seed);
        Random r = new Random(seed);
        List<MarkedBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Marking m = r.nextInt(3) == 0 ? S : U;
            String text = (m == S ? "(S) " + "secretword " : "(U) " + "plainword ").repeat(1 + r.nextInt(75));
            blocks.add(new MarkedBlock(new Block(BlockKind.PARAGRAPH, text.strip(), 0, List.of(), 0), m));
        }
        List<Passage> passages = new StructureChunker(new ChunkSettings(120, 20)).chunk(blocks);
        for (Passage p : passages) {
            boolean hasS = p.text().contains("secretword");
            boolean hasU = p.text().contains("plainword");
            assertThat(hasS && hasU).as("mixed passage %s", p.ordinal()).isFalse();
            assertThat(p.marking()).isEqualTo(hasS ? S : U);
            assertThat(ChunkSettings.tokens(p.text())).isLessThanOrEqualTo(120 + 20);
        }
        assertThat(passages).extracting(Passage::ordinal).isSorted();
    }

    @Test
    void headings_start_passages_and_stay_as_their_context() {
        List<MarkedBlock> blocks = List.of(
                mb(BlockKind.HEADING, "Chapter 1", 1, List.of()),
                mb(BlockKind.PARAGRAPH, "Intro text.", 0, List.of("Chapter 1")),
                mb(BlockKind.HEADING, "Section 1.1", 2, List.of("Chapter 1")),
                mb(BlockKind.LIST_ITEM, "first item", 0, List.of("Chapter 1", "Section 1.1")),
                mb(BlockKind.TABLE, "a\tb\n1\t2", 0, List.of("Chapter 1", "Section 1.1")));
        List<Passage> passages = new StructureChunker(ChunkSettings.DEFAULTS).chunk(blocks);
        assertThat(passages).hasSize(2);
        assertThat(passages.get(0).headings()).containsExactly("Chapter 1");
        assertThat(passages.get(0).text()).isEqualTo("Chapter 1\nIntro text.");
        assertThat(passages.get(1).headings()).containsExactly("Chapter 1", "Section 1.1");
        assertThat(passages.get(1).text()).contains("first item", "a\tb\n1\t2");
    }

    @Test
    void pages_end_passages_so_each_passage_cites_one_page() {
        List<MarkedBlock> blocks = List.of(
                new MarkedBlock(new Block(BlockKind.PARAGRAPH, "on page one", 0, List.of(), 1), U),
                new MarkedBlock(new Block(BlockKind.PARAGRAPH, "on page two", 0, List.of(), 2), U));
        assertThat(new StructureChunker(ChunkSettings.DEFAULTS).chunk(blocks)).extracting(Passage::page)
                .containsExactly(1, 2);
    }

    @Test
    void an_oversized_paragraph_is_cut_at_sentences_with_overlap() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sb.append("Sentence number ").append(i).append(" says something. ");
        }
        List<Passage> passages = new StructureChunker(new ChunkSettings(64, 16))
                .chunk(List.of(new MarkedBlock(new Block(BlockKind.PARAGRAPH, sb.toString().strip(), 0, List.of(), 0),
                        S)));
        assertThat(passages.size()).isGreaterThan(5);
        for (int i = 1; i < passages.size(); i++) {
            String prev = passages.get(i - 1).text();
            String firstLine = passages.get(i).text().lines().findFirst().orElseThrow();
            assertThat(prev).as("overlap").contains(firstLine);
        }
        assertThat(passages).allMatch(p -> p.marking().equals(S));
    }

    private static MarkedBlock mb(BlockKind kind, String text, int level, List<String> headings) {
        return new MarkedBlock(new Block(kind, text, level, headings, 0), U);
    }
}

package io.sextant.inference.extractive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.inference.Cancellation;
import io.sextant.inference.ChatMessage;
import io.sextant.inference.Completion;
import io.sextant.inference.FinishReason;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.GroundingContext;
import io.sextant.inference.InvalidRequestException;
import io.sextant.inference.OutputConstraint;
import io.sextant.inference.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExtractiveEngineTest {

    private static final Pattern CITED = Pattern.compile("^(.+) \\[(\\d+)]$");

    private final ExtractiveEngine engine = new ExtractiveEngine();

    private static final GroundingContext PASSAGES = new GroundingContext(List.of(
            new Passage(1, "report A", "The convoy left the northern depot at dawn. It carried fuel and spare parts. "
                    + "Weather was clear."),
            new Passage(2, "report B", "Observers counted twelve trucks in the convoy. The convoy left the northern "
                    + "depot at dawn. Two trucks turned back near the river crossing."),
            new Passage(3, "report C", "The harvest festival drew large crowds in the capital. Markets stayed open "
                    + "late.")));

    private static GenerationRequest ask(String q, GroundingContext g) {
        return new GenerationRequest(List.of(ChatMessage.system("Be brief."), ChatMessage.user(q)), g,
                GenerationSettings.DEFAULTS);
    }

    @Test
    void quotesRelevantSentencesVerbatimWithTheirCitationAndSaysNoModelIsInstalled() {
        Completion c = engine.generate(ask("When did the convoy leave, and how many trucks were in it?", PASSAGES));
        List<String> lines = c.text().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.getFirst()).isEqualTo(ExtractiveEngine.NOTICE);
        assertCitationsVerbatim(c.text(), PASSAGES);
        assertThat(c.text()).contains("counted twelve trucks").contains("left the northern depot at dawn")
                .doesNotContain("harvest");
    }

    @Test
    void mmrDoesNotQuoteTheSameSentenceTwice() {
        Completion c = engine.generate(ask("convoy left northern depot dawn", PASSAGES));
        List<String> quoted = c.text().lines().skip(2).map(l -> l.replaceAll(" \\[\\d+]$", "")).toList();
        assertThat(quoted).doesNotHaveDuplicates();
        assertThat(quoted.stream().filter(s -> s.contains("left the northern depot"))).hasSize(1);
    }

    @Test
    void prefersCoverageOverRepetitionComparedWithRelevanceOnly() {
        GroundingContext g = GroundingContext.of(
                "The bridge at Kessel was damaged by floods. The bridge at Kessel was damaged by heavy floods.",
                "The bridge at Kessel reopened to light traffic on Monday.");
        List<ExtractiveEngine.Quote> relevanceOnly = new ExtractiveEngine(1.0, 2)
                .select(ask("bridge Kessel damaged floods traffic", g));
        List<ExtractiveEngine.Quote> mmr = new ExtractiveEngine(0.3, 2).select(ask("bridge Kessel damaged floods traffic", g));
        assertThat(relevanceOnly).extracting(ExtractiveEngine.Quote::passage).containsOnly(1);
        assertThat(mmr).extracting(ExtractiveEngine.Quote::passage).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void saysSoWhenNothingMatchesOrNothingWasRetrieved() {
        assertThat(engine.generate(ask("submarine cables", PASSAGES)).text()).isEqualTo(ExtractiveEngine.NO_MATCH);
        assertThat(engine.generate(ask("convoy", GroundingContext.NONE)).text())
                .isEqualTo(ExtractiveEngine.NO_PASSAGES);
    }

    @Test
    void honoursTheTokenBudgetStopSequencesAndCancellation() {
        GenerationRequest r = ask("convoy trucks depot river", PASSAGES);
        Completion small = engine.generate(r.withSettings(GenerationSettings.DEFAULTS.withMaxTokens(30)));
        assertThat(small.completionTokens()).isLessThanOrEqualTo(30);
        Completion stopped = engine.generate(r.withSettings(GenerationSettings.DEFAULTS.withStop("[")));
        assertThat(stopped.finishReason()).isEqualTo(FinishReason.STOP_SEQUENCE);
        assertThat(stopped.text()).doesNotContain("[");
        Cancellation cancel = Cancellation.create();
        List<String> pieces = new ArrayList<>();
        Completion cancelled = engine.generate(r, p -> {
            pieces.add(p);
            cancel.cancel();
        }, cancel);
        assertThat(cancelled.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(pieces).hasSize(1);
    }

    @Test
    void refusesConstrainedOutput() {
        GenerationRequest r = ask("convoy", PASSAGES).withSettings(
                GenerationSettings.DEFAULTS.withConstraint(new OutputConstraint.JsonSchema("{\"type\":\"object\"}")));
        assertThatThrownBy(() -> engine.generate(r)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void everyQuotedSentenceExistsVerbatimInTheCitedPassageOnRandomCorpora() {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("ExtractiveEngineTest seed: -Dtests.seed=" + seed);
        Random rnd = new Random(seed);
        String[] words = {"convoy", "bridge", "river", "depot", "trucks", "radar", "port", "ship", "cable", "north",
            "south", "dawn", "dusk", "fuel", "crossing", "observers", "reported", "damaged", "moved", "seen"};
        for (int round = 0; round < 200; round++) {
            List<Passage> ps = new ArrayList<>();
            for (int p = 1; p <= 1 + rnd.nextInt(5); p++) {
                StringBuilder text = new StringBuilder();
                for (int s = 0; s < 1 + rnd.nextInt(5); s++) {
                    for (int w = 0; w < 3 + rnd.nextInt(8); w++) {
                        text.append(w == 0 ? "" : rnd.nextInt(6) == 0 ? ", " : " ").append(words[rnd.nextInt(20)]);
                    }
                    text.append(rnd.nextBoolean() ? ".  " : "!\n");
                }
                ps.add(new Passage(p, "doc" + p, text.toString()));
            }
            GroundingContext g = new GroundingContext(ps);
            String q = words[rnd.nextInt(20)] + " " + words[rnd.nextInt(20)] + "?";
            assertCitationsVerbatim(engine.generate(ask(q, g)).text(), g);
        }
    }

    private static void assertCitationsVerbatim(String answer, GroundingContext g) {
        List<String> lines = answer.lines().filter(l -> !l.isBlank()).toList();
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = CITED.matcher(line);
            assertThat(m.matches()).as("cited line: %s", line).isTrue();
            Passage cited = g.passage(Integer.parseInt(m.group(2))).orElseThrow();
            assertThat(cited.text()).as("passage [%s]", m.group(2)).contains(m.group(1));
        }
    }
}

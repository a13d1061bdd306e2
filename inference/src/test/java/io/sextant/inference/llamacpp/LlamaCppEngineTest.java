package io.sextant.inference.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.inference.Cancellation;
import io.sextant.inference.ChatMessage;
import io.sextant.inference.Completion;
import io.sextant.inference.EngineUnavailableException;
import io.sextant.inference.FinishReason;
import io.sextant.inference.GenerationFailedException;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.GroundingContext;
import io.sextant.inference.InvalidRequestException;
import io.sextant.inference.OutputConstraint;
import io.sextant.inference.gguf.testing.TinyLlama;
import io.sextant.inference.prompt.ChatTemplate;
import io.sextant.inference.prompt.JsonSchemaGrammar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real java-llama.cpp on a tiny random-weight GGUF: load, tokenize, generate, stream, stop, cancel, constrain. */
class LlamaCppEngineTest {

    @TempDir
    static Path dir;
    static Path model;
    static LlamaCppEngine engine;

    static final GenerationSettings GREEDY = GenerationSettings.DEFAULTS.withTemperature(0).withMaxTokens(40);

    @BeforeAll
    static void load() {
        model = TinyLlama.writeTiny(dir);
        engine = LlamaCppEngine.load(LlamaSettings.cpu(model).withSlots(2, 512));
    }

    @AfterAll
    static void unload() {
        engine.close();
    }

    @Test
    void loadsTheModelAndReportsItsMetadataAndThatItRunsOnTheCpu() {
        assertThat(engine.metadata().architecture()).isEqualTo("llama");
        assertThat(engine.metadata().contextLength()).isEqualTo(256);
        assertThat(engine.chatTemplate()).isEqualTo(ChatTemplate.CHATML);
        assertThat(engine.info().kind()).isEqualTo("llama.cpp");
        assertThat(engine.info().contextTokens()).isEqualTo(256);
        assertThat(engine.gpuOffload().active()).isFalse();
        assertThat(engine.info().accelerator()).isEqualTo("CPU");
    }

    @Test
    void asksForGpuLayersOnACpuOnlyNativeAndSaysNoneWereOffloaded() {
        try (LlamaCppEngine gpu = LlamaCppEngine.load(LlamaSettings.cpu(model).withSlots(1, 256).withGpuLayers(99))) {
            assertThat(gpu.gpuOffload().active()).isFalse();
            assertThat(gpu.gpuOffload().evidence()).contains("99");
        }
    }

    @Test
    void countsTokensWithTheModelsTokenizer() {
        int hello = engine.countTokens("hello");
        assertThat(hello).isPositive();
        assertThat(engine.countTokens("hello hello")).isGreaterThan(hello);
        assertThat(engine.countTokens("")).isZero();
        GenerationRequest r = GenerationRequest.of("hello", GREEDY);
        assertThat(engine.countPromptTokens(r)).isGreaterThan(hello + 2);
        assertThat(engine.generate(r.withSettings(GREEDY.withMaxTokens(1))).promptTokens())
                .isEqualTo(engine.countPromptTokens(r));
    }

    @Test
    void greedyGenerationIsRepeatableAndRespectsTheTokenLimit() {
        GenerationRequest r = GenerationRequest.of("Say something.", GREEDY.withMaxTokens(12));
        Completion a = engine.generate(r);
        Completion b = engine.generate(r);
        assertThat(a.text()).isEqualTo(b.text());
        assertThat(a.completionTokens()).isBetween(1, 12);
        assertThat(a.finishReason()).isIn(FinishReason.LENGTH, FinishReason.END_OF_TURN);
        assertThat(a.total()).isPositive();
    }

    @Test
    void streamsPiecesThatAddUpToTheText() {
        List<String> pieces = new ArrayList<>();
        Completion c = engine.generate(GenerationRequest.of("Stream please.", GREEDY), pieces::add,
                Cancellation.create());
        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(c.text());
        assertThat(c.timeToFirstToken()).isPositive().isLessThanOrEqualTo(c.total());
    }

    @Test
    void endsBeforeAStopSequenceAndNeverEmitsIt() {
        GenerationRequest free = GenerationRequest.of("Tell me more.", GREEDY);
        String full = engine.generate(free).text();
        assertThat(full.length()).as("greedy output %s", full).isGreaterThan(6);
        String stop = full.substring(4, 6);
        Completion c = engine.generate(free.withSettings(GREEDY.withStop(stop)));
        assertThat(c.text()).isEqualTo(full.substring(0, full.indexOf(stop)));
        assertThat(c.finishReason()).isEqualTo(FinishReason.STOP_SEQUENCE);
    }

    @Test
    void cancellingMidStreamStopsAtTheNextToken() {
        Cancellation cancel = Cancellation.create();
        List<String> pieces = new ArrayList<>();
        Completion c = engine.generate(GenerationRequest.of("A long answer.", GREEDY.withMaxTokens(200)), p -> {
            pieces.add(p);
            if (pieces.size() == 3) {
                cancel.cancel();
            }
        }, cancel);
        assertThat(c.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(pieces).hasSize(3);
        Completion whole = engine.generate(GenerationRequest.of("A long answer.", GREEDY.withMaxTokens(200)));
        assertThat(whole.text()).startsWith(String.join("", pieces));
        assertThat(whole.text().length()).isGreaterThan(c.text().length());
    }

    @Test
    void aSinkThatFailsCancelsTheGeneration() {
        assertThatThrownBy(() -> engine.generate(GenerationRequest.of("Hi", GREEDY), p -> {
            throw new IllegalStateException("client went away");
        }, Cancellation.create())).isInstanceOf(GenerationFailedException.class).hasMessageContaining("client");
        assertThat(engine.generate(GenerationRequest.of("Again", GREEDY.withMaxTokens(4))).completionTokens())
                .isPositive();
    }

    @Test
    void jsonSchemaConstrainedOutputParsesAndHasTheRequiredFields() throws Exception {
        String schema = """
                {"type":"object","properties":{
                  "answer":{"type":"string","maxLength":12},
                  "confidence":{"type":"integer","minimum":0,"maximum":100}},
                 "required":["answer","confidence"],"additionalProperties":false}""";
        GenerationSettings s = GenerationSettings.DEFAULTS.withTemperature(0.8).withMaxTokens(200)
                .withConstraint(new OutputConstraint.JsonSchema(schema));
        for (long seed = 1; seed <= 3; seed++) {
            Completion c = engine.generate(GenerationRequest.of("Answer in JSON.", s.withSeed(seed)));
            JsonNode json = new ObjectMapper().readTree(c.text());
            assertThat(json.get("answer").isTextual()).as(c.text()).isTrue();
            assertThat(json.get("confidence").isInt()).as(c.text()).isTrue();
            assertThat(json.get("confidence").asInt()).isBetween(0, 100);
        }
    }

    @Test
    void sextantsOwnSchemaGrammarProducesValidJsonOnEitherLibraryVersion() throws Exception {
        String schema = """
                {"type":"object","properties":{
                  "verdict":{"enum":["confirmed","denied"]},
                  "score":{"type":"integer","minimum":1,"maximum":5},
                  "tags":{"type":"array","items":{"type":"string","maxLength":6},"maxItems":3}},
                 "required":["verdict","score","tags"]}""";
        GenerationSettings s = GenerationSettings.DEFAULTS.withMaxTokens(200)
                .withConstraint(new OutputConstraint.Grammar(JsonSchemaGrammar.toGbnf(schema)));
        for (long seed = 1; seed <= 3; seed++) {
            JsonNode json = new ObjectMapper().readTree(
                    engine.generate(GenerationRequest.of("JSON please.", s.withSeed(seed))).text());
            assertThat(json.get("verdict").asText()).isIn("confirmed", "denied");
            assertThat(json.get("score").asInt()).isBetween(1, 5);
            assertThat(json.get("tags").isArray()).isTrue();
            assertThat(json.get("tags").size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void gbnfGrammarConstrainsTheOutput() {
        GenerationSettings s = GREEDY.withConstraint(new OutputConstraint.Grammar("root ::= (\"yes\" | \"no\") \".\""));
        assertThat(engine.generate(GenerationRequest.of("Yes or no?", s)).text()).isIn("yes.", "no.");
    }

    @Test
    void refusesAPromptThatDoesNotFitASlot() {
        GenerationRequest huge = new GenerationRequest(List.of(ChatMessage.user("word ".repeat(400))),
                GroundingContext.NONE, GREEDY);
        assertThatThrownBy(() -> engine.generate(huge)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("tokens");
    }

    @Test
    void refusesAMalformedJsonSchema() {
        GenerationSettings s = GREEDY.withConstraint(new OutputConstraint.JsonSchema("{not json"));
        assertThatThrownBy(() -> engine.generate(GenerationRequest.of("x", s)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void unloadsAndReloads() {
        LlamaCppEngine second = LlamaCppEngine.load(LlamaSettings.cpu(model).withSlots(1, 256));
        String before = second.generate(GenerationRequest.of("Reload test", GREEDY.withMaxTokens(8))).text();
        second.close();
        second.close();
        assertThatThrownBy(() -> second.generate(GenerationRequest.of("x", GREEDY)))
                .isInstanceOf(EngineUnavailableException.class);
        try (LlamaCppEngine third = LlamaCppEngine.load(LlamaSettings.cpu(model).withSlots(1, 256))) {
            assertThat(third.generate(GenerationRequest.of("Reload test", GREEDY.withMaxTokens(8))).text())
                    .isEqualTo(before);
        }
    }
}

package io.sextant.appliance.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.grounding.Engines;
import io.sextant.guard.output.OutputGuard;
import io.sextant.inference.Cancellation;
import io.sextant.inference.ChatMessage;
import io.sextant.inference.Completion;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.GroundingContext;
import io.sextant.inference.OutputConstraint;
import io.sextant.inference.Passage;
import io.sextant.inference.TokenSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every workflow works with: the corpus (always read as the requesting analyst), the engines, the guard and the
 * clock; and the one way a model is asked for a structured verdict: JSON-schema constrained generation, parsed and
 * validated, or a notice saying why the heuristic result stands instead.
 */
final class Workbench {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Corpus corpus;
    final Engines engines;
    final OutputGuard guard;
    final Clock clock;

    Workbench(Corpus corpus, Engines engines, OutputGuard guard, Clock clock) {
        this.corpus = corpus;
        this.engines = engines;
        this.guard = guard;
        this.clock = clock;
    }

    /** @return whether a model (local or remote) judges, rather than the heuristics */
    boolean modelled() {
        return engines != null && !engines.extractive();
    }

    /** @return the judging engine's name */
    String engineName() {
        return modelled() ? engines.status().info().kind() + ":" + engines.status().info().model() : "extractive";
    }

    /**
     * Asks the model for JSON constrained to a schema, then validates it.
     *
     * @param task      the system instruction
     * @param prompt    the question
     * @param evidence  the passages, numbered 1.. in order
     * @param schema    the JSON schema
     * @param maxTokens the output budget
     * @param validate  returns an error message for a parsed value that does not validate, or null
     * @param what      names the item in a notice
     * @param notices   where a failure is explained
     * @return the validated value, or empty (with a notice) when the model's output did not parse or validate
     */
    Optional<JsonNode> structured(String task, String prompt, List<Evidence> evidence, String schema, int maxTokens,
            Function<JsonNode, String> validate, String what, Product notices) {
        List<Passage> numbered = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            numbered.add(new Passage(i + 1, evidence.get(i).sourceLabel(), evidence.get(i).text()));
        }
        GenerationSettings settings = GenerationSettings.DEFAULTS.withMaxTokens(maxTokens).withTemperature(0.1)
                .withConstraint(new OutputConstraint.JsonSchema(schema));
        String text;
        boolean cut;
        try {
            Completion c = engines.generator().generate(new GenerationRequest(List.of(ChatMessage.system(task),
                    ChatMessage.user(prompt)), new GroundingContext(numbered), settings), TokenSink.DISCARD,
                    Cancellation.create());
            text = c.text();
            cut = c.finishReason() == io.sextant.inference.FinishReason.LENGTH;
        } catch (RuntimeException e) {
            notices.notice(what + ": the model failed (" + e.getClass().getSimpleName()
                    + "); the heuristic result is shown");
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text.strip());
        } catch (Exception e) {
            notices.notice(what + ": the model's output is not valid JSON" + (cut ? " (cut off at the token limit)"
                    : "") + "; the heuristic result is shown");
            return Optional.empty();
        }
        String problem = node == null || !node.isObject() ? "not a JSON object" : validate.apply(node);
        if (problem != null) {
            notices.notice(what + ": the model's output did not validate (" + problem
                    + "); the heuristic result is shown");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    /**
     * @param node  a parsed object
     * @param field an array field of citation numbers
     * @param max   the highest valid number
     * @return an error, or null when every element is an integer in 1..max
     */
    static String citationsProblem(JsonNode node, String field, int max) {
        JsonNode a = node.get(field);
        if (a == null || !a.isArray()) {
            return "'" + field + "' is not an array";
        }
        for (JsonNode n : a) {
            if (!n.isInt() || n.asInt() < 1 || n.asInt() > max) {
                return "'" + field + "' cites " + n + ", not a passage 1.." + max;
            }
        }
        return null;
    }
}

package io.sextant.inference.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.inference.ChatMessage;
import io.sextant.inference.GenerationFailedException;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.InvalidRequestException;
import io.sextant.inference.OutputConstraint;
import io.sextant.inference.prompt.GroundingPrompt;
import java.io.IOException;
import java.util.Locale;

/** The OpenAI {@code /v1/chat/completions} wire format: the streaming request body and the SSE chunks. */
final class ChatCompletionsProtocol {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One streamed chunk.
     *
     * @param content the text delta ("" when none)
     * @param finishReason "stop", "length" or null
     * @param promptTokens usage reported by the server, or -1
     * @param completionTokens usage reported by the server, or -1
     */
    record Chunk(String content, String finishReason, int promptTokens, int completionTokens) {
    }

    private ChatCompletionsProtocol() {
    }

    /**
     * The JSON body of a streaming request.
     *
     * @param model the model name
     * @param request the request
     * @return the body
     */
    static String body(String model, GenerationRequest request) {
        GenerationSettings s = request.settings();
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : GroundingPrompt.messages(request)) {
            messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
        }
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        body.put("max_tokens", s.maxTokens());
        body.put("temperature", s.temperature());
        body.put("top_p", s.topP());
        body.put("seed", s.seed());
        if (!s.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            s.stop().stream().limit(4).forEach(stop::add);
        }
        switch (s.constraint()) {
            case OutputConstraint.None none -> { }
            case OutputConstraint.JsonSchema js -> {
                ObjectNode rf = body.putObject("response_format");
                rf.put("type", "json_schema");
                ObjectNode schema = rf.putObject("json_schema");
                schema.put("name", "sextant_output");
                schema.put("strict", true);
                schema.set("schema", parse(js.schemaJson()));
            }
            case OutputConstraint.Grammar g -> body.put("grammar", g.gbnf());
        }
        return body.toString();
    }

    /**
     * Parses one SSE {@code data:} payload.
     *
     * @param data the payload (not "[DONE]")
     * @return the chunk
     * @throws GenerationFailedException when the payload is not a chunk or reports an error
     */
    static Chunk chunk(String data) {
        JsonNode n;
        try {
            n = JSON.readTree(data);
        } catch (IOException e) {
            throw new GenerationFailedException("the server sent a malformed stream chunk: " + e.getMessage(), e);
        }
        if (n.has("error")) {
            throw new GenerationFailedException("the server reported an error mid-stream: "
                    + n.get("error").path("message").asText(n.get("error").toString()));
        }
        JsonNode choice = n.path("choices").path(0);
        String content = choice.path("delta").path("content").asText("");
        String finish = choice.path("finish_reason").isTextual() ? choice.get("finish_reason").asText() : null;
        JsonNode usage = n.path("usage");
        return new Chunk(content, finish, usage.path("prompt_tokens").asInt(-1),
                usage.path("completion_tokens").asInt(-1));
    }

    private static JsonNode parse(String schema) {
        try {
            return JSON.readTree(schema);
        } catch (IOException e) {
            throw new InvalidRequestException("the JSON schema does not parse: " + e.getMessage(), e);
        }
    }
}

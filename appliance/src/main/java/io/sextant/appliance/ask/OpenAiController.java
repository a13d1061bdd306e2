package io.sextant.appliance.ask;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.security.Principal;
import io.sextant.inference.Cancellation;
import io.sextant.inference.ChatMessage;
import io.sextant.inference.Completion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * An OpenAI-compatible chat API for other tools on the closed network: {@code POST /v1/chat/completions} and
 * {@code GET /v1/models}, behind the same authentication (bearer token or the UI session) and the same guard as the
 * Ask page. By default the answer is grounded on passages retrieved as the caller ({@code "sextant": {"rag": false}}
 * asks the model alone, still guarded). The whole answer is generated and guarded before anything is sent, so even
 * the streamed form ({@code "stream": true}) carries only the guarded, marked text: banner, portion-marked
 * paragraphs, authority block, banner. Every response carries its {@code sextant.marking} and citations.
 */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
final class OpenAiController {

    /** The model name clients see for the appliance's grounded answers. */
    static final String MODEL = "sextant";

    private final AskService service;
    private final AskStreams streams;
    private final Engines engines;
    private final Clock clock;

    OpenAiController(AskService service, AskStreams streams, Engines engines, Clock clock) {
        this.service = service;
        this.streams = streams;
        this.engines = engines;
        this.clock = clock;
    }

    /**
     * @param role    system, user or assistant
     * @param content the text
     */
    @Serdeable
    record Message(@Nullable String role, @Nullable String content) {
    }

    /** @param rag ground the answer on retrieved passages (default true) */
    @Serdeable
    record SextantOptions(@Nullable Boolean rag) {
    }

    /**
     * @param model    requested model (informational)
     * @param messages the conversation, last turn the user's
     * @param stream   stream chunks
     * @param sextant  appliance options
     */
    @Serdeable
    record ChatRequest(@Nullable String model, @Nullable List<Message> messages, @Nullable Boolean stream,
            @Nullable SextantOptions sextant) {
    }

    @Get("/models")
    Map<String, Object> models() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", MODEL);
        m.put("object", "model");
        m.put("created", 0);
        m.put("owned_by", "sextant");
        m.put("engine", engines.status().info().kind());
        return Map.of("object", "list", "data", List.of(m));
    }

    @Post("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> complete(HttpRequest<?> request, Principal principal, @Body ChatRequest body) {
        List<Message> msgs = body.messages() == null ? List.of() : body.messages();
        if (msgs.isEmpty()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "messages required");
        }
        Message last = msgs.get(msgs.size() - 1);
        if (!"user".equals(role(last)) || last.content() == null || last.content().isBlank()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "the last message must be the user's");
        }
        StringBuilder instructions = new StringBuilder();
        List<ChatMessage> history = new ArrayList<>();
        for (Message m : msgs.subList(0, msgs.size() - 1)) {
            String c = m.content() == null ? "" : m.content();
            switch (role(m)) {
                case "system", "developer" -> instructions.append(c).append('\n');
                case "user" -> history.add(ChatMessage.user(c));
                case "assistant" -> history.add(ChatMessage.assistant(c));
                default -> throw new HttpStatusException(HttpStatus.BAD_REQUEST, "unknown role");
            }
        }
        boolean rag = body.sextant() == null || body.sextant().rag() == null || body.sextant().rag();
        AskService.Prepared p;
        try {
            p = service.prepareOneOff(principal.analyst(), AskController.remote(request), last.content(), history,
                    instructions.toString().strip(), rag);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "bad question");
        }
        // Nothing is streamed before the guard's verdict: the provisional tokens are dropped.
        AskService.Result r = service.answer(p, new AskService.Listener() {
            @Override
            public void start(String conversationId, String provisional) {
            }

            @Override
            public void token(String piece) {
            }
        }, Cancellation.create());
        long created = clock.instant().getEpochSecond();
        String model = body.model() == null || body.model().isBlank() ? MODEL : body.model();
        if (Boolean.TRUE.equals(body.stream())) {
            return HttpResponse.ok(chunks(p.conversationId(), created, model, r))
                    .contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", r.rendered());
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", "stop");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.conversationId());
        out.put("object", "chat.completion");
        out.put("created", created);
        out.put("model", model);
        out.put("choices", List.of(choice));
        out.put("usage", usage(r.completion()));
        out.put("sextant", sextant(r));
        return HttpResponse.ok(out);
    }

    private Flux<Event<String>> chunks(String id, long created, String model, AskService.Result r) {
        List<Event<String>> events = new ArrayList<>();
        events.add(Event.of(streams.json(chunk(id, created, model, Map.of("role", "assistant"), null, null))));
        for (String piece : pieces(r.rendered())) {
            events.add(Event.of(streams.json(chunk(id, created, model, Map.of("content", piece), null, null))));
        }
        events.add(Event.of(streams.json(chunk(id, created, model, Map.of(), "stop", sextant(r)))));
        events.add(Event.of("[DONE]"));
        return Flux.fromIterable(events);
    }

    private static Map<String, Object> chunk(String id, long created, String model, Map<String, Object> delta,
            String finish, Map<String, Object> sextant) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finish);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("object", "chat.completion.chunk");
        out.put("created", created);
        out.put("model", model);
        out.put("choices", List.of(choice));
        if (sextant != null) {
            out.put("sextant", sextant);
        }
        return out;
    }

    /** Splits guarded text into word-sized pieces that concatenate back to it exactly. */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || (Character.isWhitespace(text.charAt(i - 1))
                    && !Character.isWhitespace(text.charAt(i)))) {
                out.add(text.substring(start, i));
                start = i;
            }
        }
        return out;
    }

    private static Map<String, Object> sextant(AskService.Result r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("marking", r.answer().marking());
        s.put("outcome", r.answer().outcome());
        s.put("citations", r.answer().citations());
        s.put("paragraphs", r.answer().paragraphs());
        s.put("notice", r.answer().notice());
        return s;
    }

    private static Map<String, Object> usage(Completion c) {
        int prompt = c == null ? 0 : c.promptTokens();
        int completion = c == null ? 0 : c.completionTokens();
        return Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens", prompt + completion);
    }

    private static String role(Message m) {
        return m.role() == null ? "" : m.role().strip().toLowerCase(Locale.ROOT);
    }
}

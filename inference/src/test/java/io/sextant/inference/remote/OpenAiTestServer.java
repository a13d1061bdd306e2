package io.sextant.inference.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.sextant.inference.Cancellation;
import io.sextant.inference.ChatMessage;
import io.sextant.inference.Completion;
import io.sextant.inference.EngineBusyException;
import io.sextant.inference.FinishReason;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.Generator;
import io.sextant.inference.GroundingContext;
import io.sextant.inference.InvalidRequestException;
import io.sextant.inference.OutputConstraint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A small real HTTP server that speaks the OpenAI {@code /v1/chat/completions} streaming protocol in front of any
 * {@link Generator} (in tests, the real llama.cpp engine on a tiny random model), so the remote engine is tested against
 * real sockets, real SSE framing and real generation rather than a mock.
 */
public final class OpenAiTestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "openai-test-server");
        t.setDaemon(true);
        return t;
    });
    private final Generator generator;
    private final String apiKey;
    private volatile Duration responseDelay = Duration.ZERO;
    private volatile Duration pieceDelay = Duration.ZERO;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus;
    /** Chat requests received, failed ones included. */
    public final AtomicInteger requests = new AtomicInteger();
    /** Streams the server saw the client abandon. */
    public final AtomicInteger disconnects = new AtomicInteger();

    /**
     * Starts a server.
     *
     * @param generator what generates the answers
     * @param port the port (0 for any free one)
     * @param apiKey the required bearer token, or "" for none
     * @param tls a TLS context for HTTPS, or null for plain HTTP
     * @throws IOException when the port cannot be bound
     */
    public OpenAiTestServer(Generator generator, int port, String apiKey, SSLContext tls) throws IOException {
        this.generator = generator;
        this.apiKey = apiKey;
        InetSocketAddress addr = new InetSocketAddress("127.0.0.1", port);
        if (tls == null) {
            server = HttpServer.create(addr, 64);
        } else {
            HttpsServer https = HttpsServer.create(addr, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/v1/chat/completions", this::chat);
        server.setExecutor(pool);
        server.start();
    }

    /**
     * The server's root URL.
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public URI baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Delays every response's headers (to test the first-token timeout).
     *
     * @param d the delay
     */
    public void delayResponses(Duration d) {
        responseDelay = d;
    }

    /**
     * Delays each streamed piece (to make streams long enough to abandon).
     *
     * @param d the delay
     */
    public void delayPieces(Duration d) {
        pieceDelay = d;
    }

    /**
     * Answers the next requests with an error status (to test retries).
     *
     * @param count how many requests fail
     * @param status the HTTP status they get
     */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    private void chat(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            sleep(responseDelay);
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(ex, failureStatus, "temporarily unavailable");
                return;
            }
            if (!apiKey.isEmpty() && !("Bearer " + apiKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                error(ex, 401, "invalid API key");
                return;
            }
            JsonNode body = JSON.readTree(ex.getRequestBody());
            GenerationRequest request;
            try {
                request = request(body);
            } catch (IllegalArgumentException | InvalidRequestException e) {
                error(ex, 400, e.getMessage());
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            Cancellation cancel = Cancellation.create();
            Completion c;
            try {
                c = generator.generate(request, piece -> {
                    sleep(pieceDelay);
                    send(out, chunk(piece, null));
                }, cancel);
            } catch (InvalidRequestException | EngineBusyException e) {
                send(out, JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", e.getMessage()))
                        .toString());
                return;
            } catch (RuntimeException e) {
                disconnects.incrementAndGet();
                return;
            }
            String finish = c.finishReason() == FinishReason.LENGTH ? "length" : "stop";
            ObjectNode last = (ObjectNode) JSON.readTree(chunk("", finish));
            last.putObject("usage").put("prompt_tokens", c.promptTokens())
                    .put("completion_tokens", c.completionTokens());
            send(out, last.toString());
            send(out, "[DONE]");
        }
    }

    private static GenerationRequest request(JsonNode body) {
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            messages.add(new ChatMessage(ChatMessage.Role.valueOf(m.path("role").asText().toUpperCase(Locale.ROOT)),
                    m.path("content").asText()));
        }
        List<String> stop = new ArrayList<>();
        body.path("stop").forEach(s -> stop.add(s.asText()));
        OutputConstraint constraint = OutputConstraint.NONE;
        if (body.path("response_format").path("type").asText().equals("json_schema")) {
            constraint = new OutputConstraint.JsonSchema(body.path("response_format").path("json_schema")
                    .path("schema").toString());
        } else if (body.has("grammar")) {
            constraint = new OutputConstraint.Grammar(body.get("grammar").asText());
        }
        GenerationSettings s = new GenerationSettings(body.path("max_tokens").asInt(256),
                body.path("temperature").asDouble(0.7), body.path("top_p").asDouble(1.0), body.path("seed").asLong(0),
                stop, constraint);
        return new GenerationRequest(messages, GroundingContext.NONE, s);
    }

    private static String chunk(String content, String finish) {
        ObjectNode n = JSON.createObjectNode();
        n.put("object", "chat.completion.chunk");
        ObjectNode choice = n.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("content", content);
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return n.toString();
    }

    private static void send(OutputStream out, String data) {
        try {
            out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        byte[] b = JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", message)).toString()
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

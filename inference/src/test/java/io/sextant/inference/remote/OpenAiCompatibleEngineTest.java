package io.sextant.inference.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.inference.Cancellation;
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
import io.sextant.inference.llamacpp.LlamaCppEngine;
import io.sextant.inference.llamacpp.LlamaSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The remote engine against a real OpenAI-protocol server backed by the real llama.cpp engine on a tiny model. */
@Timeout(120)
class OpenAiCompatibleEngineTest {

    @TempDir
    static Path dir;
    static LlamaCppEngine local;
    static OpenAiTestServer server;

    static final GenerationSettings GREEDY = GenerationSettings.DEFAULTS.withTemperature(0).withMaxTokens(32);

    @BeforeAll
    static void start() throws Exception {
        local = LlamaCppEngine.load(LlamaSettings.cpu(TinyLlama.writeTiny(dir)).withSlots(2, 2048));
        server = new OpenAiTestServer(local, 0, "", null);
    }

    @AfterAll
    static void stop() {
        server.close();
        local.close();
    }

    private static OpenAiCompatibleEngine remote(URI base) {
        return new OpenAiCompatibleEngine(RemoteSettings.of(base, "tiny").withRetries(0, Duration.ofMillis(50)));
    }

    @Test
    void streamsWhatTheServersModelGenerates() {
        GenerationRequest r = GenerationRequest.of("Remote hello", GREEDY)
                .withGrounding(GroundingContext.of("The depot is north of the river."));
        List<String> pieces = new ArrayList<>();
        try (OpenAiCompatibleEngine engine = remote(server.baseUrl())) {
            Completion c = engine.generate(r, pieces::add, Cancellation.create());
            assertThat(pieces).hasSizeGreaterThan(1);
            assertThat(String.join("", pieces)).isEqualTo(c.text());
            assertThat(c.text()).isEqualTo(local.generate(r).text());
            assertThat(c.promptTokens()).isEqualTo(local.countPromptTokens(r));
            assertThat(c.finishReason()).isIn(FinishReason.LENGTH, FinishReason.END_OF_TURN);
            assertThat(engine.info().kind()).isEqualTo("openai-compatible");
        }
    }

    @Test
    void endsAtAStopSequence() {
        GenerationRequest r = GenerationRequest.of("Tell me more.", GREEDY);
        String full = local.generate(r).text();
        String stop = full.substring(4, 6);
        try (OpenAiCompatibleEngine engine = remote(server.baseUrl())) {
            Completion c = engine.generate(r.withSettings(GREEDY.withStop(stop)));
            assertThat(c.text()).isEqualTo(full.substring(0, full.indexOf(stop)));
            // the OpenAI protocol reports a server-side stop sequence as "stop", like an end of turn
            assertThat(c.finishReason()).isIn(FinishReason.STOP_SEQUENCE, FinishReason.END_OF_TURN);
        }
    }

    @Test
    void passesAJsonSchemaAsResponseFormat() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"}},\"required\":[\"ok\"]}";
        try (OpenAiCompatibleEngine engine = remote(server.baseUrl())) {
            Completion c = engine.generate(GenerationRequest.of("JSON", GREEDY.withMaxTokens(50)
                    .withConstraint(new OutputConstraint.JsonSchema(schema))));
            assertThat(new ObjectMapper().readTree(c.text()).get("ok").isBoolean()).isTrue();
        }
    }

    @Test
    void cancellingClosesTheStreamAndTheServerStopsGenerating() throws Exception {
        server.delayPieces(Duration.ofMillis(20));
        try (OpenAiCompatibleEngine engine = remote(server.baseUrl())) {
            int before = server.disconnects.get();
            Cancellation cancel = Cancellation.create();
            List<String> pieces = new ArrayList<>();
            Completion c = engine.generate(GenerationRequest.of("long", GREEDY.withMaxTokens(200)), p -> {
                pieces.add(p);
                if (pieces.size() == 2) {
                    cancel.cancel();
                }
            }, cancel);
            assertThat(c.finishReason()).isEqualTo(FinishReason.CANCELLED);
            assertThat(pieces).hasSize(2);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (server.disconnects.get() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.disconnects.get()).isGreaterThan(before);
        } finally {
            server.delayPieces(Duration.ZERO);
        }
    }

    @Test
    void mapsServerErrorsToTheExceptionFamily() throws Exception {
        try (OpenAiCompatibleEngine engine = remote(server.baseUrl())) {
            GenerationRequest tooLong = GenerationRequest.of("word ".repeat(1200), GREEDY);
            assertThatThrownBy(() -> engine.generate(tooLong)).isInstanceOf(GenerationFailedException.class)
                    .hasMessageContaining("tokens");
        }
        try (OpenAiTestServer keyed = new OpenAiTestServer(local, 0, "right-key", null);
                OpenAiCompatibleEngine wrong = new OpenAiCompatibleEngine(
                        RemoteSettings.of(keyed.baseUrl(), "tiny").withApiKey("wrong-key"));
                OpenAiCompatibleEngine right = new OpenAiCompatibleEngine(
                        RemoteSettings.of(keyed.baseUrl(), "tiny").withApiKey("right-key"))) {
            assertThatThrownBy(() -> wrong.generate(GenerationRequest.of("x", GREEDY)))
                    .isInstanceOf(GenerationFailedException.class).hasMessageContaining("API key")
                    .hasMessageNotContaining("wrong-key");
            assertThat(right.generate(GenerationRequest.of("x", GREEDY.withMaxTokens(4))).text()).isNotNull();
        }
        try (OpenAiCompatibleEngine engine = remote(server.baseUrl())) {
            GenerationRequest badGrammar = GenerationRequest.of("x", GREEDY.withConstraint(
                    new OutputConstraint.JsonSchema("[1,2")));
            assertThatThrownBy(() -> engine.generate(badGrammar)).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void retriesARefusedConnectionWithBackoffUntilTheServerComesUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        try (OpenAiCompatibleEngine once = remote(base)) {
            assertThatThrownBy(() -> once.generate(GenerationRequest.of("x", GREEDY)))
                    .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("1 attempts");
        }
        AtomicReference<OpenAiTestServer> late = new AtomicReference<>();
        CompletableFuture<Void> starter = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(600);
                late.set(new OpenAiTestServer(local, port, "", null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (OpenAiCompatibleEngine patient = new OpenAiCompatibleEngine(
                RemoteSettings.of(base, "tiny").withRetries(6, Duration.ofMillis(100)))) {
            assertThat(patient.generate(GenerationRequest.of("x", GREEDY.withMaxTokens(4))).finishReason())
                    .isNotNull();
        } finally {
            starter.join();
            late.get().close();
        }
    }

    @Test
    void retriesAServerThatIsTemporarilyUnavailableButNotOneThatRefusesTheRequest() throws Exception {
        try (OpenAiTestServer flaky = new OpenAiTestServer(local, 0, "", null);
                OpenAiCompatibleEngine engine = new OpenAiCompatibleEngine(RemoteSettings.of(flaky.baseUrl(), "tiny")
                        .withRetries(3, Duration.ofMillis(50)))) {
            flaky.failNext(2, 503);
            assertThat(engine.generate(GenerationRequest.of("x", GREEDY.withMaxTokens(4))).finishReason())
                    .isNotNull();
            assertThat(flaky.requests.get()).isEqualTo(3);
            flaky.failNext(1, 429);
            assertThatThrownBy(() -> engine.generate(GenerationRequest.of("x", GREEDY)))
                    .isInstanceOf(io.sextant.inference.EngineBusyException.class);
            assertThat(flaky.requests.get()).isEqualTo(4);
            flaky.failNext(5, 503);
            assertThatThrownBy(() -> engine.generate(GenerationRequest.of("x", GREEDY)))
                    .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("503");
            assertThat(flaky.requests.get()).isEqualTo(8);
        }
    }

    @Test
    void timesOutWhenTheServerDoesNotStartAnswering() throws Exception {
        try (OpenAiTestServer slow = new OpenAiTestServer(local, 0, "", null);
                OpenAiCompatibleEngine engine = new OpenAiCompatibleEngine(RemoteSettings.of(slow.baseUrl(), "tiny")
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofSeconds(5)))) {
            slow.delayResponses(Duration.ofSeconds(3));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> engine.generate(GenerationRequest.of("x", GREEDY)))
                    .isInstanceOf(EngineUnavailableException.class).hasMessageContaining("did not start answering");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void failsWhenTheStreamGoesSilentMidAnswer() throws Exception {
        try (OpenAiTestServer stalling = new OpenAiTestServer(local, 0, "", null);
                OpenAiCompatibleEngine engine = new OpenAiCompatibleEngine(RemoteSettings.of(stalling.baseUrl(),
                        "tiny").withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(400)))) {
            stalling.delayPieces(Duration.ofMillis(1500));
            assertThatThrownBy(() -> engine.generate(GenerationRequest.of("x", GREEDY.withMaxTokens(4))))
                    .isInstanceOf(GenerationFailedException.class).hasMessageContaining("went silent");
        }
    }

    @Test
    void speaksTlsToAServerWhoseCertificateTheSiteCaSigned() throws Exception {
        TestTls tls = new TestTls();
        Path ca = tls.writeCaPem(dir.resolve("site-ca.pem"));
        try (OpenAiTestServer https = new OpenAiTestServer(local, 0, "", tls.serverContext);
                OpenAiCompatibleEngine trusting = new OpenAiCompatibleEngine(
                        RemoteSettings.of(https.baseUrl(), "tiny").withCaBundle(ca));
                OpenAiCompatibleEngine untrusting = remote(https.baseUrl())) {
            assertThat(https.baseUrl().getScheme()).isEqualTo("https");
            assertThat(trusting.generate(GenerationRequest.of("tls", GREEDY.withMaxTokens(4))).finishReason())
                    .isNotNull();
            assertThatThrownBy(() -> untrusting.generate(GenerationRequest.of("tls", GREEDY)))
                    .isInstanceOf(EngineUnavailableException.class);
        }
    }

    @Test
    void countsTokensConservativelyWhenTheServerHasNoTokenizer() {
        try (OpenAiCompatibleEngine engine = remote(server.baseUrl())) {
            // one token per three UTF-8 bytes: above what BPE vocabularies need (about four bytes per token)
            assertThat(engine.countTokens("hello world, how are you")).isEqualTo(8);
            assertThat(engine.countTokens("")).isZero();
        }
    }
}

package io.sextant.inference.remote;

import io.sextant.inference.Cancellation;
import io.sextant.inference.Completion;
import io.sextant.inference.EngineBusyException;
import io.sextant.inference.EngineInfo;
import io.sextant.inference.EngineUnavailableException;
import io.sextant.inference.FinishReason;
import io.sextant.inference.GenerationFailedException;
import io.sextant.inference.GenerationRequest;
import io.sextant.inference.Generator;
import io.sextant.inference.InferenceException;
import io.sextant.inference.InvalidRequestException;
import io.sextant.inference.TokenSink;
import io.sextant.inference.prompt.StopFilter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A remote OpenAI-compatible engine ({@code /v1/chat/completions} with server-sent events): how Sextant scales past one
 * machine onto a site's GPU cluster. Connection errors are retried with exponential backoff until the first byte of a
 * response; after that, a failure is reported rather than repeated, so no answer is ever streamed twice. Cancelling
 * closes the connection, which makes the server stop generating.
 */
public final class OpenAiCompatibleEngine implements Generator {

    private static final System.Logger LOG = System.getLogger(OpenAiCompatibleEngine.class.getName());

    private final RemoteSettings settings;
    private final HttpClient http;
    private final ScheduledExecutorService watchdog;
    private final Tokenizer tokenizer;

    /**
     * An engine for a server.
     *
     * @param settings where and how to connect
     */
    public OpenAiCompatibleEngine(RemoteSettings settings) {
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1);
        if (settings.caBundle() != null) {
            b.sslContext(PemTrust.sslContext(settings.caBundle()));
        }
        this.http = b.build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sextant-remote-engine-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.tokenizer = new Tokenizer(http, settings);
    }

    @Override
    public Completion generate(GenerationRequest request, TokenSink sink, Cancellation cancellation) {
        String body = ChatCompletionsProtocol.body(settings.model(), request);
        long start = System.nanoTime();
        HttpResponse<InputStream> response = connect(body, cancellation);
        if (response == null) {
            return new Completion("", 0, 0, FinishReason.CANCELLED, Duration.ZERO, since(start));
        }
        try (InputStream in = response.body()) {
            return stream(in, request, sink, cancellation, start);
        } catch (IOException e) {
            throw new GenerationFailedException("the stream from " + settings.baseUrl() + " broke: " + e.getMessage(),
                    e);
        }
    }

    private HttpResponse<InputStream> connect(String body, Cancellation cancellation) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint("/v1/chat/completions"))
                .timeout(settings.firstTokenTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!settings.apiKey().isEmpty()) {
            rb.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpRequest req = rb.build();
        Duration backoff = settings.initialBackoff();
        for (int attempt = 0; ; attempt++) {
            if (cancellation.isCancelled()) {
                return null;
            }
            try {
                HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() == 200) {
                    return r;
                }
                String detail = errorDetail(r);
                boolean retryable = r.statusCode() == 502 || r.statusCode() == 503 || r.statusCode() == 504;
                if (!retryable || attempt >= settings.maxRetries()) {
                    throw forStatus(r.statusCode(), detail);
                }
            } catch (HttpConnectTimeoutException | ConnectException e) {
                if (attempt >= settings.maxRetries()) {
                    throw new EngineUnavailableException("cannot connect to " + settings.baseUrl() + " after "
                            + (attempt + 1) + " attempts: " + e, e);
                }
            } catch (HttpTimeoutException e) {
                throw new EngineUnavailableException(settings.baseUrl() + " did not start answering within "
                        + settings.firstTokenTimeout().toSeconds() + " s", e);
            } catch (IOException e) {
                throw new EngineUnavailableException("cannot reach " + settings.baseUrl() + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            LOG.log(System.Logger.Level.WARNING, "{0} unreachable (attempt {1}); retrying in {2} ms",
                    settings.baseUrl(), attempt + 1, backoff.toMillis());
            sleep(backoff);
            backoff = backoff.multipliedBy(2);
        }
    }

    private Completion stream(InputStream in, GenerationRequest request, TokenSink sink, Cancellation cancellation,
            long start) throws IOException {
        AtomicLong lastChunk = new AtomicLong(System.nanoTime());
        AtomicBoolean idle = new AtomicBoolean();
        cancellation.onCancel(() -> closeQuietly(in));
        long idleNanos = settings.idleTimeout().toNanos();
        ScheduledFuture<?> guard = watchdog.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastChunk.get() > idleNanos) {
                idle.set(true);
                closeQuietly(in);
            }
        }, idleNanos / 4, idleNanos / 4, TimeUnit.NANOSECONDS);
        StopFilter stop = new StopFilter(request.settings().stop());
        StringBuilder text = new StringBuilder();
        long first = 0;
        int promptTokens = -1;
        int completionTokens = -1;
        int chunks = 0;
        FinishReason reason = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!cancellation.isCancelled() && (line = lines.readLine()) != null) {
                lastChunk.set(System.nanoTime());
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    break;
                }
                ChatCompletionsProtocol.Chunk c = ChatCompletionsProtocol.chunk(data);
                promptTokens = c.promptTokens() >= 0 ? c.promptTokens() : promptTokens;
                completionTokens = c.completionTokens() >= 0 ? c.completionTokens() : completionTokens;
                if (reason == null && !c.content().isEmpty()) {
                    chunks++;
                    String piece = stop.accept(c.content());
                    if (!piece.isEmpty()) {
                        first = first == 0 ? System.nanoTime() : first;
                        emit(sink, piece, in);
                        text.append(piece);
                    }
                    if (stop.matched()) {
                        reason = FinishReason.STOP_SEQUENCE;
                        break;
                    }
                }
                if (c.finishReason() != null && reason == null) {
                    reason = c.finishReason().equals("length") ? FinishReason.LENGTH : FinishReason.END_OF_TURN;
                }
            }
        } catch (IOException e) {
            if (idle.get()) {
                throw new GenerationFailedException(settings.baseUrl() + " went silent for more than "
                        + settings.idleTimeout().toSeconds() + " s mid-answer", e);
            }
            if (!cancellation.isCancelled()) {
                throw e;
            }
        } finally {
            guard.cancel(false);
        }
        if (cancellation.isCancelled() && reason != FinishReason.STOP_SEQUENCE) {
            reason = FinishReason.CANCELLED;
        } else if (reason != FinishReason.STOP_SEQUENCE) {
            String tail = stop.finish();
            if (!tail.isEmpty()) {
                emit(sink, tail, in);
                text.append(tail);
            }
            reason = reason == null ? FinishReason.END_OF_TURN : reason;
        }
        return new Completion(text.toString(), Math.max(0, promptTokens),
                completionTokens >= 0 ? completionTokens : chunks, reason,
                first == 0 ? Duration.ZERO : Duration.ofNanos(first - start), since(start));
    }

    private static void emit(TokenSink sink, String piece, InputStream in) {
        try {
            sink.accept(piece);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw new GenerationFailedException("the client stopped receiving (" + e + "); generation cancelled", e);
        }
    }

    private static InferenceException forStatus(int status, String detail) {
        return switch (status) {
            case 400, 404, 413, 422 -> new InvalidRequestException("the server refused the request (HTTP " + status
                    + "): " + detail);
            case 401, 403 -> new GenerationFailedException("the server rejected the API key (HTTP " + status + ")");
            case 429 -> new EngineBusyException("the server is busy (HTTP 429): " + detail);
            case 502, 503, 504 -> new EngineUnavailableException("the server is unavailable (HTTP " + status + "): "
                    + detail);
            default -> new GenerationFailedException("the server failed (HTTP " + status + "): " + detail);
        };
    }

    private static String errorDetail(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            String s = new String(in.readNBytes(2000), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "(no detail)" : s;
        } catch (IOException e) {
            return "(no detail)";
        }
    }

    @Override
    public int countTokens(String text) {
        return tokenizer.count(text);
    }

    @Override
    public int countPromptTokens(GenerationRequest request) {
        int n = 0;
        for (var m : io.sextant.inference.prompt.GroundingPrompt.messages(request)) {
            n += countTokens(m.content()) + 4;
        }
        return n + 3;
    }

    @Override
    public EngineInfo info() {
        return new EngineInfo("openai-compatible", settings.model(), settings.contextTokens(),
                "remote " + settings.baseUrl().getHost());
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close();
    }

    URI endpoint(String path) {
        String base = settings.baseUrl().toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a cancelled stream", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

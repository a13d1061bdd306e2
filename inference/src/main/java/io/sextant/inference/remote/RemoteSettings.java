package io.sextant.inference.remote;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible server (vLLM, TGI, llama.cpp's server) inside the closed network.
 *
 * @param baseUrl the server's root, e.g. {@code https://gpu-01.site:8000}; {@code /v1/chat/completions} is appended
 * @param model the model name the server expects
 * @param apiKey the bearer token, or "" for none; never logged
 * @param caBundle a PEM file of the site CA certificates to trust, or null for the JDK's trust store
 * @param connectTimeout how long a TCP/TLS connection may take
 * @param firstTokenTimeout how long the server may take to start answering (queueing plus prompt processing)
 * @param idleTimeout the longest silence allowed between two streamed chunks
 * @param maxRetries retries after connection errors, before any token has streamed
 * @param initialBackoff the first retry's delay; it doubles each time
 * @param contextTokens the context one request may use on the server (for budgeting), 0 when unknown
 */
public record RemoteSettings(URI baseUrl, String model, String apiKey, Path caBundle, Duration connectTimeout,
        Duration firstTokenTimeout, Duration idleTimeout, int maxRetries, Duration initialBackoff, int contextTokens) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public RemoteSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        String scheme = String.valueOf(baseUrl.getScheme());
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("baseUrl must be http or https, got " + baseUrl);
        }
        for (Duration d : new Duration[] {connectTimeout, firstTokenTimeout, idleTimeout, initialBackoff}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts and backoff must be positive, got " + d);
            }
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be in 0..10, got " + maxRetries);
        }
        if (contextTokens < 0) {
            throw new IllegalArgumentException("contextTokens must be >= 0, got " + contextTokens);
        }
        if (apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the API key contains spaces or control characters");
        }
    }

    /**
     * Defaults for a server: no key, JDK trust, 5 s connect, 120 s to first token, 60 s idle, 3 retries from 250 ms.
     *
     * @param baseUrl the server's root
     * @param model the model name
     * @return the settings
     */
    public static RemoteSettings of(URI baseUrl, String model) {
        return new RemoteSettings(baseUrl, model, "", null, Duration.ofSeconds(5), Duration.ofSeconds(120),
                Duration.ofSeconds(60), 3, Duration.ofMillis(250), 0);
    }

    /**
     * A copy with an API key.
     *
     * @param key the bearer token
     * @return the copy
     */
    public RemoteSettings withApiKey(String key) {
        return new RemoteSettings(baseUrl, model, key, caBundle, connectTimeout, firstTokenTimeout, idleTimeout,
                maxRetries, initialBackoff, contextTokens);
    }

    /**
     * A copy trusting a site CA bundle.
     *
     * @param pem the PEM file
     * @return the copy
     */
    public RemoteSettings withCaBundle(Path pem) {
        return new RemoteSettings(baseUrl, model, apiKey, pem, connectTimeout, firstTokenTimeout, idleTimeout,
                maxRetries, initialBackoff, contextTokens);
    }

    /**
     * A copy with other timeouts.
     *
     * @param connect connect timeout
     * @param firstToken first-token timeout
     * @param idle idle timeout
     * @return the copy
     */
    public RemoteSettings withTimeouts(Duration connect, Duration firstToken, Duration idle) {
        return new RemoteSettings(baseUrl, model, apiKey, caBundle, connect, firstToken, idle, maxRetries,
                initialBackoff, contextTokens);
    }

    /**
     * A copy with another retry policy.
     *
     * @param retries retries after connection errors
     * @param backoff the first delay
     * @return the copy
     */
    public RemoteSettings withRetries(int retries, Duration backoff) {
        return new RemoteSettings(baseUrl, model, apiKey, caBundle, connectTimeout, firstTokenTimeout, idleTimeout,
                retries, backoff, contextTokens);
    }

    @Override
    public String toString() {
        return "RemoteSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isEmpty() ? "none"
                : "(set)") + ", caBundle=" + caBundle + "]";
    }
}

package io.sextant.inference.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Counts tokens with the server's own tokenizer where it has one ({@code POST /tokenize}, served by llama.cpp's server
 * and vLLM); otherwise, and after the first failure, with a deliberately high estimate (one token per three UTF-8
 * bytes) so that prompt budgets err on the safe side.
 */
final class Tokenizer {

    private final HttpClient http;
    private final RemoteSettings settings;
    private volatile boolean unsupported;

    Tokenizer(HttpClient http, RemoteSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * Counts a text's tokens.
     *
     * @param text any text
     * @return the exact count from the server, or an upper-bound estimate
     */
    int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        if (!unsupported) {
            try {
                String base = settings.baseUrl().toString().replaceAll("/+$", "");
                String body = ChatCompletionsProtocol.JSON.createObjectNode().put("content", text).toString();
                HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + "/tokenize"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                if (!settings.apiKey().isEmpty()) {
                    rb.header("Authorization", "Bearer " + settings.apiKey());
                }
                HttpResponse<String> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode tokens = r.statusCode() == 200 ? ChatCompletionsProtocol.JSON.readTree(r.body())
                        .path("tokens") : null;
                if (tokens != null && tokens.isArray()) {
                    return tokens.size();
                }
                unsupported = true;
            } catch (IOException e) {
                unsupported = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return (text.getBytes(StandardCharsets.UTF_8).length + 2) / 3;
    }
}

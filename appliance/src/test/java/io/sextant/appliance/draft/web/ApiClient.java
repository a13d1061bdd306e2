package io.sextant.appliance.draft.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * JSON calls to the API as a signed-in browser session makes them: the session cookie of a {@link WebClient} and
 * the session's CSRF token in {@code X-CSRF-Token} on unsafe methods.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param status the status code
     * @param body   the body as text
     * @param bytes  the body as bytes
     * @param type   the content type
     * @param disposition the Content-Disposition header
     */
    record Reply(int status, String body, byte[] bytes, String type, String disposition) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final URI base;
    private final WebClient web;
    private final HttpClient http;
    private final String csrf;

    ApiClient(TestServer server, WebClient web) {
        this.base = server.url();
        this.web = web;
        this.http = HttpClient.newBuilder().sslContext(server.sslContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20)).build();
        this.csrf = web.csrfFrom("/drafts");
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(HttpRequest.Builder b) {
        b.header("Cookie", web.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
        try {
            HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8),
                    r.body(), r.headers().firstValue("content-type").orElse(""),
                    r.headers().firstValue("content-disposition").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

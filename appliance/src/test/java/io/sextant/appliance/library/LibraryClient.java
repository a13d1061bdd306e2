package io.sextant.appliance.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Library API calls for tests, made as the browser script makes them: session cookie plus X-CSRF-Token. */
final class LibraryClient {

    private static final Pattern META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    /**
     * @param status status code
     * @param json   the parsed body
     */
    record Json(int status, JsonNode json) {
    }

    /**
     * @param name  the file name sent (may be a relative path)
     * @param bytes its content
     */
    record Part(String name, byte[] bytes) {
    }

    private final TestServer server;
    private final WebClient web;
    private final HttpClient http;
    private final String csrf;

    LibraryClient(TestServer server, WebClient web) {
        this.server = server;
        this.web = web;
        this.http = HttpClient.newBuilder().sslContext(server.sslContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20)).build();
        Matcher m = META.matcher(web.get("/", "Accept", "text/html").body());
        if (!m.find()) {
            throw new IllegalStateException("no csrf-token meta tag");
        }
        this.csrf = m.group(1);
    }

    Json upload(Map<String, String> fields, List<Part> files) {
        String boundary = "----sextant" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Part p : files) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                        + p.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(p.bytes());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request("/api/documents").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Json get(String path) {
        return send(request(path).GET());
    }

    Json delete(String path) {
        return send(request(path).DELETE());
    }

    /** Polls a job until it is done or failed (60 s at most). */
    JsonNode awaitJob(String jobId) {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            Json j = get("/api/documents/jobs/" + jobId);
            String state = j.json().path("state").asText();
            if (state.equals("done") || state.equals("failed")) {
                return j.json();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not finish");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("X-CSRF-Token", csrf)
                .header("Cookie", web.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
    }

    private Json send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isBlank() ? null : new ObjectMapper().readTree(r.body());
            return new Json(r.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

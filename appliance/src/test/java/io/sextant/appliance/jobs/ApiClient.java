package io.sextant.appliance.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.ApiTokens;
import io.sextant.appliance.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A bearer-token JSON client for the jobs API tests. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http;

    private ApiClient(TestServer server, String token) {
        this.base = server.url();
        this.token = token;
        this.http = HttpClient.newBuilder().sslContext(server.sslContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** A client holding a fresh API token of an existing, signed-in-once account. */
    static ApiClient of(TestServer server, String user) {
        var account = server.bean(Accounts.class).byName(user).orElseThrow();
        return new ApiClient(server, server.bean(ApiTokens.class).issue(account, "test").token());
    }

    record Reply(int status, String body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(status + ": " + body, e);
            }
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Polls a job until every task has finished. */
    JsonNode awaitFinished(String id) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            JsonNode j = get("/api/jobs/" + id).json();
            if (j.get("finished").asInt() == j.get("total").asInt()) {
                return j;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("job " + id + " did not finish");
    }

    private Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.sextant.appliance.admin;

import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.ApiTokens;
import io.sextant.appliance.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON calls with an account's bearer token, for the admin tests. */
final class ApiCalls {

    private final URI base;
    private final HttpClient http;
    private final String token;

    private ApiCalls(URI base, HttpClient http, String token) {
        this.base = base;
        this.http = http;
        this.token = token;
    }

    /**
     * @param server the server
     * @param account an existing account
     * @return calls authenticated with a fresh token of that account
     */
    static ApiCalls as(TestServer server, String account) {
        var acc = server.bean(Accounts.class).byName(account).orElseThrow();
        String token = server.bean(ApiTokens.class).issue(acc, "test").token();
        HttpClient http = HttpClient.newBuilder().sslContext(server.sslContext())
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
        return new ApiCalls(server.url(), http, token);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

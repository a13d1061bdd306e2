package io.sextant.appliance.ask;

import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.ApiTokens;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A JSON client for the Ask and OpenAI APIs in tests: either with a bearer token, or with a browser session's cookies
 * and the page's CSRF token in {@code X-CSRF-Token}, as ask.js sends them.
 */
final class ApiClient {

    private static final Pattern META_CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;
    private final String[] auth;

    private ApiClient(TestServer server, String... auth) {
        this.base = server.url();
        this.http = HttpClient.newBuilder().sslContext(server.sslContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20)).build();
        this.auth = auth;
    }

    /**
     * @param server the server
     * @param user   an existing account
     * @return a client authenticating with a fresh API token of that account
     */
    static ApiClient bearer(TestServer server, String user) {
        var account = server.bean(Accounts.class).byName(user).orElseThrow();
        String token = server.bean(ApiTokens.class).issue(account, "test").token();
        return new ApiClient(server, "Authorization", "Bearer " + token);
    }

    /**
     * @param server the server
     * @param web    a signed-in browser-like client
     * @return a client sending its cookies and the page's CSRF token
     */
    static ApiClient session(TestServer server, WebClient web) {
        String page = web.get("/", "Accept", "text/html").body();
        Matcher m = META_CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no csrf meta tag");
        }
        String cookies = web.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        return new ApiClient(server, "Cookie", cookies, "X-CSRF-Token", m.group(1));
    }

    /**
     * @param server  the server
     * @param headers header names and values sent with every request
     * @return a client sending exactly those headers
     */
    static ApiClient withHeaders(TestServer server, String... headers) {
        return new ApiClient(server, headers);
    }

    /** A client without credentials. */
    static ApiClient anonymous(TestServer server) {
        return new ApiClient(server);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        for (int i = 0; i + 1 < auth.length; i += 2) {
            b.header(auth[i], auth[i + 1]);
        }
        try {
            return http.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One server-sent event.
     *
     * @param name its event name (empty for unnamed)
     * @param data its data lines joined
     */
    record Sse(String name, String data) {
    }

    /**
     * @param body an event stream body
     * @return its events in order
     */
    static List<Sse> events(String body) {
        List<Sse> out = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            String name = "";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                }
            }
            if (!name.isEmpty() || !data.isEmpty()) {
                out.add(new Sse(name, data.toString()));
            }
        }
        return out;
    }
}

package io.sextant.appliance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/** An HTTP client for tests that behaves like a browser with respect to the session cookie and CSRF tokens. */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    WebClient(URI base, SSLContext ssl) {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /**
     * @param status status code
     * @param headers response headers
     * @param body body text
     * @param setCookies raw Set-Cookie values
     */
    public record Response(int status, Map<String, List<String>> headers, String body, List<String> setCookies) {
        /**
         * @param name header name (case-insensitive)
         * @return its first value or null
         */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** @return the cookie jar (name to value) */
    public Map<String, String> cookies() {
        return cookies;
    }

    /**
     * @param path a path
     * @param headers extra headers, name then value
     * @return the response
     */
    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), headers);
    }

    /**
     * @param path a path
     * @param form form fields
     * @param headers extra headers
     * @return the response
     */
    public Response postForm(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /**
     * @param path a page with a form
     * @return the CSRF token in its first form
     */
    public String csrfFrom(String path) {
        Response r = get(path, "Accept", "text/html");
        Matcher m = CSRF.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path + " (" + r.status() + ")");
        }
        return m.group(1);
    }

    /**
     * Signs in through the form, acknowledging the notice.
     *
     * @param user name
     * @param password password
     * @return the response to the POST
     */
    public Response login(String user, String password) {
        String csrf = csrfFrom("/login");
        return postForm("/login", Map.of("_csrf", csrf, "username", user, "password", password, "acknowledge", "yes"));
    }

    private Response send(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> set = r.headers().allValues("set-cookie");
            for (String c : set) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Response(r.statusCode(), r.headers().map(), r.body(), set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

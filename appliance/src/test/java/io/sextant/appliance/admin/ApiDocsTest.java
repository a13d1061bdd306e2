package io.sextant.appliance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.web.router.Router;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ApiDocsTest {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

    @TempDir
    static Path tmp;

    private static TestServer server;
    private static WebClient analyst;

    @BeforeAll
    static void start() {
        server = TestServer.start(tmp.resolve("data"), false, null);
        analyst = server.signedInAs("ann", Role.ANALYST, "level=S;country=USA", "correct horse battery staple 2");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSignedInUserGetsAnOpenApi3Document() {
        WebClient.Response r = analyst.get("/api/openapi.yml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).startsWith("application/yaml");
        Map<String, Object> doc = new Yaml().load(r.body());
        assertThat(String.valueOf(doc.get("openapi"))).startsWith("3.");
        assertThat(paths(doc)).containsKeys("/api/search", "/api/ask", "/api/documents", "/api/conversations",
                "/api/admin/models", "/api/admin/status", "/api/admin/audit", "/v1/chat/completions");
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThat(server.client().get("/api/openapi.yml").status()).isEqualTo(401);
    }

    /** Fails listing every route under /api or /v1 that the document does not describe. */
    @Test
    void everyApiRouteInTheCodeIsDocumented() {
        Map<String, Object> paths = paths(new Yaml().load(analyst.get("/api/openapi.yml").body()));
        Set<String> routes = new TreeSet<>();
        server.bean(Router.class).uriRoutes().forEach(route -> {
            String method = route.getHttpMethodName().toUpperCase(Locale.ROOT);
            String path = normalise(route.getUriMatchTemplate().toString());
            if (METHODS.contains(method) && (path.startsWith("/api/") || path.startsWith("/v1/"))) {
                routes.add(method + " " + path);
            }
        });
        assertThat(routes).as("routes found in the server").contains("GET /api/health", "GET /api/admin/status");
        Set<String> missing = new TreeSet<>();
        for (String r : routes) {
            String method = r.substring(0, r.indexOf(' '));
            String path = r.substring(r.indexOf(' ') + 1);
            Object item = paths.get(path);
            if (!(item instanceof Map<?, ?> ops) || !ops.containsKey(method.toLowerCase(Locale.ROOT))) {
                missing.add(r);
            }
        }
        assertThat(missing)
                .withFailMessage(() -> "routes missing from appliance/src/main/resources/openapi/sextant.yml "
                        + "(add them there):\n  " + String.join("\n  ", missing))
                .isEmpty();
    }

    /** "/api/x/{id:[0-9]+}{?q,limit}" becomes "/api/x/{id}". */
    static String normalise(String template) {
        String p = template.replaceAll("\\{[?&#][^}]*}", "").replaceAll("\\{([A-Za-z0-9_]+)(:[^}]*)?}", "{$1}");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paths(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("paths");
    }
}

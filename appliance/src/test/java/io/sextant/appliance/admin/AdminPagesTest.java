package io.sextant.appliance.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.AuditRecord;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import io.sextant.inference.gguf.testing.TinyLlama;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static TestServer server;
    private static WebClient admin;
    private static WebClient analyst;

    @BeforeAll
    static void start() throws Exception {
        MarkedCorpus.ingest(tmp.resolve("data"), tmp.resolve("docs")).close();
        server = TestServer.start(tmp.resolve("data"), false, null);
        admin = server.signedInAs("boss", Role.ADMIN, "level=TS;country=USA", "correct horse battery staple 1");
        analyst = server.signedInAs("ann", Role.ANALYST, "level=S;country=USA", "correct horse battery staple 2");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAdminSeesTheModelsStatusAndAuditPages() {
        WebClient.Response models = admin.get("/admin/models", "Accept", "text/html");
        assertThat(models.status()).isEqualTo(200);
        assertThat(models.body()).contains("id=\"engine\"").contains("id=\"import-model\"")
                .contains("UNCLASSIFIED");
        WebClient.Response status = admin.get("/admin/status", "Accept", "text/html");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).contains("id=\"disk-free\"").contains("id=\"passages\"").contains("MiB");
        WebClient.Response audit = admin.get("/admin/audit", "Accept", "text/html");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("id=\"chain-status\"").contains("Hash chain intact").contains("LOGIN");
    }

    @Test
    void withoutClientAuthTheSignInPageOffersNoCertificateSignIn() {
        WebClient.Response login = server.client().get("/login", "Accept", "text/html");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"sign-in\"").doesNotContain("sign-in-certificate");
    }

    @Test
    void anAnalystIsRefusedEveryAdminPageAndEndpoint() {
        for (String page : List.of("/admin/models", "/admin/status", "/admin/audit")) {
            assertThat(analyst.get(page, "Accept", "text/html").status()).as(page).isEqualTo(403);
        }
        ApiCalls api = ApiCalls.as(server, "ann");
        for (String path : List.of("/api/admin/models", "/api/admin/status", "/api/admin/audit?limit=5")) {
            assertThat(api.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(api.postJson("/api/admin/models/default", "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void statusFiguresAreSane() throws Exception {
        HttpResponse<String> r = ApiCalls.as(server, "boss").get("/api/admin/status");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode s = JSON.readTree(r.body());
        assertThat(s.get("marking").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(s.get("diskFreeBytes").asLong()).isPositive()
                .isLessThanOrEqualTo(s.get("diskTotalBytes").asLong());
        assertThat(s.get("indexBytes").asLong()).isPositive();
        assertThat(s.get("documents").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(s.get("passages").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(s.get("uptimeSeconds").asLong()).isNotNegative();
        assertThat(s.get("heapUsedBytes").asLong()).isPositive().isLessThanOrEqualTo(s.get("heapMaxBytes").asLong());
        assertThat(s.get("gpuLayers").asInt()).isZero();
        assertThat(s.get("engine").asText()).isNotBlank();
    }

    @Test
    void theAuditApiPagesNewestFirstFiltersAndReportsTheChain() throws Exception {
        ApiCalls api = ApiCalls.as(server, "boss");
        JsonNode first = JSON.readTree(api.get("/api/admin/audit?limit=2").body());
        assertThat(first.get("chain").asText()).isEqualTo("ok");
        assertThat(first.get("rows")).hasSize(2);
        long a = first.get("rows").get(0).get("seq").asLong();
        long b = first.get("rows").get(1).get("seq").asLong();
        assertThat(a).isGreaterThan(b);
        long next = first.get("nextBefore").asLong();
        assertThat(next).isEqualTo(b);
        JsonNode older = JSON.readTree(api.get("/api/admin/audit?limit=2&before=" + next).body());
        assertThat(older.get("rows").get(0).get("seq").asLong()).isLessThan(b);
        JsonNode logins = JSON.readTree(api.get("/api/admin/audit?limit=50&type=login&user=ann").body());
        assertThat(logins.get("rows")).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("type").asText()).isEqualTo("LOGIN");
            assertThat(row.get("actor").asText()).isEqualTo("ann");
        });
        assertThat(api.get("/api/admin/audit?type=NOPE").statusCode()).isEqualTo(400);
    }

    @Test
    void importingAndChangingTheDefaultModelIsAuditedAndReloadsTheEngine() throws Exception {
        Path gguf = TinyLlama.writeTiny(java.nio.file.Files.createDirectories(tmp.resolve("incoming")));
        String csrf = admin.csrfFrom("/admin/models");
        WebClient.Response imported = admin.postForm("/admin/models/import",
                Map.of("_csrf", csrf, "path", gguf.toString(), "name", "tiny"), "Accept", "text/html");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("Imported tiny.").contains("id=\"model-tiny\"");
        assertThat(admin.postForm("/admin/models/import", Map.of("_csrf", csrf, "path", gguf.toString(), "name",
                "tiny2"), "Accept", "text/html").status()).isEqualTo(200);
        WebClient.Response bad = admin.postForm("/admin/models/import", Map.of("_csrf", csrf, "path",
                tmp.resolve("nothing.gguf").toString()), "Accept", "text/html");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"error\"");

        ApiCalls api = ApiCalls.as(server, "boss");
        HttpResponse<String> refused = api.postJson("/api/admin/models/default", "{\"name\":\"missing\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).isNotBlank();

        HttpResponse<String> changed = api.postJson("/api/admin/models/default", "{\"name\":\"tiny2\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(changed.body());
        assertThat(body.get("model").asText()).isEqualTo("tiny2");
        assertThat(body.get("engine").asText()).isEqualTo("llama.cpp");
        assertThat(body.get("marking").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(body.get("models")).anySatisfy(m -> {
            assertThat(m.get("name").asText()).isEqualTo("tiny2");
            assertThat(m.get("isDefault").asBoolean()).isTrue();
            assertThat(m.get("loaded").asBoolean()).isTrue();
        });

        List<AuditRecord> tail = server.bean(AuditLog.class).tail(50);
        assertThat(tail).anySatisfy(r -> {
            assertThat(r.event().type()).isEqualTo(AuditEventType.ADMIN_CHANGE);
            assertThat(r.event().actor()).isEqualTo("boss");
            assertThat(r.event().subject()).isEqualTo("model:tiny2");
            assertThat(r.event().detail()).startsWith("default tiny -> tiny2");
        });
        assertThat(tail).anySatisfy(r -> {
            assertThat(r.event().subject()).isEqualTo("model:missing");
            assertThat(r.event().outcome().name()).isEqualTo("FAILED");
        });
        assertThat(tail).anySatisfy(r -> assertThat(r.event().detail()).startsWith("import sha256=")
                .endsWith("now the default)"));
        assertThat(tail).anySatisfy(r -> assertThat(r.event().detail()).startsWith("import refused"));

        WebClient.Response page = admin.get("/admin/models", "Accept", "text/html");
        assertThat(page.body()).contains("id=\"model-loaded\">tiny2<");
    }
}

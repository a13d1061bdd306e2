package io.sextant.appliance.entities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntitiesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BRIGADE = "11th Guards Brigade";

    TestServer server;
    WebClient us;
    WebClient gbr;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        assertThat(MarkedCorpus.HIDDEN_FACT).contains(BRIGADE);
        server = TestServer.start(dir.resolve("data"), true, null);
        server.bean(Corpus.class).ingest(List.of(MarkedCorpus.write(dir.resolve("docs"))), new IngestRequest("ops",
                MarkingParser.defaultParser().parsePortion("(U)").marking(), null), ProgressListener.NONE);
        us = server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", "alice password 123");
        gbr = server.signedInAs("bob", Role.ANALYST, "level=S;country=GBR", "bob password 1234");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode json(WebClient.Response r) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode find(JsonNode entities, String name) {
        for (JsonNode e : entities) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<String> names(JsonNode entities) {
        List<String> out = new ArrayList<>();
        entities.forEach(e -> out.add(e.get("name").asText()));
        return out;
    }

    @Test
    void us_secret_sees_the_noforn_entity_with_its_passages_relations_and_banner() throws Exception {
        JsonNode list = json(us.get("/api/entities"));
        assertThat(list.get("marking").asText()).isEqualTo("SECRET//NOFORN");
        JsonNode brigade = find(list.get("entities"), BRIGADE);
        assertThat(brigade).isNotNull();
        assertThat(brigade.get("type").asText()).isEqualTo("organization");
        assertThat(brigade.get("mentions").asInt()).isEqualTo(1);
        assertThat(find(list.get("entities"), "Route 7").get("mentions").asInt()).isEqualTo(2);

        JsonNode detail = json(us.get("/api/entities/" + brigade.get("id").asLong()));
        assertThat(detail.get("marking").asText()).isEqualTo("SECRET//NOFORN");
        assertThat(detail.get("entity").get("name").asText()).isEqualTo(BRIGADE);
        JsonNode mention = detail.get("mentions").get(0);
        String pid = mention.get("passageId").asText();
        assertThat(mention.get("link").asText()).isEqualTo("/documents/" + mention.get("documentId").asText()
                + "?passage=" + pid + "#passage-" + pid);
        assertThat(mention.get("marking").asText()).isEqualTo("(S//NF)");
        assertThat(names(detail.get("related"))).contains("Route 7", "truck");
        assertThat(detail.get("related").get(0).get("passages").get(0).asText()).isEqualTo(pid);
        assertThat(server.bean(Corpus.class).passage(MarkedCorpus.US_SECRET, pid)).isPresent();

        JsonNode graph = json(us.get("/api/entities/graph?limit=50"));
        assertThat(graph.get("marking").asText()).isEqualTo("SECRET//NOFORN");
        assertThat(names(graph.get("nodes"))).contains(BRIGADE);
        long id = brigade.get("id").asLong();
        boolean edge = false;
        for (JsonNode e : graph.get("edges")) {
            if (e.get("source").asLong() == id || e.get("target").asLong() == id) {
                edge = true;
                assertThat(e.get("passages").get(0).asText()).isEqualTo(pid);
            }
        }
        assertThat(edge).isTrue();

        JsonNode orgs = json(us.get("/api/entities?type=organization&q=guards&limit=5"));
        assertThat(names(orgs.get("entities"))).containsExactly(BRIGADE);
    }

    @Test
    void gbr_secret_gets_nothing_from_the_noforn_portion_not_even_a_count() throws Exception {
        long id = find(json(us.get("/api/entities")).get("entities"), BRIGADE).get("id").asLong();

        WebClient.Response listed = gbr.get("/api/entities?limit=500");
        JsonNode list = json(listed);
        assertThat(list.get("marking").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(names(list.get("entities"))).doesNotContain(BRIGADE, "truck", "fuel truck");
        assertThat(find(list.get("entities"), "Route 7").get("mentions").asInt()).isEqualTo(1);
        assertThat(listed.body()).doesNotContain("Guards").doesNotContain("S//NF").doesNotContain("NOFORN");

        WebClient.Response graph = gbr.get("/api/entities/graph?limit=500");
        JsonNode g = json(graph);
        assertThat(g.get("marking").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(names(g.get("nodes"))).doesNotContain(BRIGADE);
        for (JsonNode e : g.get("edges")) {
            assertThat(e.get("source").asLong()).isNotEqualTo(id);
            assertThat(e.get("target").asLong()).isNotEqualTo(id);
            for (JsonNode c : e.get("citations")) {
                assertThat(server.bean(Corpus.class).passage(MarkedCorpus.GBR_SECRET, c.get("passageId").asText()))
                        .isPresent();
            }
        }
        assertThat(graph.body()).doesNotContain("Guards").doesNotContain("NOFORN");

        WebClient.Response hidden = gbr.get("/api/entities/" + id);
        WebClient.Response missing = gbr.get("/api/entities/987654321");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.body()).isEqualTo(missing.body());
        assertThat(hidden.header("content-type")).isEqualTo(missing.header("content-type"));

        JsonNode route = json(gbr.get("/api/entities/" + find(list.get("entities"), "Route 7").get("id").asLong()));
        assertThat(route.get("marking").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(route.get("mentions")).hasSize(1);
        assertThat(names(route.get("related"))).doesNotContain(BRIGADE, "truck");
        assertThat(route.toString()).doesNotContain("Guards").doesNotContain("S//NF");
    }

    @Test
    void the_page_banner_rolls_up_what_it_shows() {
        WebClient.Response usPage = us.get("/entities", "Accept", "text/html");
        assertThat(usPage.status()).isEqualTo(200);
        assertThat(usPage.body()).contains("id=\"banner-top\"").contains("SECRET//NOFORN").contains(BRIGADE)
                .contains("/static/entities-graph.js").doesNotContain("<script>").doesNotContain("style=");
        WebClient.Response gbrPage = gbr.get("/entities?type=place", "Accept", "text/html");
        assertThat(gbrPage.status()).isEqualTo(200);
        assertThat(gbrPage.body()).contains(">UNCLASSIFIED<").contains("Route 7").doesNotContain("Guards")
                .doesNotContain("NOFORN");
        assertThat(us.get("/static/entities-graph.js").status()).isEqualTo(200);
    }

    @Test
    void requests_are_authenticated_validated_and_audited() {
        assertThat(server.client().get("/api/entities").status()).isEqualTo(401);
        assertThat(server.client().get("/api/entities/graph").status()).isEqualTo(401);
        assertThat(us.get("/api/entities?type=weapons").status()).isEqualTo(400);
        assertThat(us.get("/api/entities/graph").status()).isEqualTo(200);
        assertThat(server.bean(AuditLog.class).tail(20)).anySatisfy(r -> {
            assertThat(r.event().type()).isEqualTo(AuditEventType.ENTITIES);
            assertThat(r.event().actor()).isEqualTo("alice");
        });
    }
}

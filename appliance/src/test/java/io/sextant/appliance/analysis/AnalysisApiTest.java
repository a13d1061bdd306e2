package io.sextant.appliance.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.ConsoleRun;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API and the CLI of the analysis workflows against a real server and data directory. */
class AnalysisApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** POSTs JSON with the session cookie and the page's CSRF token. */
    static HttpResponse<String> postJson(TestServer server, WebClient c, String path, String body) throws Exception {
        String csrf = "";
        if (c != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                    .matcher(c.get("/", "Accept", "text/html").body());
            csrf = m.find() ? m.group(1) : "";
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (c != null) {
            b.header("X-CSRF-Token", csrf).header("Cookie", c.cookies().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_api_answers_marked_cited_json_as_each_analyst_may_see_it() throws Exception {
        try (TestServer server = TestServer.start(tmp.resolve("data"), true, null)) {
            server.bean(Corpus.class).ingest(List.of(MarkedCorpus.write(tmp.resolve("docs"))), new IngestRequest("ops",
                    MarkingParser.defaultParser().parsePortion("(U)").marking(), null), ProgressListener.NONE);
            WebClient alice = server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", "correct horse 1A!");
            WebClient bob = server.signedInAs("bob", Role.ANALYST, "level=S;country=GBR", "correct horse 2B!");
            String report = JSON.writeValueAsString(java.util.Map.of("text", EvaluateReportTest.REPORT));

            HttpResponse<String> r = postJson(server, alice, "/api/analysis/evaluate", report);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode us = JSON.readTree(r.body());
            assertThat(us.get("marking").asText()).isEqualTo("SECRET//NOFORN");
            assertThat(us.get("authority").get("classifiedBy").asText()).isEqualTo("alice");
            assertThat(us.get("authority").get("lines").toString()).contains("Classified By: alice");
            assertThat(us.get("paragraphs").get(0).get("portionMark").asText()).isEqualTo("(S//NF)");
            assertThat(us.get("citations").get(0).get("link").asText()).matches("/documents/.+\\?passage=.+#passage-.+");

            r = postJson(server, bob, "/api/analysis/evaluate", report);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("NOFORN").doesNotContain("Fuel trucks");
            assertThat(JSON.readTree(r.body()).get("marking").asText()).isEqualTo("UNCLASSIFIED");

            r = postJson(server, alice, "/api/analysis/ach", JSON.writeValueAsString(java.util.Map.of("hypotheses",
                    AchTest.HYPOTHESES)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            String id = JSON.readTree(r.body()).get("id").asText();
            r = postJson(server, alice, "/api/analysis/ach/" + id + "/cells",
                    "{\"hypothesis\":2,\"evidence\":1,\"rating\":\"inconsistent\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"edited\":true");
            r = postJson(server, bob, "/api/analysis/ach/" + id + "/cells",
                    "{\"hypothesis\":2,\"evidence\":1,\"rating\":\"inconsistent\"}");
            assertThat(r.statusCode()).isEqualTo(404);

            r = postJson(server, bob, "/api/analysis/redcell", JSON.writeValueAsString(java.util.Map.of("text",
                    RedCellComparePirTest.PLAN)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("NOFORN").contains("\"section\":\"ways it may fail\"");
            r = postJson(server, alice, "/api/analysis/pir", "{\"topic\":\"convoy movements on Route 7\","
                    + "\"requirements\":[\"Did the frigate leave the harbor at dawn?\"],\"ltiovHours\":24}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("summary").get("answered").asInt()).isEqualTo(1);
            List<String> ids = server.bean(Corpus.class).documents(MarkedCorpus.US_SECRET).stream()
                    .map(d -> String.valueOf(d.id())).toList();
            String pair = JSON.writeValueAsString(java.util.Map.of("documentA", ids.get(0), "documentB", ids.get(1)));
            r = postJson(server, alice, "/api/analysis/compare", pair);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("citations").size()).isPositive();
            r = postJson(server, bob, "/api/analysis/compare", pair);
            assertThat(r.statusCode()).as("the NOFORN document is as unknown to bob").isEqualTo(404);
            assertThat(bob.get("/api/analysis/ach/" + id, "Accept", "application/json").status()).isEqualTo(404);
            assertThat(alice.get("/api/analysis/ach/" + id, "Accept", "application/json").body())
                    .contains("\"marking\"");

            r = postJson(server, alice, "/api/analysis/nonsense", "{}");
            assertThat(r.statusCode()).isEqualTo(404);
            r = postJson(server, alice, "/api/analysis/evaluate", "{\"documentId\":\"999999\"}");
            assertThat(r.statusCode()).isEqualTo(404);
            r = postJson(server, alice, "/api/analysis/ach", "not json");
            assertThat(r.statusCode()).isEqualTo(400);
            r = postJson(server, null, "/api/analysis/evaluate", report);
            assertThat(r.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void the_cli_prints_the_marked_report_as_the_named_user() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(ConsoleRun.run(data, "ingest", "--marking", "(U)", MarkedCorpus.write(tmp.resolve("docs"))
                .toString()).status()).isZero();
        assertThat(ConsoleRun.run(data, "users", "add", "bob", "--role", "analyst", "--clearance",
                "level=S;country=GBR").status()).isZero();
        ConsoleRun r = ConsoleRun.run(data, "analyze", "evaluate", "--user", "bob", "--text",
                EvaluateReportTest.REPORT);
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines.getFirst()).isEqualTo("UNCLASSIFIED");
        assertThat(lines.getLast()).isEqualTo("UNCLASSIFIED");
        assertThat(r.out()).contains("(U) Claim 2").doesNotContain("NOFORN");
        r = ConsoleRun.run(data, "analyze", "ach", "--user", "bob", "--json", "--hypothesis", "The convoy is an "
                + "exercise near the harbor.", "--hypothesis", "The frigate did not leave the harbor.");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).get("marking").asText()).isEqualTo("UNCLASSIFIED");
        r = ConsoleRun.run(data, "analyze", "redcell", "--user", "bob", "--text", RedCellComparePirTest.PLAN);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("UNCLASSIFIED").contains("## ways it may fail").doesNotContain("NOFORN");
        r = ConsoleRun.run(data, "analyze", "pir", "--user", "bob", "--topic", "harbor", "--requirement",
                "Did the frigate leave the harbor at dawn?");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("answered");
        r = ConsoleRun.run(data, "analyze", "compare", "1", "2", "--user", "bob");
        assertThat(r.status()).as("one of the two is the NOFORN document: " + r.out()).isEqualTo(1);
        assertThat(r.err()).contains("no such document");
        assertThat(ConsoleRun.run(data, "analyze", "evaluate", "--user", "nobody", "--text", "x").status())
                .isEqualTo(2);
        assertThat(ConsoleRun.run(data, "audit", "tail", "-n", "3").out()).contains("ANALYSIS");
    }
}

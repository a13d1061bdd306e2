package io.sextant.appliance.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/documents} against a real appliance: upload, progress, the list per clearance, delete, quarantine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryApiTest {

    static final String PASSWORD = "correct horse battery";
    static final String NF_ONLY = "(S//NF) The relay station at grid 4471 is staffed by two signals platoons.";

    @TempDir
    static Path dir;

    TestServer server;
    LibraryClient usa;
    WebClient usaWeb;
    LibraryClient gbr;
    JsonNode uploaded;
    String firstJob;

    @BeforeAll
    void start() {
        server = TestServer.start(dir.resolve("data"), true, null);
        usaWeb = server.signedInAs("usa", Role.ANALYST, "level=S;country=USA", PASSWORD);
        usa = new LibraryClient(server, usaWeb);
        gbr = new LibraryClient(server, server.signedInAs("gbr", Role.ANALYST, "level=S;country=GBR", PASSWORD));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static List<LibraryClient.Part> markedCorpus(Path docs) throws IOException {
        MarkedCorpus.write(docs);
        List<LibraryClient.Part> parts = new ArrayList<>();
        for (String name : List.of("convoy-report.txt", "harbor-report.txt")) {
            parts.add(new LibraryClient.Part("reports/" + name, Files.readAllBytes(docs.resolve(name))));
        }
        parts.add(new LibraryClient.Part("reports/relay.txt", ("SECRET//NOFORN\n\n" + NF_ONLY + "\n\nSECRET//NOFORN\n")
                .getBytes(StandardCharsets.UTF_8)));
        return parts;
    }

    @Test
    @Order(1)
    void uploadedFilesAreIngestedAndListedWithTheirMarkings() throws IOException {
        LibraryClient.Json r = usa.upload(Map.of("marking", "(U)", "collection", "ops"),
                markedCorpus(dir.resolve("docs")));
        assertThat(r.status()).as(String.valueOf(r.json())).isEqualTo(202);
        assertThat(r.json().path("files").asInt()).isEqualTo(3);
        String jobId = r.json().path("jobId").asText();
        firstJob = jobId;

        JsonNode job = usa.awaitJob(jobId);
        assertThat(job.path("state").asText()).isEqualTo("done");
        assertThat(job.path("filesTotal").asInt()).isEqualTo(3);
        assertThat(job.path("filesDone").asInt()).isEqualTo(3);
        assertThat(job.path("documents")).hasSize(3);
        assertThat(job.path("quarantined")).isEmpty();
        assertThat(job.path("marking").asText()).isEqualTo("SECRET//NOFORN");

        JsonNode list = usa.get("/api/documents").json();
        uploaded = list;
        assertThat(list.path("marking").asText()).isEqualTo("SECRET//NOFORN");
        Map<String, String> marks = marksBySource(list);
        assertThat(marks).containsEntry("reports/convoy-report.txt", "SECRET//NOFORN")
                .containsEntry("reports/harbor-report.txt", "UNCLASSIFIED")
                .containsEntry("reports/relay.txt", "SECRET//NOFORN");
        for (JsonNode d : list.path("documents")) {
            assertThat(d.path("collection").asText()).isEqualTo("ops");
            assertThat(d.path("status").asText()).isEqualTo("ingested");
            assertThat(d.path("deletable").asBoolean()).isTrue();
        }
    }

    @Test
    @Order(2)
    void aForeignUserSeesNeitherTheHiddenDocumentNorTheJob() {
        LibraryClient.Json r = gbr.get("/api/documents");
        assertThat(r.status()).isEqualTo(200);
        String body = r.json().toString();
        assertThat(body).doesNotContain("relay").doesNotContain("NOFORN").doesNotContain("4471")
                .doesNotContain(MarkedCorpus.HIDDEN_FACT);
        assertThat(marksBySource(r.json())).containsEntry("reports/harbor-report.txt", "UNCLASSIFIED");
        long relay = idOf(uploaded, "reports/relay.txt");
        assertThat(r.json().path("documents").findValues("id")).extracting(JsonNode::asLong).doesNotContain(relay);
        for (JsonNode d : r.json().path("documents")) {
            assertThat(d.path("deletable").asBoolean()).isFalse();
        }
        LibraryClient.Json job = gbr.get("/api/documents/jobs/" + firstJob);
        LibraryClient.Json none = gbr.get("/api/documents/jobs/0123456789abcdef01234567");
        assertThat(job.status()).isEqualTo(404);
        assertThat(job.json()).isEqualTo(none.json());
    }

    @Test
    @Order(3)
    void aMalformedMarkingIsRefusedWithPositionAndReason() {
        LibraryClient.Json r = usa.upload(Map.of("marking", "SECRET//NOFRON", "collection", "ops"),
                List.of(new LibraryClient.Part("a.txt", "plain text".getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("reason").asText()).startsWith("invalid marking: ");
        assertThat(r.json().path("position").asInt()).isEqualTo(8);
        LibraryClient.Json missing = usa.upload(Map.of("collection", "ops"),
                List.of(new LibraryClient.Part("a.txt", "plain text".getBytes(StandardCharsets.UTF_8))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("reason").asText()).contains("declared marking is required");
        assertThat(Files.exists(server.dataDir().root().resolve("uploads"))).isTrue();
        assertThat(usa.get("/api/documents").json().path("documents")).hasSize(3);
        assertThat(server.dataDir().root().resolve("uploads").toFile().list()).hasSize(1);
    }

    @Test
    @Order(4)
    void onlyTheUploaderOrAnAdminMayDeleteAndOthersSeeNothing() {
        long harbor = idOf(uploaded, "reports/harbor-report.txt");
        LibraryClient.Json byOther = gbr.delete("/api/documents/" + harbor);
        LibraryClient.Json unknown = gbr.delete("/api/documents/987654");
        assertThat(byOther.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(byOther.json()).isEqualTo(unknown.json());

        Corpus corpus = server.bean(Corpus.class);
        assertThat(corpus.documentPassages(MarkedCorpus.US_SECRET, Long.toString(harbor))).isNotEmpty();
        LibraryClient.Json byOwner = usa.delete("/api/documents/" + harbor);
        assertThat(byOwner.status()).isEqualTo(200);
        assertThat(corpus.documentPassages(MarkedCorpus.US_SECRET, Long.toString(harbor))).isEmpty();
        assertThat(corpus.evidence(MarkedCorpus.US_SECRET, "frigate harbor dawn", Scope.ALL, 10))
                .extracting(Evidence::documentId).doesNotContain(Long.toString(harbor));
        assertThat(marksBySource(usa.get("/api/documents").json())).doesNotContainKey("reports/harbor-report.txt");
        assertThat(usa.delete("/api/documents/" + harbor).status()).isEqualTo(404);

        long relay = idOf(uploaded, "reports/relay.txt");
        LibraryClient gbrAdmin = new LibraryClient(server,
                server.signedInAs("gbradmin", Role.ADMIN, "level=S;country=GBR", PASSWORD));
        assertThat(gbrAdmin.delete("/api/documents/" + relay).status()).as("an admin who cannot see it").isEqualTo(404);
        LibraryClient admin = new LibraryClient(server,
                server.signedInAs("usadmin", Role.ADMIN, "level=S;country=USA", PASSWORD));
        assertThat(admin.delete("/api/documents/" + relay).status()).isEqualTo(200);
        assertThat(marksBySource(usa.get("/api/documents").json())).doesNotContainKey("reports/relay.txt");
    }

    @Test
    @Order(5)
    void aCorruptFileIsQuarantinedWithItsReasonAndTheServerKeepsServing() {
        byte[] broken = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        LibraryClient.Json r = usa.upload(Map.of("marking", "UNCLASSIFIED", "collection", "bad"),
                List.of(new LibraryClient.Part("broken.docx", broken),
                        new LibraryClient.Part("fine.txt", "(U) A fine plain note about the harbor pilots."
                                .getBytes(StandardCharsets.UTF_8))));
        assertThat(r.status()).isEqualTo(202);
        JsonNode job = usa.awaitJob(r.json().path("jobId").asText());
        assertThat(job.path("state").asText()).isEqualTo("done");
        assertThat(job.path("quarantined")).hasSize(1);
        assertThat(job.path("quarantined").get(0).path("file").asText()).isEqualTo("broken.docx");
        assertThat(job.path("quarantined").get(0).path("reason").asText()).isEqualTo("corrupt");
        assertThat(job.path("documents")).hasSize(1);

        JsonNode list = usa.get("/api/documents").json();
        assertThat(list.path("quarantined").findValues("file")).extracting(JsonNode::asText).contains("broken.docx");
        assertThat(list.path("quarantined").findValues("reason")).extracting(JsonNode::asText).contains("corrupt");
        assertThat(gbr.get("/api/documents").json().path("quarantined")).isEmpty();
        assertThat(server.client().get("/api/health").status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void theLibraryPageShowsTheRowsWithMarksAndTheRolledUpBanner() {
        WebClient web = server.signedInAs("usa2", Role.ANALYST, "level=S;country=USA", PASSWORD);
        String html = web.get("/library", "Accept", "text/html").body();
        long convoy = idOf(uploaded, "reports/convoy-report.txt");
        assertThat(html).contains("id=\"document-" + convoy + "\"").contains("class=\"doc-mark\">SECRET//NOFORN<")
                .contains("id=\"banner-top\"").contains("banner-s").contains("id=\"upload-files\"")
                .contains("/static/library.js");
        assertThat(html).doesNotContain("doc-delete").doesNotContain("broken.docx");

        String own = usaWeb.get("/library", "Accept", "text/html").body();
        assertThat(own).contains("doc-delete").contains("broken.docx")
                .contains("class=\"quarantine-reason\">corrupt<");
    }

    static Map<String, String> marksBySource(JsonNode list) {
        Map<String, String> out = new java.util.HashMap<>();
        for (JsonNode d : list.path("documents")) {
            out.put(d.path("source").asText(), d.path("marking").asText());
        }
        return out;
    }

    static long idOf(JsonNode list, String source) {
        for (JsonNode d : list.path("documents")) {
            if (d.path("source").asText().equals(source)) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError("no document " + source + " in " + list);
    }
}

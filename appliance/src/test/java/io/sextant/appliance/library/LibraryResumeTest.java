package io.sextant.appliance.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.platform.Database;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads the server had recorded but not finished when it stopped are ingested at the next start, without storing
 * anything twice; staging folders it never recorded are dropped.
 */
class LibraryResumeTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    @Test
    void unfinishedUploadsAreIngestedAtTheNextStartWithoutDuplicates() throws Exception {
        Path data = dir.resolve("data");
        String first;
        try (TestServer server = TestServer.start(data, true, null)) {
            WebClient web = server.signedInAs("usa", Role.ANALYST, "level=S;country=USA", PASSWORD);
            LibraryClient usa = new LibraryClient(server, web);
            LibraryClient.Json r = usa.upload(Map.of("marking", "(U)", "collection", "ops"),
                    LibraryApiTest.markedCorpus(dir.resolve("docs")).subList(0, 2));
            first = r.json().path("jobId").asText();
            assertThat(usa.awaitJob(first).path("state").asText()).isEqualTo("done");
        }

        // What a kill leaves behind: the first upload's ingest committed but not recorded by the library, a second
        // upload recorded with its files staged but not yet ingested, and a third still being transferred.
        String second = "0123456789abcdef01234567";
        Path uploads = data.resolve("uploads");
        Staging staging = new Staging(second, uploads.resolve(second));
        staging.add("notes/pilots.txt", new java.io.ByteArrayInputStream(
                "(U) The harbor pilots resumed night transits after the storm.".getBytes(StandardCharsets.UTF_8)));
        Path orphan = Files.createDirectories(uploads.resolve("fedcba9876543210fedcba98").resolve("files"));
        Files.writeString(orphan.resolve("half.txt"), "(U) half");
        try (Database db = Database.open(new io.sextant.appliance.platform.DataDir(data))) {
            LibraryStore store = LibraryStore.open(db.dataSource());
            store.create(new LibraryStore.Upload(second, "usa", LibraryStore.State.QUEUED, "ops", "UNCLASSIFIED",
                    staging.files(), 1, Instant.now()), staging.staged());
            try (Connection c = db.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE library_upload SET state = 'RUNNING', finished_at = NULL WHERE id = '"
                        + first + "'");
                s.executeUpdate("UPDATE library_upload_file SET outcome = NULL, document_id = NULL WHERE upload_id = '"
                        + first + "'");
            }
        }

        try (TestServer server = TestServer.start(data, true, null)) {
            WebClient web = server.client();
            web.login("usa", PASSWORD);
            LibraryClient usa = new LibraryClient(server, web);
            JsonNode a = usa.awaitJob(first);
            JsonNode b = usa.awaitJob(second);
            assertThat(a.path("state").asText()).isEqualTo("done");
            assertThat(a.path("filesDone").asInt()).isEqualTo(2);
            assertThat(a.path("documents")).hasSize(2);
            assertThat(b.path("state").asText()).isEqualTo("done");
            assertThat(b.path("documents")).hasSize(1);

            List<String> sources = server.bean(Corpus.class).store().documents().stream()
                    .filter(d -> d.parentId() == 0).map(d -> Path.of(d.sourcePath()).getFileName().toString())
                    .toList();
            assertThat(sources).containsExactlyInAnyOrder("convoy-report.txt", "harbor-report.txt", "pilots.txt");
            assertThat(usa.get("/api/documents").json().path("documents")).hasSize(3);
            assertThat(Files.exists(orphan)).isFalse();
            assertThat(server.bean(Corpus.class).documentPassages(MarkedCorpus.US_SECRET,
                    Long.toString(b.path("documents").get(0).path("id").asLong()))).isNotEmpty();
        }
    }
}

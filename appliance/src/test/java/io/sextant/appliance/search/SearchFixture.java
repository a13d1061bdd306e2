package io.sextant.appliance.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.IngestReport;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A running appliance holding {@link MarkedCorpus} plus two more documents (one wholly SECRET//NOFORN, one whose text
 * carries HTML), with a US SECRET analyst and a British SECRET analyst signed in.
 */
final class SearchFixture implements AutoCloseable {

    /** Text only in the wholly hidden document. */
    static final String SEALED_FACT = "Operation Kestrel staging area";
    /** Text with markup that must come back escaped. */
    static final String MARKUP = "<script>alert(1)</script>";

    private static final ObjectMapper JSON = new ObjectMapper();

    final TestServer server;
    final WebClient us;
    final WebClient gbr;

    private SearchFixture(TestServer server, WebClient us, WebClient gbr) {
        this.server = server;
        this.us = us;
        this.gbr = gbr;
    }

    static SearchFixture start(Path dir) throws IOException {
        TestServer server = TestServer.start(dir.resolve("data"), true, null);
        try {
            Path docs = MarkedCorpus.write(dir.resolve("docs"));
            Files.writeString(docs.resolve("kestrel.txt"), """
                    SECRET//NOFORN

                    (S//NF) The %s was moved two kilometres east of the old depot during the night.

                    SECRET//NOFORN
                    """.formatted(SEALED_FACT));
            Files.writeString(docs.resolve("port-log.txt"), """
                    UNCLASSIFIED

                    (U) The port log of the harbor master contained the string %s & nothing else of note.

                    UNCLASSIFIED
                    """.formatted(MARKUP));
            IngestReport r = server.bean(Corpus.class).ingest(List.of(docs), new IngestRequest("ops",
                    MarkingParser.defaultParser().parsePortion("(U)").marking(), null), ProgressListener.NONE);
            if (r.summary().ingested() != 4) {
                throw new IllegalStateException("expected four ingested documents: " + r.summary());
            }
            WebClient us = server.signedInAs("usa", Role.ANALYST, "level=S;country=USA", "us analyst password 1");
            WebClient gbr = server.signedInAs("gbr", Role.ANALYST, "level=S;country=GBR", "gbr analyst password 1");
            return new SearchFixture(server, us, gbr);
        } catch (RuntimeException | IOException e) {
            server.close();
            throw e;
        }
    }

    static JsonNode json(WebClient.Response r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.status() + " " + r.body(), e);
        }
    }

    /**
     * @param client who asks
     * @param query  the query string after {@code ?}
     * @return the parsed answer of {@code /api/search}
     */
    static JsonNode search(WebClient client, String query) {
        WebClient.Response r = client.get("/api/search?" + query, "Accept", "application/json");
        if (r.status() != 200) {
            throw new AssertionError("search " + query + " gave " + r.status() + ": " + r.body());
        }
        return json(r);
    }

    /**
     * @param text text in a passage the US analyst sees
     * @return that passage's hit, as the US analyst gets it
     */
    JsonNode usHit(String text) {
        JsonNode hits = search(us, "q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
                + "&k=20").get("hits");
        for (JsonNode h : hits) {
            if (h.get("text").asText().contains(text)) {
                return h;
            }
        }
        throw new AssertionError("no hit with '" + text + "' in " + hits);
    }

    @Override
    public void close() {
        server.close();
    }
}

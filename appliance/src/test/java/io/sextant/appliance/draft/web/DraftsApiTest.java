package io.sextant.appliance.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.AuditRecord;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drafting REST API on a real server over the marked two-document corpus, with the extractive engine: drafts
 * cite passages that exist and that the analyst may see, a foreign analyst drafting the same topic gets nothing of
 * the NOFORN portion and a lower banner, another analyst's draft is a plain 404, and edit, regenerate, accept and
 * export keep the guard's markings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftsApiTest {

    private static final String PASSWORD = "drafts test password 1";
    private static final String TOPIC = "convoy on Route 7";

    @TempDir
    static Path dir;

    TestServer server;
    ApiClient alice;
    ApiClient gbr;
    ApiClient bob;
    WebClient alicePages;
    WebClient bobPages;
    WebClient carolPages;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(dir.resolve("data"), false, null);
        Corpus corpus = server.bean(Corpus.class);
        corpus.ingest(List.of(MarkedCorpus.write(dir.resolve("docs"))), new IngestRequest("ops",
                MarkingParser.defaultParser().parsePortion("(U)").marking(), null), ProgressListener.NONE);
        corpus.sync();
        alice = client("alice", "level=S;country=USA");
        gbr = client("gbr", "level=S;country=GBR");
        bob = client("bob", "level=S;country=USA");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ApiClient client(String name, String clearance) {
        WebClient web = server.signedInAs(name, Role.ANALYST, clearance, PASSWORD);
        if (name.equals("alice")) {
            alicePages = web;
        } else if (name.equals("bob")) {
            bobPages = web;
        } else if (name.equals("carol")) {
            carolPages = web;
        }
        return new ApiClient(server, web);
    }

    private static String newDraft(String template, String topic) {
        return ApiClient.json(Map.of("template", template, "topic", topic,
                "scope", Map.of("collections", List.of(), "from", "", "to", "")));
    }

    private JsonNode create(ApiClient c, String template) {
        ApiClient.Reply r = c.post("/api/drafts", newDraft(template, TOPIC));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void templates_are_listed_with_their_sections_and_queries() {
        JsonNode t = alice.get("/api/templates").json();
        assertThat(t.get("marking").asText()).isEqualTo("UNCLASSIFIED");
        List<String> ids = new ArrayList<>();
        t.get("templates").forEach(x -> ids.add(x.get("id").asText()));
        assertThat(ids).contains("sitrep", "intsum", "pir", "brief");
        JsonNode sitrep = t.get("templates").get(0);
        assertThat(sitrep.get("title").asText()).isNotBlank();
        assertThat(sitrep.get("sections").get(0).get("title").asText()).isEqualTo("Situation");
        assertThat(sitrep.get("sections").get(0).get("query").asText()).contains("{topic}");
    }

    @Test
    void a_us_secret_draft_cites_existing_visible_passages_with_links_and_portion_marks() {
        JsonNode d = create(alice, "sitrep");
        assertThat(d.get("id").asText()).isNotBlank();
        assertThat(d.get("template").asText()).isEqualTo("sitrep");
        assertThat(d.get("topic").asText()).isEqualTo(TOPIC);
        assertThat(d.get("marking").asText()).isEqualTo("SECRET//NOFORN");
        assertThat(d.get("state").asText()).isEqualTo("draft");
        assertThat(d.get("authority").get("classifiedBy").asText()).contains("alice");
        assertThat(d.toString()).contains(MarkedCorpus.HIDDEN_FACT);
        Corpus corpus = server.bean(Corpus.class);
        int citations = 0;
        for (JsonNode s : d.get("sections")) {
            assertThat(s.get("id").asText()).matches("[a-z0-9-]+");
            assertThat(s.get("mark").asText()).startsWith("(").endsWith(")");
            for (JsonNode p : s.get("paragraphs")) {
                assertThat(p.get("mark").asText()).matches("\\([A-Z/ ,-]+\\)");
            }
            for (JsonNode c : s.get("citations")) {
                citations++;
                String pid = c.get("passageId").asText();
                String doc = c.get("documentId").asText();
                assertThat(corpus.passage(MarkedCorpus.US_SECRET, pid)).isPresent();
                assertThat(c.get("link").asText())
                        .isEqualTo("/documents/" + doc + "?passage=" + pid + "#passage-" + pid);
                assertThat(c.get("n").asInt()).isPositive();
                assertThat(c.get("marking").asText()).startsWith("(");
                assertThat(c.get("title").asText()).isNotBlank();
            }
        }
        assertThat(citations).isPositive();
        assertThat(alice.get("/api/drafts/" + d.get("id").asText()).json().get("marking").asText())
                .isEqualTo("SECRET//NOFORN");
        assertThat(server.bean(AuditLog.class).tail(50)).anyMatch(a -> a.event().type() == AuditEventType.DRAFT
                && "alice".equals(a.event().actor()) && a.event().subject().contains(d.get("id").asText()));
    }

    @Test
    void a_foreign_analyst_drafting_the_same_topic_gets_nothing_noforn_and_a_lower_banner() {
        JsonNode d = create(gbr, "sitrep");
        assertThat(d.toString()).doesNotContain(MarkedCorpus.HIDDEN_FACT).doesNotContain("NOFORN")
                .doesNotContain("//NF");
        assertThat(d.get("marking").asText()).isEqualTo("UNCLASSIFIED");
        Corpus corpus = server.bean(Corpus.class);
        for (JsonNode s : d.get("sections")) {
            for (JsonNode c : s.get("citations")) {
                assertThat(corpus.passage(MarkedCorpus.GBR_SECRET, c.get("passageId").asText())).isPresent();
            }
        }
        String md = gbr.get("/api/drafts/" + d.get("id").asText() + "/export?format=md").body();
        assertThat(md).doesNotContain(MarkedCorpus.HIDDEN_FACT).startsWith("UNCLASSIFIED\n");
    }

    @Test
    void another_analysts_draft_answers_exactly_as_a_missing_one() {
        String id = create(alice, "brief").get("id").asText();
        ApiClient.Reply theirs = bob.get("/api/drafts/" + id);
        ApiClient.Reply missing = bob.get("/api/drafts/00000000-0000-0000-0000-000000000000");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.body()).isEqualTo(missing.body()).doesNotContain(TOPIC);
        // With a request body too (the 404 must not hang the connection), and for every other operation.
        ApiClient.Reply edit = bob.put("/api/drafts/" + id + "/sections/situation", "{\"text\":\"x\"}");
        assertThat(edit.status()).isEqualTo(404);
        assertThat(edit.body()).isEqualTo(bob.put("/api/drafts/nope/sections/situation", "{\"text\":\"x\"}").body());
        assertThat(bob.post("/api/drafts/" + id + "/accept", "").status()).isEqualTo(404);
        assertThat(bob.post("/api/drafts/" + id + "/sections/situation/regenerate", "").status()).isEqualTo(404);
        assertThat(bob.get("/api/drafts/" + id + "/export?format=md").status()).isEqualTo(404);
        assertThat(bob.get("/api/drafts").body()).doesNotContain(id);
        // The editor page too: the owner's carries the draft's banner, anyone else's is the plain 404 page.
        WebClient.Response page = alicePages.get("/drafts/" + id, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"banner-top\"").contains(">SECRET//NOFORN<").contains(TOPIC);
        WebClient.Response other = bobPages.get("/drafts/" + id, "Accept", "text/html");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(TOPIC).isEqualTo(bobPages.get("/drafts/nope", "Accept",
                "text/html").body());
        String csrf = bobPages.csrfFrom("/drafts");
        assertThat(bobPages.postForm("/drafts/" + id + "/sections/situation", Map.of("_csrf", csrf, "text", "x"),
                "Accept", "text/html").status()).isEqualTo(404);
        assertThat(alice.get("/api/drafts").body()).contains(id);
    }

    @Test
    void edit_regenerate_accept_and_export_keep_the_guards_markings() {
        JsonNode d = create(alice, "sitrep");
        String id = d.get("id").asText();
        JsonNode section = null;
        for (JsonNode s : d.get("sections")) {
            if (section == null && s.get("citations").size() > 0) {
                section = s;
            }
        }
        assertThat(section).isNotNull();
        String sid = section.get("id").asText();
        int n = section.get("citations").get(0).get("n").asInt();
        String sourceMark = section.get("citations").get(0).get("marking").asText();

        // The analyst marks a cited paragraph (U): the guard raises it to its source's marking, never lower.
        String edited = "(U) Analyst edit: the convoy moved north [" + n + "].\n\nA closing line with no citation.";
        ApiClient.Reply put = alice.put("/api/drafts/" + id + "/sections/" + sid, ApiClient.json(Map.of("text",
                edited)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode after = sectionOf(put.json(), sid);
        assertThat(after.get("paragraphs").get(0).get("text").asText()).startsWith("Analyst edit:");
        assertThat(after.get("paragraphs").get(0).get("mark").asText()).isEqualTo(sourceMark);
        assertThat(after.get("paragraphs").get(1).get("mark").asText()).isEqualTo(after.get("mark").asText());
        assertThat(after.get("text").asText()).startsWith(sourceMark + " Analyst edit:");

        // Saved again as shown, the uncited paragraph keeps the section's mark: an edit never lowers a mark.
        JsonNode again = sectionOf(alice.put("/api/drafts/" + id + "/sections/" + sid, ApiClient.json(Map.of("text",
                after.get("text").asText()))).json(), sid);
        assertThat(again.get("text").asText()).isEqualTo(after.get("text").asText());
        assertThat(again.get("mark").asText()).isEqualTo(after.get("mark").asText());
        // Without a mark, an uncited paragraph takes the section's; a mark above what the paragraph cites is refused.
        JsonNode unmarked = sectionOf(alice.put("/api/drafts/" + id + "/sections/" + sid,
                ApiClient.json(Map.of("text", "No mark and no citation."))).json(), sid);
        assertThat(unmarked.get("paragraphs").get(0).get("mark").asText()).isEqualTo(after.get("mark").asText());
        ApiClient.Reply higher = alice.put("/api/drafts/" + id + "/sections/" + sid,
                ApiClient.json(Map.of("text", "(TS) Claimed higher than its sources [" + n + "].")));
        assertThat(higher.status()).isEqualTo(400);
        assertThat(higher.json().get("message").asText()).contains("(TS)");

        // An invalid portion mark is refused and changes nothing.
        ApiClient.Reply bad = alice.put("/api/drafts/" + id + "/sections/" + sid,
                ApiClient.json(Map.of("text", "(QQ//ZZ) not a marking")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).contains("not a valid portion mark");
        assertThat(bad.json().get("marking").asText()).isEqualTo("UNCLASSIFIED");

        JsonNode regenerated = alice.post("/api/drafts/" + id + "/sections/" + sid + "/regenerate", "").json();
        assertThat(sectionOf(regenerated, sid).get("text").asText()).doesNotContain("Analyst edit");
        alice.put("/api/drafts/" + id + "/sections/" + sid, ApiClient.json(Map.of("text", edited)));

        JsonNode accepted = alice.post("/api/drafts/" + id + "/accept", "").json();
        assertThat(accepted.get("state").asText()).isEqualTo("accepted");

        ApiClient.Reply md = alice.get("/api/drafts/" + id + "/export?format=md");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.disposition()).startsWith("attachment").contains(".md");
        List<String> lines = md.body().lines().filter(l -> !l.isBlank()).toList();
        String banner = accepted.get("marking").asText();
        assertThat(lines.getFirst()).isEqualTo(banner);
        assertThat(lines.getLast()).isEqualTo(banner);
        assertThat(lines).anyMatch(l -> l.equals(sourceMark + " Analyst edit: the convoy moved north [" + n + "]."));
        // Every line before the authority block (title, request, headings, paragraphs, citations) is portion-marked.
        int authority = lines.indexOf(lines.stream().filter(l -> l.startsWith("Classified By:")).findFirst()
                .orElseThrow());
        for (String l : lines.subList(1, authority)) {
            String t = l.replaceFirst("^#+ ", "").replaceFirst("^[-*] ", "");
            assertThat(t).as(l).matches("\\([A-Z/ ,-]+\\) .*");
        }

        ApiClient.Reply docx = alice.get("/api/drafts/" + id + "/export?format=docx");
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.type()).contains("officedocument");
        assertThat(new String(docx.bytes(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        ApiClient.Reply pdf = alice.get("/api/drafts/" + id + "/export?format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.type()).contains("pdf");
        assertThat(new String(pdf.bytes(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        assertThat(alice.get("/api/drafts/" + id + "/export?format=rtf").status()).isEqualTo(400);

        List<AuditRecord> tail = server.bean(AuditLog.class).tail(100);
        assertThat(tail).anyMatch(a -> a.event().type() == AuditEventType.EXPORT
                && a.event().subject().contains(id) && banner.equals(a.event().markings()));
        assertThat(tail).filteredOn(a -> a.event().subject() != null && a.event().subject().contains(id))
                .allSatisfy(a -> assertThat(a.event().detail()).doesNotContain("Analyst edit"));
    }

    @Test
    void a_draft_citing_what_its_analyst_may_no_longer_see_is_withheld_until_its_sections_are_regenerated() {
        ApiClient carol = client("carol", "level=S;country=USA");
        JsonNode d = create(carol, "sitrep");
        String id = d.get("id").asText();
        assertThat(d.get("marking").asText()).isEqualTo("SECRET//NOFORN");
        server.bean(Accounts.class).setClearance("carol", "level=U;country=USA", "test", null);

        ApiClient.Reply withheld = carol.get("/api/drafts/" + id);
        assertThat(withheld.status()).isEqualTo(409);
        assertThat(withheld.body()).doesNotContain(MarkedCorpus.HIDDEN_FACT).doesNotContain("NOFORN");
        assertThat(carol.get("/api/drafts/" + id + "/export?format=md").status()).isEqualTo(409);
        WebClient.Response page = carolPages.get("/drafts/" + id, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains("regenerate-situation").contains(">UNCLASSIFIED<")
                .doesNotContain(MarkedCorpus.HIDDEN_FACT).doesNotContain("NOFORN");

        JsonNode listed = carol.get("/api/drafts").json();
        assertThat(listed.get("marking").asText()).isEqualTo("UNCLASSIFIED");
        assertThat(listed.toString()).contains(id).doesNotContain("NOFORN").doesNotContain(TOPIC);

        ApiClient.Reply last = null;
        for (JsonNode s : d.get("sections")) {
            last = carol.post("/api/drafts/" + id + "/sections/" + s.get("id").asText() + "/regenerate", "");
            assertThat(last.status()).isIn(200, 409);
            assertThat(last.body()).doesNotContain(MarkedCorpus.HIDDEN_FACT);
        }
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(last.json().get("marking").asText()).isEqualTo("UNCLASSIFIED");
    }

    private static JsonNode sectionOf(JsonNode draft, String sid) {
        for (JsonNode s : draft.get("sections")) {
            if (s.get("id").asText().equals(sid)) {
                return s;
            }
        }
        throw new AssertionError("no section " + sid + " in " + draft);
    }
}

package io.sextant.appliance.ask;

import static io.sextant.appliance.corpus.MarkedCorpus.HIDDEN_FACT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.AuditRecord;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ask API against a real server with the marked corpus and the extractive engine: answers stream and end with a
 * guarded, cited product; a foreign user gets nothing of a NOFORN passage; conversations are per user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskApiTest {

    static final String QUESTION = "Which trucks moved north along Route 7 toward the border crossing?";

    @TempDir
    static Path dir;

    TestServer server;
    JsonMapper json;
    ApiClient us;
    ApiClient gbr;
    WebClient usWeb;

    @BeforeAll
    void start() throws IOException {
        server = TestServer.start(dir.resolve("data"), true, null);
        json = server.bean(JsonMapper.class);
        server.bean(Corpus.class).ingest(List.of(MarkedCorpus.write(dir.resolve("docs"))),
                new IngestRequest("ops", MarkingParser.defaultParser().parsePortion("(U)").marking(), null),
                ProgressListener.NONE);
        usWeb = server.signedInAs("usanalyst", Role.ANALYST, "level=S;country=USA", "us analyst password 1");
        server.signedInAs("ukanalyst", Role.ANALYST, "level=S;country=GBR", "uk analyst password 1");
        us = ApiClient.bearer(server, "usanalyst");
        gbr = ApiClient.bearer(server, "ukanalyst");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_us_secret_analyst_gets_a_streamed_cited_noforn_answer_through_the_page_session() throws Exception {
        ApiClient page = ApiClient.session(server, usWeb);
        HttpResponse<String> r = page.post("/api/ask", json.writeValueAsString(Map.of("question", QUESTION)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        List<ApiClient.Sse> events = ApiClient.events(r.body());
        assertThat(events.get(0).name()).isEqualTo("start");
        Map<?, ?> start = json.readValue(events.get(0).data(), Map.class);
        assertThat(start.get("conversationId")).isNotNull();
        assertThat(start.get("marking")).isEqualTo("SECRET//NOFORN");
        assertThat(events.stream().filter(e -> e.name().equals("token"))).isNotEmpty();
        ApiClient.Sse last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("final");
        AskAnswer a = json.readValue(last.data(), AskAnswer.class);
        assertThat(a.conversationId()).isEqualTo(start.get("conversationId"));
        assertThat(a.marking()).isEqualTo("SECRET//NOFORN");
        assertThat(a.text()).contains(HIDDEN_FACT);
        assertThat(a.paragraphs()).allSatisfy(p -> assertThat(p.mark()).startsWith("(").endsWith(")"));
        assertThat(a.paragraphs()).anySatisfy(p -> assertThat(p.mark()).isEqualTo("(S//NF)"));
        assertThat(a.citations()).isNotEmpty();
        assertThat(a.authority()).isNotEmpty();
        Corpus corpus = server.bean(Corpus.class);
        for (AskAnswer.CitationRef c : a.citations()) {
            assertThat(a.text()).contains("[" + c.n() + "]");
            assertThat(c.link()).isEqualTo("/documents/" + c.documentId() + "?passage=" + c.passageId()
                    + "#passage-" + c.passageId());
            assertThat(corpus.passage(MarkedCorpus.US_SECRET, c.passageId())).isPresent();
        }
        assertThat(a.citations()).anySatisfy(c -> assertThat(
                corpus.passage(MarkedCorpus.US_SECRET, c.passageId()).orElseThrow().text()).contains(HIDDEN_FACT));

        List<AuditRecord> tail = server.bean(AuditLog.class).tail(20);
        assertThat(tail).anySatisfy(rec -> {
            assertThat(rec.event().type()).isEqualTo(AuditEventType.QUESTION);
            assertThat(rec.event().actor()).isEqualTo("usanalyst");
            assertThat(rec.event().markings()).isEqualTo("SECRET//NOFORN");
            assertThat(rec.event().detail()).doesNotContain("Route");
        });
    }

    @Test
    void a_foreign_secret_analyst_gets_nothing_of_the_noforn_passage_anywhere_in_the_stream() throws Exception {
        HttpResponse<String> r = gbr.post("/api/ask", json.writeValueAsString(Map.of("question", QUESTION)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(HIDDEN_FACT).doesNotContain("Guards").doesNotContain("NOFORN")
                .doesNotContain("//NF").doesNotContain("SECRET");
        List<ApiClient.Sse> events = ApiClient.events(r.body());
        ApiClient.Sse last = events.get(events.size() - 1);
        assertThat(last.name()).isIn("final", "empty");
        assertThat(last.data()).contains("\"authority\":[]").contains("\"paragraphs\":");
        AskAnswer a = json.readValue(last.data(), AskAnswer.class);
        assertThat(a.marking()).isEqualTo("UNCLASSIFIED");
        Corpus corpus = server.bean(Corpus.class);
        for (AskAnswer.CitationRef c : a.citations()) {
            assertThat(corpus.passage(MarkedCorpus.GBR_SECRET, c.passageId())).isPresent();
        }
    }

    @Test
    void a_question_only_hidden_passages_answer_is_empty_exactly_like_a_question_about_nothing() throws Exception {
        // Scoped to a collection nothing is in, and to one only the hidden portions answer: both look alike.
        HttpResponse<String> absent = gbr.post("/api/ask", json.writeValueAsString(Map.of("question",
                "zebra quantum teapot", "scope", Map.of("collections", List.of("nothing-here")))));
        HttpResponse<String> hidden = gbr.post("/api/ask", json.writeValueAsString(Map.of("question",
                HIDDEN_FACT, "scope", Map.of("collections", List.of("nothing-here")))));
        AskAnswer a = json.readValue(lastOf(absent).data(), AskAnswer.class);
        AskAnswer h = json.readValue(lastOf(hidden).data(), AskAnswer.class);
        assertThat(lastOf(absent).name()).isEqualTo("empty");
        assertThat(lastOf(hidden).name()).isEqualTo("empty");
        assertThat(strip(h)).isEqualTo(strip(a));
        assertThat(hidden.body()).doesNotContain("Guards");
    }

    @Test
    void a_conversation_continues_and_is_listed_for_its_owner_only() throws Exception {
        HttpResponse<String> first = us.post("/api/ask", json.writeValueAsString(Map.of("question", QUESTION)));
        AskAnswer a1 = json.readValue(lastOf(first).data(), AskAnswer.class);
        String id = a1.conversationId();
        HttpResponse<String> second = us.post("/api/ask", json.writeValueAsString(Map.of(
                "question", "What followed the convoy?", "conversationId", id)));
        assertThat(second.statusCode()).isEqualTo(200);
        AskAnswer a2 = json.readValue(lastOf(second).data(), AskAnswer.class);
        assertThat(a2.conversationId()).isEqualTo(id);

        HttpResponse<String> conv = us.get("/api/conversations/" + id);
        assertThat(conv.statusCode()).isEqualTo(200);
        Map<?, ?> c = json.readValue(conv.body(), Map.class);
        assertThat((List<?>) c.get("turns")).hasSize(2);
        assertThat(c.get("marking")).isEqualTo("SECRET//NOFORN");
        assertThat(conv.body()).contains(HIDDEN_FACT).contains("What followed the convoy?");

        HttpResponse<String> list = us.get("/api/conversations");
        assertThat(list.body()).contains(id).contains("\"marking\"");
        assertThat(gbr.get("/api/conversations").body()).doesNotContain(id);

        // Another user's conversation answers exactly like a missing one, also when continued with a body.
        HttpResponse<String> foreign = gbr.get("/api/conversations/" + id);
        HttpResponse<String> missing = gbr.get("/api/conversations/00000000-0000-0000-0000-000000000000");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body()).doesNotContain(HIDDEN_FACT);
        HttpResponse<String> steal = gbr.post("/api/ask", json.writeValueAsString(Map.of(
                "question", "What followed the convoy?", "conversationId", id)));
        HttpResponse<String> ghost = gbr.post("/api/ask", json.writeValueAsString(Map.of(
                "question", "What followed the convoy?", "conversationId", "no-such-conversation")));
        assertThat(steal.statusCode()).isEqualTo(404);
        assertThat(steal.body()).isEqualTo(ghost.body());
        assertThat(us.get("/api/conversations/" + id).body()).doesNotContain("ukanalyst");

        // The server-rendered page of the conversation: marked paragraphs, citation links, the roll-up banner.
        WebClient.Response page = usWeb.get("/ask/" + id, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"banner-top\"").contains(">SECRET//NOFORN<")
                .contains("class=\"portion-mark\">(S//NF)</span>").contains("class=\"citation\" href=\"/documents/")
                .contains("src=\"/static/ask.js\"").doesNotContain("<script>").contains("id=\"ask-question\"");
        WebClient gbrWeb = server.client();
        gbrWeb.login("ukanalyst", "uk analyst password 1");
        WebClient.Response foreignPage = gbrWeb.get("/ask/" + id, "Accept", "text/html");
        assertThat(foreignPage.status()).isEqualTo(404);
        assertThat(foreignPage.body()).doesNotContain(HIDDEN_FACT).doesNotContain("NOFORN");
        WebClient.Response empty = gbrWeb.get("/ask", "Accept", "text/html");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains(">UNCLASSIFIED<").doesNotContain(id);
    }

    @Test
    void feedback_is_stored_for_the_owner_and_audited_and_another_user_cannot_rate_the_answer() throws Exception {
        HttpResponse<String> r = us.post("/api/ask", json.writeValueAsString(Map.of("question", QUESTION)));
        AskAnswer a = json.readValue(lastOf(r).data(), AskAnswer.class);
        HttpResponse<String> fb = us.post("/api/answers/" + a.answerId() + "/feedback",
                json.writeValueAsString(Map.of("rating", "down", "correction", "It was thirty trucks.")));
        assertThat(fb.statusCode()).isEqualTo(200);
        assertThat(fb.body()).contains("\"stored\":true").contains("\"marking\"");
        List<String[]> stored = server.bean(ConversationStore.class).feedbackOn(a.answerId());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).containsExactly("down", "It was thirty trucks.");
        assertThat(server.bean(AuditLog.class).tail(5)).anySatisfy(rec -> {
            assertThat(rec.event().type()).isEqualTo(AuditEventType.FEEDBACK);
            assertThat(rec.event().detail()).doesNotContain("thirty");
        });

        HttpResponse<String> foreign = gbr.post("/api/answers/" + a.answerId() + "/feedback",
                json.writeValueAsString(Map.of("rating", "up")));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(us.post("/api/answers/" + a.answerId() + "/feedback",
                json.writeValueAsString(Map.of("rating", "sideways"))).statusCode()).isEqualTo(400);
        assertThat(server.bean(ConversationStore.class).feedbackOn(a.answerId())).hasSize(1);
    }

    @Test
    void the_api_refuses_without_credentials_and_a_page_session_without_the_csrf_header() {
        assertThat(ApiClient.anonymous(server).post("/api/ask", "{\"question\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(us.post("/api/ask", "{\"question\":\"  \"}").statusCode()).isEqualTo(400);
        assertThat(us.post("/api/ask", "{\"question\":\"convoy\",\"scope\":{\"from\":\"yesterday\"}}")
                .statusCode()).isEqualTo(400);
        String cookies = usWeb.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        assertThat(ApiClient.withHeaders(server, "Cookie", cookies).post("/api/ask", "{\"question\":\"convoy\"}")
                .statusCode()).as("a page session without X-CSRF-Token").isEqualTo(403);
    }

    @Test
    void a_stored_answer_is_withheld_once_the_owners_clearance_no_longer_covers_it() throws Exception {
        server.signedInAs("shrinking", Role.ANALYST, "level=S;country=USA", "shrinking password 1");
        ApiClient c = ApiClient.bearer(server, "shrinking");
        AskAnswer a = json.readValue(lastOf(c.post("/api/ask", json.writeValueAsString(Map.of("question",
                QUESTION)))).data(), AskAnswer.class);
        assertThat(a.text()).contains(HIDDEN_FACT);
        server.bean(io.sextant.appliance.security.Accounts.class).setClearance("shrinking", "level=S;country=GBR",
                "test", null);
        HttpResponse<String> later = c.get("/api/conversations/" + a.conversationId());
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.body()).doesNotContain(HIDDEN_FACT).doesNotContain("NOFORN")
                .contains(AskController.WITHHELD).contains("\"marking\":\"UNCLASSIFIED\"");
        // Continuing the conversation does not feed the withheld answer back to the engine either.
        HttpResponse<String> next = c.post("/api/ask", json.writeValueAsString(Map.of("question", QUESTION,
                "conversationId", a.conversationId())));
        assertThat(next.body()).doesNotContain(HIDDEN_FACT).doesNotContain("NOFORN");
    }

    @Test
    void openai_pieces_concatenate_back_to_the_guarded_text_and_citations_become_links() {
        String text = "SECRET\n\n(S) A convoy  moved. [1]\n\nSECRET\n";
        assertThat(String.join("", OpenAiController.pieces(text))).isEqualTo(text);
        List<AskPageController.Segment> segs = AskPageController.segments("Convoy moved [1] and [9] stopped [2].",
                List.of(new AskAnswer.CitationRef(1, "p1", "d1", "T", "UNCLASSIFIED", "(U)", null, null, "/l1"),
                        new AskAnswer.CitationRef(2, "p2", "d1", "T", "UNCLASSIFIED", "(U)", 3, null, "/l2")));
        assertThat(segs).extracting(AskPageController.Segment::text)
                .containsExactly("Convoy moved ", "[1]", " and [9] stopped ", "[2]", ".");
        assertThat(segs).extracting(AskPageController.Segment::link).containsExactly(null, "/l1", null, "/l2", null);
    }

    private static ApiClient.Sse lastOf(HttpResponse<String> r) {
        List<ApiClient.Sse> events = ApiClient.events(r.body());
        return events.get(events.size() - 1);
    }

    private static AskAnswer strip(AskAnswer a) {
        return new AskAnswer("", "", a.outcome(), a.marking(), a.paragraphs(), a.citations(), a.authority(),
                a.notice());
    }
}

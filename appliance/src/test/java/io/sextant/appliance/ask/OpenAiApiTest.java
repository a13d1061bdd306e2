package io.sextant.appliance.ask;

import static io.sextant.appliance.corpus.MarkedCorpus.HIDDEN_FACT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
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

/** The OpenAI-compatible API: its shapes, bearer-token authentication, and the guard on both forms. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiApiTest {

    @TempDir
    static Path dir;

    TestServer server;
    JsonMapper json;
    ApiClient us;
    ApiClient gbr;

    @BeforeAll
    void start() throws IOException {
        server = TestServer.start(dir.resolve("data"), true, null);
        json = server.bean(JsonMapper.class);
        server.bean(Corpus.class).ingest(List.of(MarkedCorpus.write(dir.resolve("docs"))),
                new IngestRequest("ops", MarkingParser.defaultParser().parsePortion("(U)").marking(), null),
                ProgressListener.NONE);
        server.signedInAs("usanalyst", Role.ANALYST, "level=S;country=USA", "us analyst password 1");
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

    private String request(boolean stream) throws IOException {
        return json.writeValueAsString(Map.of("model", "sextant", "stream", stream, "messages", List.of(
                Map.of("role", "system", "content", "Answer briefly."),
                Map.of("role", "user", "content", AskApiTest.QUESTION))));
    }

    @Test
    void a_completion_has_the_openai_shape_with_the_guarded_marked_text_and_sextant_marking() throws Exception {
        HttpResponse<String> r = us.post("/v1/chat/completions", request(false));
        assertThat(r.statusCode()).isEqualTo(200);
        Map<?, ?> body = json.readValue(r.body(), Map.class);
        assertThat(body.get("object")).isEqualTo("chat.completion");
        assertThat((String) body.get("id")).startsWith("chatcmpl-");
        assertThat(body.get("model")).isEqualTo("sextant");
        Map<?, ?> choice = (Map<?, ?>) ((List<?>) body.get("choices")).get(0);
        assertThat(choice.get("finish_reason")).isEqualTo("stop");
        Map<?, ?> message = (Map<?, ?>) choice.get("message");
        assertThat(message.get("role")).isEqualTo("assistant");
        String content = (String) message.get("content");
        assertThat(content.strip()).startsWith("SECRET//NOFORN").endsWith("SECRET//NOFORN").contains("(S//NF)")
                .contains(HIDDEN_FACT);
        assertThat(((Map<?, ?>) body.get("usage")).get("total_tokens")).isNotNull();
        Map<?, ?> sextant = (Map<?, ?>) body.get("sextant");
        assertThat(sextant.get("marking")).isEqualTo("SECRET//NOFORN");
        assertThat((List<?>) sextant.get("citations")).isNotEmpty();
    }

    @Test
    void a_streamed_completion_sends_openai_chunks_of_the_guarded_text_and_done() throws Exception {
        HttpResponse<String> r = us.post("/v1/chat/completions", request(true));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        assertThat(r.body()).contains("data: {").endsWith("data: [DONE]\n\n");
        List<ApiClient.Sse> events = ApiClient.events(r.body());
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        Map<?, ?> last = null;
        for (ApiClient.Sse e : events.subList(0, events.size() - 1)) {
            Map<?, ?> chunk = json.readValue(e.data(), Map.class);
            assertThat(chunk.get("object")).isEqualTo("chat.completion.chunk");
            Map<?, ?> delta = (Map<?, ?>) ((Map<?, ?>) ((List<?>) chunk.get("choices")).get(0)).get("delta");
            if (delta.get("content") != null) {
                text.append(delta.get("content"));
            }
            last = chunk;
        }
        assertThat(text.toString()).startsWith("SECRET//NOFORN").contains("(S//NF)").contains(HIDDEN_FACT);
        assertThat(((Map<?, ?>) last.get("sextant")).get("marking")).isEqualTo("SECRET//NOFORN");
        assertThat(((Map<?, ?>) ((List<?>) last.get("choices")).get(0)).get("finish_reason")).isEqualTo("stop");
    }

    @Test
    void a_foreign_user_gets_nothing_of_the_noforn_passage_in_either_form() throws Exception {
        for (boolean stream : new boolean[] {false, true}) {
            HttpResponse<String> r = gbr.post("/v1/chat/completions", request(stream));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(HIDDEN_FACT).doesNotContain("Guards").doesNotContain("NOFORN")
                    .doesNotContain("//NF").contains("\"marking\":\"UNCLASSIFIED\"");
        }
    }

    @Test
    void the_api_needs_a_valid_bearer_token_and_lists_its_model() throws Exception {
        ApiClient anonymous = ApiClient.anonymous(server);
        assertThat(anonymous.post("/v1/chat/completions", request(false)).statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/v1/models").statusCode()).isEqualTo(401);
        HttpResponse<String> models = us.get("/v1/models");
        assertThat(models.statusCode()).isEqualTo(200);
        Map<?, ?> body = json.readValue(models.body(), Map.class);
        assertThat(body.get("object")).isEqualTo("list");
        assertThat(((Map<?, ?>) ((List<?>) body.get("data")).get(0)).get("id")).isEqualTo("sextant");
        assertThat(us.post("/v1/chat/completions", "{\"messages\":[]}").statusCode()).isEqualTo(400);
    }

    @Test
    void rag_off_asks_the_model_alone_and_the_extractive_engine_has_nothing_to_quote() throws Exception {
        HttpResponse<String> r = us.post("/v1/chat/completions", json.writeValueAsString(Map.of(
                "messages", List.of(Map.of("role", "user", "content", AskApiTest.QUESTION)),
                "sextant", Map.of("rag", false))));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(HIDDEN_FACT).contains("\"marking\":\"UNCLASSIFIED\"");
    }
}

package io.sextant.appliance.ask;

import static io.sextant.appliance.corpus.MarkedCorpus.HIDDEN_FACT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.inference.gguf.GgmlType;
import io.sextant.inference.gguf.testing.TinyLlama;
import io.sextant.inference.registry.ModelRegistry;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ask API through the real llama.cpp path: a tiny random-weight GGUF model is installed before the server starts,
 * so answers are generated token by token by a real model. Its text is nonsense, but what it streams can only derive
 * from passages the asker may see, and what it delivers has passed the guard.
 */
class AskLlmPathTest {

    @TempDir
    Path dir;

    @Test
    void a_real_model_streams_tokens_and_a_foreign_user_sees_nothing_of_the_noforn_passage() throws Exception {
        Path data = dir.resolve("data");
        Path model = TinyLlama.write(dir.resolve("tiny.gguf"), new TinyLlama.Spec(64, 2, 4, 4, 128, 2048, 300,
                GgmlType.F32, TinyLlama.CHATML_TEMPLATE, 1));
        ModelRegistry registry = ModelRegistry.forDataDir(data);
        registry.importModel(model, "tiny", null, false);
        registry.setDefault("tiny");
        try (TestServer server = TestServer.start(data, true, """
                sextant:
                  inference:
                    context-size: 2048
                    parallel: 1
                """)) {
            assertThat(server.bean(Engines.class).extractive()).isFalse();
            server.bean(Corpus.class).ingest(List.of(MarkedCorpus.write(dir.resolve("docs"))),
                    new IngestRequest("ops", MarkingParser.defaultParser().parsePortion("(U)").marking(), null),
                    ProgressListener.NONE);
            server.signedInAs("ukanalyst", Role.ANALYST, "level=S;country=GBR", "uk analyst password 1");
            JsonMapper json = server.bean(JsonMapper.class);
            ApiClient gbr = ApiClient.bearer(server, "ukanalyst");

            HttpResponse<String> r = gbr.post("/api/ask", json.writeValueAsString(Map.of("question",
                    AskApiTest.QUESTION)));
            assertThat(r.statusCode()).isEqualTo(200);
            List<ApiClient.Sse> events = ApiClient.events(r.body());
            assertThat(events.get(0).name()).isEqualTo("start");
            assertThat(events.stream().filter(e -> e.name().equals("token")).count()).isPositive();
            assertThat(events.get(events.size() - 1).name()).isIn("final", "refused", "empty");
            assertThat(r.body()).doesNotContain(HIDDEN_FACT).doesNotContain("Guards").doesNotContain("NOFORN");

            HttpResponse<String> o = gbr.post("/v1/chat/completions", json.writeValueAsString(Map.of(
                    "messages", List.of(Map.of("role", "user", "content", AskApiTest.QUESTION)))));
            assertThat(o.statusCode()).isEqualTo(200);
            assertThat(o.body()).contains("\"object\":\"chat.completion\"").contains("\"sextant\"")
                    .doesNotContain(HIDDEN_FACT).doesNotContain("NOFORN");
        }
    }
}

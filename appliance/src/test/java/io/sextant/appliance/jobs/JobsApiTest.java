package io.sextant.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobsApiTest {

    @TempDir
    Path tmp;

    @Test
    void a_job_submitted_through_the_api_runs_as_its_caller_and_only_they_see_its_results() throws Exception {
        Path data = JobFixtures.corpusOnly(tmp);
        try (TestServer server = TestServer.start(data, true, null)) {
            server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", "correct horse battery staple 1");
            server.signedInAs("bob", Role.ANALYST, "level=S;country=GBR", "correct horse battery staple 2");
            server.signedInAs("root", Role.ADMIN, "level=U;country=USA", "correct horse battery staple 3");
            ApiClient alice = ApiClient.of(server, "alice");
            ApiClient bob = ApiClient.of(server, "bob");
            ApiClient admin = ApiClient.of(server, "root");

            String body = "{\"name\": \"api-products\", \"tasks\": ["
                    + "{\"template\": \"sitrep\", \"topic\": \"convoy movements on Route 7\", \"out\": \"/etc/passwd.md\"},"
                    + "{\"template\": \"nope\", \"topic\": \"convoy\"},"
                    + "{\"template\": \"brief\", \"topic\": \"convoy trucks on Route 7\", \"format\": \"pdf\"}]}";
            ApiClient.Reply r = alice.post("/api/jobs", body);
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            String id = r.json().get("id").asText();
            assertThat(r.json().get("statusUrl").asText()).isEqualTo("/api/jobs/" + id);
            assertThat(r.json().get("marking").asText()).isEqualTo("UNCLASSIFIED");

            JsonNode job = alice.awaitFinished(id);
            assertThat(job.get("user").asText()).isEqualTo("alice");
            assertThat(job.get("status").asText()).isEqualTo("failed");
            assertThat(job.get("marking").asText()).isEqualTo("SECRET//NOFORN");
            JsonNode t0 = job.get("tasks").get(0);
            assertThat(t0.get("status").asText()).isEqualTo("done");
            assertThat(t0.get("marking").asText()).isEqualTo("SECRET//NOFORN");
            assertThat(t0.get("durationMs").asLong()).isPositive();
            assertThat(t0.get("started").asText()).isNotBlank();
            assertThat(job.get("tasks").get(1).get("status").asText()).isEqualTo("failed");
            assertThat(job.get("tasks").get(1).get("error").asText()).contains("no template named 'nope'");
            assertThat(job.get("tasks").get(2).get("status").asText()).isEqualTo("done");

            ApiClient.Reply out = alice.get(t0.get("output").asText());
            assertThat(out.status()).isEqualTo(200);
            assertThat(out.raw().headers().firstValue("X-Sextant-Marking")).hasValue("SECRET//NOFORN");
            String md = new String(out.raw().body(), StandardCharsets.UTF_8);
            assertThat(md.strip()).startsWith("SECRET//NOFORN").endsWith("SECRET//NOFORN");
            assertThat(alice.get("/api/jobs/" + id + "/tasks/2/output").raw().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(ct -> assertThat(ct).contains("pdf"));
            assertThat(alice.get("/api/jobs/" + id + "/tasks/1/output").status()).isEqualTo(404);

            // Another user: the job does not exist for them; the same answer as a missing one.
            ApiClient.Reply hidden = bob.get("/api/jobs/" + id);
            ApiClient.Reply missing = bob.get("/api/jobs/no-such-job");
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body()).isEqualTo(missing.body());
            assertThat(bob.get("/api/jobs/" + id + "/tasks/0/output").status()).isEqualTo(404);
            assertThat(bob.post("/api/jobs/" + id + "/cancel", "{}").status()).isEqualTo(404);
            assertThat(bob.get("/api/jobs").body()).doesNotContain(id);

            // An admin sees the job but not a result above their own access.
            JsonNode adminView = admin.get("/api/jobs/" + id).json();
            assertThat(adminView.get("tasks").get(0).get("marking").isNull()).isTrue();
            assertThat(adminView.get("tasks").get(0).get("withheld").asBoolean()).isTrue();
            assertThat(adminView.get("marking").asText()).isEqualTo("UNCLASSIFIED");
            assertThat(admin.get("/api/jobs").body()).contains(id).doesNotContain("NOFORN");
            assertThat(admin.get("/api/jobs/" + id + "/tasks/0/output").status()).isEqualTo(404);

            // Re-submitting the same job returns it; nothing is redone.
            ApiClient.Reply again = alice.post("/api/jobs", body);
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.json().get("id").asText()).isEqualTo(id);
            assertThat(again.json().get("existing").asBoolean()).isTrue();
            assertThat(alice.get("/api/jobs/" + id).json().get("tasks").get(0).get("started").asText())
                    .isEqualTo(t0.get("started").asText());

            // Bad input.
            assertThat(alice.post("/api/jobs", "{\"name\": \"x\", \"user\": \"bob\", \"tasks\": [{\"template\":"
                    + " \"sitrep\", \"topic\": \"t\"}]}").status()).isEqualTo(403);
            ApiClient.Reply bad = alice.post("/api/jobs", "{\"name\": \"x\", \"tasks\": []}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("at least one task");
            assertThat(alice.post("/api/jobs", "[1, 2").status()).isEqualTo(400);
            assertThat(alice.post("/api/jobs", "{\"name\": \"s\", \"schedule\": \"61 * * * *\", \"tasks\":"
                    + " [{\"template\": \"sitrep\", \"topic\": \"t\"}]}").status()).isEqualTo(400);
        }
    }

    @Test
    void the_jobs_page_submits_a_job_file_with_its_form_and_cancels_with_csrf() throws Exception {
        Path data = JobFixtures.corpusOnly(tmp);
        try (TestServer server = TestServer.start(data, true, null)) {
            WebClient alice = server.signedInAs("alice", Role.ANALYST, "level=S;country=USA",
                    "correct horse battery staple 1");
            WebClient.Response page = alice.get("/jobs", "Accept", "text/html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"submit-job\"").contains("UNCLASSIFIED");
            String csrf = alice.csrfFrom("/jobs");
            assertThat(alice.postForm("/jobs", Map.of("spec", JobFixtures.job("page", "alice", 30, null)),
                    "Accept", "text/html").status()).as("no CSRF token").isEqualTo(403);
            WebClient.Response r = alice.postForm("/jobs", Map.of("_csrf", csrf, "spec",
                    JobFixtures.job("page", "alice", 30, null)), "Accept", "text/html");
            assertThat(r.status()).as(r.body()).isEqualTo(303);
            String id = r.header("location").substring("/jobs#job-".length());
            WebClient.Response c = alice.postForm("/jobs/" + id + "/cancel", Map.of("_csrf", csrf),
                    "Accept", "text/html");
            assertThat(c.status()).isEqualTo(303);
            JobStore store = server.bean(JobStore.class);
            assertThat(store.find(id).orElseThrow().cancelled()).isTrue();
            WebClient.Response bad = alice.postForm("/jobs", Map.of("_csrf", csrf, "spec", "name: x\ntasks: 3\n"),
                    "Accept", "text/html");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("&quot;tasks&quot; must be a list");
            WebClient.Response sched = alice.postForm("/jobs", Map.of("_csrf", csrf, "spec", "name: daily\n"
                    + "schedule: \"0 5 * * *\"\ntasks:\n  - template: brief\n    topic: convoy\n"), "Accept", "text/html");
            assertThat(sched.status()).isEqualTo(200);
            assertThat(sched.body()).contains("Scheduled &quot;daily&quot;").contains("0 5 * * *");
        }
    }

    @Test
    void a_job_can_be_cancelled_and_its_queued_tasks_do_not_run() throws Exception {
        Path data = JobFixtures.corpusOnly(tmp);
        try (TestServer server = TestServer.start(data, true, null)) {
            server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", "correct horse battery staple 1");
            ApiClient alice = ApiClient.of(server, "alice");
            String body = JobFixtures.job("long", "alice", 40, null);
            String id = alice.post("/api/jobs", body).json().get("id").asText();
            ApiClient.Reply c = alice.post("/api/jobs/" + id + "/cancel", "{}");
            assertThat(c.status()).as(c.body()).isEqualTo(200);
            assertThat(c.json().get("status").asText()).isEqualTo("cancelled");
            JsonNode job = alice.awaitFinished(id);
            assertThat(job.get("status").asText()).isEqualTo("cancelled");
            long cancelled = 0;
            for (JsonNode t : job.get("tasks")) {
                if (t.get("status").asText().equals("cancelled")) {
                    cancelled++;
                }
            }
            assertThat(cancelled).isGreaterThan(30);
        }
    }
}

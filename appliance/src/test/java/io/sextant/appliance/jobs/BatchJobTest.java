package io.sextant.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.testing.ConsoleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchJobTest {

    @TempDir
    Path tmp;

    @Test
    void a_job_of_twenty_tasks_completes_a_failing_task_fails_alone_and_resubmitting_redoes_nothing()
            throws Exception {
        Path data = JobFixtures.dataDir(tmp);
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Path file = tmp.resolve("job.json");
        Files.writeString(file, JobFixtures.job("morning-products", "alice", 20, outDir,
                "{\"template\": \"nope\", \"topic\": \"convoy\", \"out\": \"" + outDir.resolve("bad.md") + "\"}",
                "{\"template\": \"sitrep\", \"topic\": \"convoy\", \"scope\": \"from=yesterday\", \"out\": \""
                        + outDir.resolve("badscope.md") + "\"}"));

        long t0 = System.nanoTime();
        ConsoleRun r = ConsoleRun.run(data, "batch", file.toString(), "--workers", "4");
        System.out.printf("batch of 22 tasks (extractive engine, 4 workers): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("[22/22] 100%").contains("20 done, 2 failed")
                .contains("no template named 'nope'").contains("bad scope");
        try (Stream<Path> s = Files.list(outDir)) {
            List<Path> outputs = s.sorted().toList();
            assertThat(outputs).hasSize(20);
            for (Path p : outputs) {
                if (p.toString().endsWith(".md")) {
                    List<String> lines = Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList();
                    assertThat(lines.getFirst()).as(p.toString()).isIn("SECRET//NOFORN", "UNCLASSIFIED");
                    assertThat(lines.getLast()).isEqualTo(lines.getFirst());
                }
            }
        }
        Map<Path, FileTime> times = new HashMap<>();
        try (Stream<Path> s = Files.list(outDir)) {
            for (Path p : s.toList()) {
                times.put(p, Files.getLastModifiedTime(p));
            }
        }
        assertThat(ConsoleRun.run(data, "audit", "tail", "-n", "30").out()).contains("JOB");

        ConsoleRun again = ConsoleRun.run(data, "batch", file.toString(), "--json");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.out()).contains("\"status\" : \"failed\"").contains("\"finished\" : 22");
        for (Map.Entry<Path, FileTime> e : times.entrySet()) {
            assertThat(Files.getLastModifiedTime(e.getKey())).as(e.getKey().toString()).isEqualTo(e.getValue());
        }
        ConsoleRun list = ConsoleRun.run(data, "batch", "--list");
        assertThat(list.out().lines().filter(l -> l.contains("morning-products")).count()).isEqualTo(1);
    }

    @Test
    void a_job_runs_with_its_users_clearance_and_a_finished_one_is_not_cancelled() throws Exception {
        Path data = JobFixtures.dataDir(tmp);
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Path file = tmp.resolve("job.yaml");
        Files.writeString(file, "name: gbr\nuser: bob\ntasks:\n  - template: sitrep\n    topic: convoy trucks on Route 7\n"
                + "    out: " + outDir.resolve("gbr.md") + "\n");
        ConsoleRun r = ConsoleRun.run(data, "batch", file.toString());
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        String text = Files.readString(outDir.resolve("gbr.md"));
        assertThat(text).doesNotContain("NOFORN").doesNotContain(io.sextant.appliance.corpus.MarkedCorpus.HIDDEN_FACT);

        String id = r.out().lines().filter(l -> l.startsWith("job ")).findFirst().orElseThrow().split(" ")[1];
        ConsoleRun c = ConsoleRun.run(data, "batch", "--cancel", id);
        assertThat(c.status()).isZero();
        assertThat(c.out()).contains("has finished: nothing to cancel");
        assertThat(ConsoleRun.run(data, "batch", "--list").out()).contains(id + "  done");
        assertThat(ConsoleRun.run(data, "batch", "--cancel", "no-such-job").status()).isEqualTo(2);
    }
}

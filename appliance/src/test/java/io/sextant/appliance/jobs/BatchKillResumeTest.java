package io.sextant.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.appliance.testing.ConsoleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchKillResumeTest {

    private static final int TASKS = 30;

    @TempDir
    Path tmp;

    @Test
    void after_kill_minus_nine_rerunning_the_cli_finishes_the_rest_without_redoing_or_duplicating() throws Exception {
        Path data = JobFixtures.dataDir(tmp);
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Path file = tmp.resolve("job.json");
        Files.writeString(file, JobFixtures.job("nightly", "alice", TASKS, outDir));

        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaCmd, "-cp", System.getProperty("java.class.path"),
                "io.sextant.appliance.Sextant", "batch", file.toString(), "--data-dir", data.toString(),
                "--workers", "2"));
        Path log = tmp.resolve("first-run.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (outputs(outDir).size() < 4 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the first run ended before it could be killed:\n" + Files.readString(log))
                .isTrue();
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no commit of what was in flight
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Map<Path, String> doneBefore = new LinkedHashMap<>();
        Map<Path, FileTime> timesBefore = new LinkedHashMap<>();
        int runningBefore;
        try (Database db = Database.open(new DataDir(data))) {
            JobRecord job = JobStore.open(db.dataSource()).list("alice", 10).getFirst();
            assertThat(job.finished()).isFalse();
            for (TaskRecord t : job.tasks()) {
                if (t.status().equals(TaskRecord.DONE)) {
                    doneBefore.put(Path.of(t.out()), sha256(Path.of(t.out())));
                    timesBefore.put(Path.of(t.out()), Files.getLastModifiedTime(Path.of(t.out())));
                }
            }
            runningBefore = (int) job.tasks().stream().filter(t -> t.status().equals(TaskRecord.RUNNING)).count();
        }
        System.out.printf("killed with %d tasks done and %d running of %d%n", doneBefore.size(), runningBefore,
                TASKS);
        assertThat(doneBefore).isNotEmpty().hasSizeLessThan(TASKS);
        Thread.sleep(1100); // a redone file would get a later mtime

        ConsoleRun again = ConsoleRun.run(data, "batch", file.toString(), "--workers", "2");
        assertThat(again.status()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("(resumed)").contains(TASKS + " done, 0 failed");

        List<Path> all = outputs(outDir);
        assertThat(all).hasSize(TASKS);
        try (Stream<Path> s = Files.list(outDir)) {
            assertThat(s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".") || n.endsWith(".tmp")))
                    .as("temporary files left behind").isEmpty();
        }
        for (Map.Entry<Path, String> e : doneBefore.entrySet()) {
            assertThat(sha256(e.getKey())).as(e.getKey().toString()).isEqualTo(e.getValue());
            assertThat(Files.getLastModifiedTime(e.getKey())).isEqualTo(timesBefore.get(e.getKey()));
        }
        try (Database db = Database.open(new DataDir(data))) {
            List<JobRecord> jobs = JobStore.open(db.dataSource()).list("alice", 10);
            assertThat(jobs).hasSize(1);
            assertThat(jobs.getFirst().status()).isEqualTo(TaskRecord.DONE);
        }
    }

    private static List<Path> outputs(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(x -> !x.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}

package io.sextant.appliance.bench;

import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.jobs.JobFile;
import io.sextant.appliance.jobs.JobRecord;
import io.sextant.appliance.jobs.LocalJobs;
import io.sextant.appliance.jobs.TaskRecord;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.LockoutPolicy;
import io.sextant.appliance.security.PasswordHasher;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.audit.H2AuditLog;
import io.sextant.inference.gguf.GgmlType;
import io.sextant.inference.gguf.testing.TinyLlama;
import io.sextant.inference.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Batch-job benchmark (not a test): tasks per minute of a drafting job (the four bundled templates in turn, on the
 * marked corpus, Markdown output) with the extractive engine and with the tiny random-weight GGUF through the real
 * llama.cpp path, at 1 and 4 workers. The model is written with an 8192-token trained context, so 4 workers get 4
 * llama.cpp slots of 2048 tokens each. Each run is a fresh job; the figure counts every finished task (done or
 * failed: the random-weight model's text is often refused by the guard, which is work done all the same).
 *
 * <p>Run from the repository root: {@code appliance/bin/batchbench [extractive-tasks] [tiny-tasks]}.
 */
public final class BatchBench {

    private BatchBench() {
    }

    /**
     * @param args extractive task count (default 40; 0 skips), tiny-model task count (default 12)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int extractiveTasks = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int tinyTasks = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Path tmp = Files.createTempDirectory("batchbench");
        System.out.printf(Locale.ROOT, "BatchBench on %d cores (%s %s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"));

        Path extractive = prepare(tmp.resolve("extractive"), false);
        Path tiny = prepare(tmp.resolve("tiny"), true);
        List<String> rows = new ArrayList<>();
        for (int workers : extractiveTasks > 0 ? new int[] {1, 4} : new int[0]) {
            rows.add(run("extractive", extractive, workers, extractiveTasks));
        }
        for (int workers : new int[] {1, 4}) {
            rows.add(run("tiny GGUF (random weights, F32, 2 layers)", tiny, workers, tinyTasks));
        }
        System.out.println();
        System.out.println("| engine | workers | tasks | done | failed | wall s | tasks/min |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static Path prepare(Path dir, boolean withModel) throws Exception {
        Path data = dir.resolve("data");
        MarkedCorpus.ingest(data, dir.resolve("docs")).close();
        try (Database db = Database.open(new DataDir(data))) {
            Clock clock = Clock.systemUTC();
            new Accounts(db.dataSource(), new PasswordHasher(), new H2AuditLog(db.dataSource(), clock),
                    LockoutPolicy.DEFAULT, clock).create("alice", Role.ANALYST, "level=S;country=USA", null, "bench",
                    null);
        }
        if (withModel) {
            Path model = TinyLlama.write(dir.resolve("tiny.gguf"), new TinyLlama.Spec(64, 2, 4, 4, 128, 8192, 300,
                    GgmlType.F32, TinyLlama.CHATML_TEMPLATE, 1));
            ModelRegistry registry = ModelRegistry.forDataDir(data);
            registry.importModel(model, "tiny", null, false);
            registry.setDefault("tiny");
        }
        return data;
    }

    private static String run(String engine, Path data, int workers, int tasks) throws Exception {
        String[] templates = {"sitrep", "intsum", "pir", "brief"};
        String[] topics = {"convoy movements on Route 7", "convoy trucks on Route 7", "fuel trucks",
            "port and harbour shipping"};
        StringBuilder json = new StringBuilder("{\"name\": \"bench-" + workers + "-" + System.nanoTime()
                + "\", \"user\": \"alice\", \"tasks\": [");
        for (int i = 0; i < tasks; i++) {
            json.append(i == 0 ? "" : ",").append("{\"template\": \"").append(templates[i % 4])
                    .append("\", \"topic\": \"").append(topics[i % 4]).append("\"}");
        }
        json.append("]}");
        try (LocalJobs local = new LocalJobs(data, Clock.systemUTC(), workers,
                new Engines.Config(0, 2048 * workers, workers, null, null))) {
            String kind = local.engines.status().info().kind().toString();
            long t0 = System.nanoTime();
            JobRecord job = local.jobs.submit(JobFile.parse(json.toString()), "bench", false).job();
            JobRecord done = local.jobs.await(job.id(), Duration.ofMinutes(30), j -> { });
            double secs = (System.nanoTime() - t0) / 1e9;
            long ok = done.tasks().stream().filter(t -> t.status().equals(TaskRecord.DONE)).count();
            String row = String.format(Locale.ROOT, "| %s [%s] | %d | %d | %d | %d | %.1f | %.1f |", engine, kind,
                    workers, tasks, ok, done.failedCount(), secs, done.finishedCount() / secs * 60);
            System.out.println(row);
            done.tasks().stream().filter(t -> t.error() != null).map(TaskRecord::error).distinct().limit(3)
                    .forEach(e -> System.out.println("   failure: " + e));
            return row;
        }
    }
}

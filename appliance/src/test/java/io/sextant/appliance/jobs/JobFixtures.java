package io.sextant.appliance.jobs;

import io.sextant.appliance.corpus.MarkedCorpus;
import io.sextant.appliance.testing.ConsoleRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Data directories and job files for the batch tests. */
final class JobFixtures {

    static final List<String> TEMPLATES = List.of("sitrep", "intsum", "pir", "brief");
    static final List<String> TOPICS = List.of("convoy movements on Route 7", "convoy movements", "fuel trucks",
            "convoy trucks on Route 7", "port and harbour shipping");

    private JobFixtures() {
    }

    /** A data directory with the marked corpus and users alice (US S) and bob (GBR S). */
    static Path dataDir(Path tmp) throws IOException {
        Path data = corpusOnly(tmp);
        check(ConsoleRun.run(data, "users", "add", "alice", "--role", "analyst", "--clearance", "level=S;country=USA"));
        check(ConsoleRun.run(data, "users", "add", "bob", "--role", "analyst", "--clearance", "level=S;country=GBR"));
        return data;
    }

    /** A data directory with the marked corpus and no users. */
    static Path corpusOnly(Path tmp) throws IOException {
        Path data = tmp.resolve("data");
        check(ConsoleRun.run(data, "ingest", "--marking", "(U)", MarkedCorpus.write(tmp.resolve("docs")).toString()));
        return data;
    }

    private static void check(ConsoleRun r) {
        if (r.status() != 0) {
            throw new IllegalStateException(r.err());
        }
    }

    /**
     * @param name   the job name
     * @param user   the user
     * @param count  how many good tasks
     * @param outDir where outputs go (null: the job folder)
     * @param extra  extra task objects (JSON), e.g. failing ones
     * @return the job file text
     */
    static String job(String name, String user, int count, Path outDir, String... extra) {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String template = TEMPLATES.get(i % TEMPLATES.size());
            String format = i % 10 == 9 ? "docx" : "md";
            String out = outDir == null ? "" : ", \"out\": \"" + outDir.resolve(String.format("%02d-%s.%s", i, template,
                    format)).toString().replace("\\", "\\\\") + "\"";
            tasks.add("{\"template\": \"" + template + "\", \"topic\": \"" + TOPICS.get(i % TOPICS.size()) + "\""
                    + out + ", \"format\": \"" + format + "\"}");
        }
        tasks.addAll(List.of(extra));
        return "{\"name\": \"" + name + "\", \"user\": \"" + user + "\", \"tasks\": [\n  "
                + String.join(",\n  ", tasks) + "\n]}";
    }
}

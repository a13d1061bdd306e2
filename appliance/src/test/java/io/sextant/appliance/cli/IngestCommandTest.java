package io.sextant.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sextant ingest} and {@code sextant status} end to end on a real data directory (children, H2). */
class IngestCommandTest {
    @TempDir
    Path tmp;

    @Test
    void ingest_prints_one_json_object_and_status_counts_what_was_stored() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), "(U) Alpha paragraph.\n\n(C) Bravo paragraph.");
        Files.writeString(in.resolve("b.txt"), "Unmarked text, takes the declared marking.");
        Files.write(in.resolve("broken.pdf"), new byte[0]);
        String data = tmp.resolve("data").toString();

        Run r = run("--data-dir", data, "ingest", "--json", "--marking", "(U//FOUO)", "--workers", "1",
                in.toString());
        assertThat(r.status).as(r.err).isZero();
        assertThat(r.out.strip()).startsWith("{\"files\": 3, \"ingested\": 2, \"duplicates\": 0, \"quarantined\": 1, "
                + "\"quarantine\": [{\"path\": ").contains("broken.pdf\", \"reason\": \"no text\"}]")
                .containsPattern("\"passages\": [1-9][0-9]*, \"seconds\": [0-9.]+}$");
        assertThat(r.out.strip().lines()).hasSize(1);

        Run again = run("--data-dir", data, "ingest", "--json", "--marking", "(U//FOUO)", "--workers", "1",
                in.resolve("a.txt").toString());
        assertThat(again.out).contains("\"files\": 1, \"ingested\": 0, \"duplicates\": 1");

        Run status = run("--data-dir", data, "status", "--json");
        assertThat(status.status).isZero();
        assertThat(status.out).contains("\"documents\": 2", "\"quarantined\": 1", "\"unfinishedJobs\": 0");
    }

    @Test
    void usage_errors_exit_with_status_2_and_bad_files_never_do() throws IOException {
        Path f = Files.writeString(tmp.resolve("x.txt"), "text");
        String data = tmp.resolve("d").toString();
        assertThat(run("--data-dir", data, "ingest", f.toString()).status).isEqualTo(2);
        Run bad = run("--data-dir", data, "ingest", "--marking", "(S//NOPE)", f.toString());
        assertThat(bad.status).isEqualTo(2);
        assertThat(bad.err).contains("invalid --marking at character");
        assertThat(run("--data-dir", data, "ingest", "--marking", "(U)", tmp.resolve("missing").toString()).status)
                .isEqualTo(2);
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SextantCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}

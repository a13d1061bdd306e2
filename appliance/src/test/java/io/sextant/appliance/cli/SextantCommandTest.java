package io.sextant.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SextantCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = SextantCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void helpListsTheSubcommandsAndTheDataDirOption() {
        Run r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--data-dir").contains("serve");
    }

    @Test
    void versionComesFromTheBuild() {
        Run r = run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("sextant ").doesNotContain("unknown").doesNotContain("${");
    }

    @Test
    void unknownSubcommandIsAUsageErrorWithStatus2() {
        Run r = run("frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
    }

    @Test
    void dataDirIsInheritedBySubcommands() {
        CommandLine cl = SextantCommand.commandLine();
        cl.parseArgs("serve", "--data-dir", "/tmp/sextant-x");
        SextantCommand root = cl.getCommand();
        assertThat(root.dataDir()).isEqualTo(Path.of("/tmp/sextant-x"));
    }
}

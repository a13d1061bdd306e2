package io.sextant.appliance.testing;

import io.sextant.appliance.cli.SextantCommand;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * One {@code sextant} console command run in-process against a data directory.
 *
 * @param status exit status
 * @param out standard output
 * @param err standard error
 */
public record ConsoleRun(int status, String out, String err) {

    /**
     * @param dataDir the data directory
     * @param args the command after {@code --data-dir DIR}
     * @return what it did
     */
    public static ConsoleRun run(Path dataDir, String... args) {
        return inProcess(dataDir, args);
    }

    /**
     * Runs the command in a separate JVM, as a system administrator would beside a running server: proves that the
     * database is shared across processes (H2 AUTO_SERVER).
     *
     * @param dataDir the data directory
     * @param args the command after {@code --data-dir DIR}
     * @return what it did
     * @throws Exception when the JVM cannot be started
     */
    public static ConsoleRun inNewJvm(Path dataDir, String... args) throws Exception {
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaCmd, "-cp",
                System.getProperty("java.class.path"), "io.sextant.appliance.Sextant", "--data-dir",
                dataDir.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("sextant-cli", ".out");
        Path err = Files.createTempFile("sextant-cli", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("sextant " + String.join(" ", args) + " did not finish");
            }
            return new ConsoleRun(p.exitValue(), Files.readString(out),
                    Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static ConsoleRun inProcess(Path dataDir, String... args) {
        CommandLine cl = SextantCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 2];
        full[0] = "--data-dir";
        full[1] = dataDir.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return new ConsoleRun(cl.execute(full), out.toString(), err.toString());
    }
}

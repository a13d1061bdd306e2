package io.sextant.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program (rpm, the installed launcher, the build scripts) to completion and keeps what it printed:
 * these tests check real tools, so every failure message carries the command and its output.
 *
 * @param command the program and its arguments
 * @param exit the exit status
 * @param stdout what it wrote to standard output
 * @param stderr what it wrote to standard error
 */
record Command(List<String> command, int exit, String stdout, String stderr) {

    /** Longest any one command may take: the slowest is an rpmbuild of the whole class path. */
    private static final long TIMEOUT_SECONDS = 300;

    /**
     * Runs a command with the test's environment.
     *
     * @param command the program and its arguments
     * @return the finished command
     */
    static Command run(String... command) {
        return run(Map.of(), false, command);
    }

    /**
     * Runs a command.
     *
     * @param env variables to set (over the test's environment, or over a minimal one)
     * @param cleanEnv start from a minimal environment (PATH=/usr/bin:/bin, no JAVA_HOME) instead of the test's
     * @param command the program and its arguments
     * @return the finished command
     */
    static Command run(Map<String, String> env, boolean cleanEnv, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (cleanEnv) {
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
            pb.environment().put("LANG", "C.UTF-8");
        }
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile("cmd", ".out");
            Path err = Files.createTempFile("cmd", ".err");
            try {
                pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
                Process p = pb.start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
                }
                return new Command(List.of(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        }
    }

    /**
     * Fails unless the command exited with status 0.
     *
     * @return this command, for chaining
     */
    Command ok() {
        if (exit != 0) {
            throw new AssertionError(describe("exited with " + exit));
        }
        return this;
    }

    /**
     * Says what ran and what it printed, for failure messages.
     *
     * @param what the complaint
     * @return a message with the command line and both outputs
     */
    String describe(String what) {
        return String.join(" ", command) + " " + what + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }

    /**
     * The standard output split into lines.
     *
     * @return the lines of stdout
     */
    List<String> lines() {
        return stdout.lines().toList();
    }
}

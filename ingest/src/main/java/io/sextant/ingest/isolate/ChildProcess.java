package io.sextant.ingest.isolate;

import io.sextant.ingest.ExtractionLimits;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One child JVM and its pipes; owned by one thread at a time through the pool. */
final class ChildProcess implements AutoCloseable {
    /** Exit status of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OOM_EXIT = 3;

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream responses;
    private final Path scratch;

    private ChildProcess(Process process, Path scratch) {
        this.process = process;
        this.scratch = scratch;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.responses = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    static ChildProcess start(IsolationSettings settings, ExtractionLimits limits, int serial) {
        try {
            Path scratch = settings.scratchDir().resolve("ingest-child-" + ProcessHandle.current().pid() + "-" + serial);
            deleteTree(scratch);
            Files.createDirectories(scratch);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx" + settings.maxHeapMb() + "m");
            cmd.add("-Xss4m");
            cmd.add("-XX:+ExitOnOutOfMemoryError");
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-Djava.awt.headless=true");
            cmd.add("-Djava.io.tmpdir=" + scratch);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(settings.mainClass());
            cmd.add(Long.toString(limits.maxFileBytes()));
            cmd.add(Integer.toString(limits.maxChars()));
            cmd.add(Integer.toString(limits.maxEmbeddedDepth()));
            cmd.add(Integer.toString(limits.maxEmbeddedResources()));
            cmd.add(Long.toString(limits.maxCompressionRatio()));
            cmd.add(Boolean.toString(settings.ocr()));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.redirectError(scratch.resolveSibling(scratch.getFileName() + ".log").toFile());
            ChildProcess child = new ChildProcess(pb.start(), scratch);
            if (child.responses.readInt() != ExtractorChild.READY) {
                child.close();
                throw new IOException("child did not start: bad greeting");
            }
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start parsing child", e);
        }
    }

    DataOutputStream requests() {
        return requests;
    }

    DataInputStream responses() {
        return responses;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits briefly for the child's exit status after its pipe broke.
     *
     * @return the exit status, or -1 if it is still running
     */
    int exitStatus() {
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** Kills the child at once and removes its scratch directory. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(scratch);
    }

    /** Ends the child politely (stdin closed), then forcibly. */
    void shutdown() {
        try {
            requests.close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteTree(scratch);
        // A child that ended normally leaves no log behind; a killed or crashed one keeps it for diagnosis.
        scratch.resolveSibling(scratch.getFileName() + ".log").toFile().delete();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (NoSuchFileException e) {
            // The child removed its scratch itself while it was exiting: nothing is left to clean.
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw new UncheckedIOException("cannot clean scratch " + dir, e.getCause());
            }
            deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean scratch " + dir, e);
        }
    }
}

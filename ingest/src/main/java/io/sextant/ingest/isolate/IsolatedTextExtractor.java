package io.sextant.ingest.isolate;

import io.sextant.ingest.Extraction;
import io.sextant.ingest.ExtractionLimits;
import io.sextant.ingest.QuarantineReason;
import io.sextant.ingest.TextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TextExtractor} that parses in a pool of child JVMs so that no parser failure reaches the calling process.
 * Thread-safe: up to {@code poolSize} files are parsed at once; further callers wait for a free child. A child that
 * times out is killed and replaced; one that dies (crash, out of memory) is replaced, and its file is quarantined.
 */
public final class IsolatedTextExtractor implements TextExtractor {
    private final IsolationSettings settings;
    private final ExtractionLimits limits;
    private final ConcurrentLinkedQueue<ChildProcess> idle = new ConcurrentLinkedQueue<>();
    private final Semaphore permits;
    private final AtomicInteger serial = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;

    /**
     * Creates the pool; children start on first use.
     *
     * @param settings pool size, heap, scratch directory
     * @param limits per-file limits (the timeout is enforced here, the rest inside the child)
     */
    public IsolatedTextExtractor(IsolationSettings settings, ExtractionLimits limits) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.permits = new Semaphore(settings.poolSize(), true);
        removeStaleScratch(settings.scratchDir());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sextant-ingest-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** Scratch directories of children whose parent process died (kill -9) are removed. */
    private static void removeStaleScratch(Path scratch) {
        if (!Files.isDirectory(scratch)) {
            return;
        }
        try (var entries = Files.list(scratch)) {
            for (Path p : entries.toList()) {
                String[] name = p.getFileName().toString().split("-");
                if (name.length >= 4 && name[0].equals("ingest") && name[1].equals("child")) {
                    try {
                        long pid = Long.parseLong(name[2]);
                        if (ProcessHandle.of(pid).isEmpty()) {
                            if (Files.isDirectory(p)) {
                                ChildProcess.deleteTree(p);
                            } else {
                                Files.deleteIfExists(p);
                            }
                        }
                    } catch (NumberFormatException ignored) {
                        // not one of ours
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clean scratch " + scratch, e);
        }
    }

    /**
     * How many children were killed or died and had to be replaced.
     *
     * @return the count since creation
     */
    public int restarts() {
        return restarts.get();
    }

    /** Starts every child now, so that a benchmark or a batch does not pay start-up inside its first files. */
    public void warmUp() {
        for (int i = idle.size(); i < settings.poolSize(); i++) {
            idle.offer(ChildProcess.start(settings, limits, serial.incrementAndGet()));
        }
    }

    @Override
    public Extraction extract(Path file) {
        if (closed) {
            throw new IllegalStateException("extractor closed");
        }
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                return Extraction.failed(QuarantineReason.TOO_LARGE, size + " bytes > limit " + limits.maxFileBytes());
            }
        } catch (IOException e) {
            return Extraction.failed(QuarantineReason.CORRUPT, "unreadable: " + e.getClass().getSimpleName());
        }
        permits.acquireUninterruptibly();
        try {
            ChildProcess child = idle.poll();
            if (child == null) {
                child = ChildProcess.start(settings, limits, serial.incrementAndGet());
            }
            return extractIn(child, file);
        } finally {
            permits.release();
        }
    }

    private Extraction extractIn(ChildProcess child, Path file) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> kill = watchdog.schedule(() -> {
            timedOut.set(true);
            child.close();
        }, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            child.requests().writeInt(ExtractorChild.REQUEST);
            WireFormat.writeString(child.requests(), file.toAbsolutePath().toString());
            child.requests().flush();
            Extraction result = WireFormat.readExtraction(child.responses());
            if (kill.cancel(false)) {
                idle.offer(child);
                return result;
            }
            retire(child);
            return Extraction.failed(QuarantineReason.TIMEOUT, "no result within " + limits.timeout());
        } catch (IOException | RuntimeException e) {
            kill.cancel(false);
            if (timedOut.get()) {
                retire(child);
                return Extraction.failed(QuarantineReason.TIMEOUT, "no result within " + limits.timeout());
            }
            int status = child.exitStatus();
            retire(child);
            if (status == ChildProcess.OOM_EXIT) {
                return Extraction.failed(QuarantineReason.TOO_LARGE, "parser ran out of memory ("
                        + settings.maxHeapMb() + " MB heap)");
            }
            return Extraction.failed(QuarantineReason.CORRUPT, "parser process died (exit " + status + ")");
        }
    }

    private void retire(ChildProcess child) {
        restarts.incrementAndGet();
        child.close();
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        for (ChildProcess c; (c = idle.poll()) != null; ) {
            c.shutdown();
        }
    }
}

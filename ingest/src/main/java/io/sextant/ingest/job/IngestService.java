package io.sextant.ingest.job;

import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.Extraction;
import io.sextant.ingest.PassageSink;
import io.sextant.ingest.TextExtractor;
import io.sextant.ingest.chunk.StructureChunker;
import io.sextant.ingest.marking.MarkingAnalyzer;
import io.sextant.ingest.store.IngestStore;
import io.sextant.ingest.store.JobItem;
import io.sextant.ingest.store.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs ingest jobs. A job is planned once (every file recorded as pending), then each file is extracted, marked,
 * chunked and committed in its own transaction; rerunning the same command continues the same job, and any other
 * unfinished job is completed first. Bad files are quarantined and never stop the batch.
 */
public final class IngestService {
    private final IngestStore store;
    private final TextExtractor extractor;
    private final FileIngester ingester;
    private final PassageSink sink;
    private final int parallelism;
    private final MarkingParser parser;

    /**
     * Wires a service.
     *
     * @param store the database
     * @param extractor extraction (isolated in production)
     * @param parser the guard's marking parser
     * @param chunker passage chunker
     * @param sink the index that consumes passages (fed from the store's outbox after each commit), or null when no
     *     index runs in this process: the outbox then keeps every change until an index drains it
     * @param parallelism files processed at once
     */
    public IngestService(IngestStore store, TextExtractor extractor, MarkingParser parser, StructureChunker chunker,
            PassageSink sink, int parallelism) {
        this.store = Objects.requireNonNull(store, "store");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.ingester = new FileIngester(new MarkingAnalyzer(parser), Objects.requireNonNull(chunker, "chunker"));
        this.sink = sink;
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * Ingests files and folders (walked recursively, links not followed).
     *
     * @param roots files and folders
     * @param request collection and markings
     * @param listener progress
     * @return the job's totals
     * @throws IllegalArgumentException when a root does not exist
     */
    public IngestReport ingest(List<Path> roots, IngestRequest request, ProgressListener listener) {
        long t0 = System.nanoTime();
        List<Path> abs = new ArrayList<>();
        for (Path r : roots) {
            Path a = r.toAbsolutePath().normalize();
            if (!Files.exists(a)) {
                throw new IllegalArgumentException("no such file or folder: " + r);
            }
            abs.add(a);
        }
        String declared = request.declared() == null ? null : MarkingFormatter.banner(request.declared());
        String signature = signature(abs, request.collection(), declared);
        OptionalLong existing = store.unfinishedJob(signature);
        int resumed = 0;
        for (long other : store.unfinishedJobs()) {
            if (existing.isEmpty() || other != existing.getAsLong()) {
                runJob(other, requestOf(other, request), listener);
                resumed++;
            }
        }
        long jobId = existing.isPresent() ? existing.getAsLong()
                : store.createJob(signature, request.collection(), declared,
                        String.join("\n", abs.stream().map(Path::toString).toList()), plan(abs));
        runJob(jobId, request, listener);
        return new IngestReport(jobId, store.summary(jobId), (System.nanoTime() - t0) / 1e9, resumed);
    }

    /**
     * Completes every unfinished job (e.g. after a crash) without starting a new one.
     *
     * @param defaults site defaults for jobs (system high)
     * @param listener progress
     * @return number of jobs completed
     */
    public int resumeUnfinished(IngestRequest defaults, ProgressListener listener) {
        int n = 0;
        for (long id : store.unfinishedJobs()) {
            runJob(id, requestOf(id, defaults), listener);
            n++;
        }
        return n;
    }

    private IngestRequest requestOf(long jobId, IngestRequest defaults) {
        String[] params = store.jobParameters(jobId);
        return new IngestRequest(params[0], params[1] == null ? null : parser.parseBanner(params[1]).marking(),
                defaults.systemHigh() != null ? defaults.systemHigh() : defaults.fallback());
    }

    private void runJob(long jobId, IngestRequest request, ProgressListener listener) {
        drain();
        List<JobItem> pending = store.pendingItems(jobId);
        listener.planned(pending.size(), pending.stream().mapToLong(JobItem::bytes).sum());
        AtomicInteger serial = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "sextant-ingest-" + jobId + "-" + serial.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (JobItem item : pending) {
                futures.add(pool.submit(() -> processItem(item, request, listener)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted; the job resumes on the next run", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ingest stopped; the job resumes on the next run: "
                    + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        store.finishJob(jobId);
        drain();
    }

    private void processItem(JobItem item, IngestRequest request, ProgressListener listener) {
        Path file = item.path();
        if (!Files.isRegularFile(file)) {
            store.commitQuarantine(item, "", io.sextant.ingest.QuarantineReason.CORRUPT, "file vanished");
            listener.fileDone(file, Outcome.QUARANTINED, item.bytes(), 0, "corrupt");
            return;
        }
        Extraction extraction = extractor.extract(file);
        if (extraction.failure() != null) {
            store.commitQuarantine(item, sha256(file), extraction.failure(), extraction.detail());
            listener.fileDone(file, Outcome.QUARANTINED, item.bytes(), 0, extraction.failure().label());
            return;
        }
        FileIngester.Prepared prepared = ingester.prepare(extraction, request);
        int passages = prepared.documents().stream().mapToInt(d -> d.passages().size()).sum();
        Outcome outcome = store.commitFile(item, request.collection(), extraction.parts().get(0).sha256(),
                item.bytes(), prepared.documents(), prepared.failures());
        drain();
        listener.fileDone(file, outcome, item.bytes(), outcome == Outcome.INGESTED ? passages : 0, null);
    }

    private void drain() {
        if (sink != null) {
            store.drainOutbox(sink);
        }
    }

    private static List<JobItem> plan(List<Path> roots) {
        List<JobItem> items = new ArrayList<>();
        for (Path root : roots) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + root, e);
                }
            } else {
                files.add(root);
            }
            for (Path f : files) {
                long size;
                try {
                    size = Files.size(f);
                } catch (IOException e) {
                    size = 0;
                }
                items.add(new JobItem(0, items.size(), f, size));
            }
        }
        return items;
    }

    private static String signature(List<Path> roots, String collection, String declared) {
        List<String> sorted = roots.stream().map(Path::toString).sorted().toList();
        return hex(digest().digest((collection + "\n" + declared + "\n" + String.join("\n", sorted))
                .getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(Path file) {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            return "";
        }
        return hex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}

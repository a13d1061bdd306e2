package io.sextant.ingest.bench;

import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.Extraction;
import io.sextant.ingest.ExtractionLimits;
import io.sextant.ingest.Passage;
import io.sextant.ingest.TextExtractor;
import io.sextant.ingest.chunk.ChunkSettings;
import io.sextant.ingest.chunk.StructureChunker;
import io.sextant.ingest.isolate.IsolatedTextExtractor;
import io.sextant.ingest.isolate.IsolationSettings;
import io.sextant.ingest.marking.MarkingAnalyzer;
import io.sextant.ingest.marking.MarkingSource;
import io.sextant.ingest.tika.TikaTextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Extraction + marking + chunking throughput on a folder (../shared/eval/corpus), one thread and all cores, in-process
 * and isolated in child JVMs; the isolation overhead per file over 100 kB. A benchmark, not a test: run it by hand.
 *
 * <p>Usage: {@code IngestBenchmark <folder> [rounds]}
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    /**
     * Runs the benchmark and prints a report.
     *
     * @param args folder and optional number of measured rounds (default 2)
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".pdf") || p.toString().endsWith(".txt")).sorted().toList();
        }
        List<Path> pdfs = files.stream().filter(p -> p.toString().endsWith(".pdf")).toList();
        List<Path> big = files.stream().filter(p -> size(p) > 100_000).toList();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "corpus: %d files, %.1f MB (%d PDFs, %.1f MB); %d cores; JDK %s%n",
                files.size(), mb(files), pdfs.size(), mb(pdfs), cores, System.getProperty("java.version"));
        TikaTextExtractor inProcess = new TikaTextExtractor(ExtractionLimits.DEFAULTS, false);
        run("warm-up in-process", inProcess, files, 1, 1);
        run("in-process, 1 thread, all files", inProcess, files, 1, rounds);
        double pdf1 = run("in-process, 1 thread, PDFs", inProcess, pdfs, 1, rounds);
        run("in-process, " + cores + " threads, all files", inProcess, files, cores, rounds);
        Path scratch = Files.createTempDirectory("sextant-bench");
        try (IsolatedTextExtractor one = new IsolatedTextExtractor(IsolationSettings.of(1, 1024, scratch, false),
                ExtractionLimits.DEFAULTS);
                IsolatedTextExtractor pool = new IsolatedTextExtractor(IsolationSettings.of(cores, 1024, scratch,
                        false), ExtractionLimits.DEFAULTS)) {
            one.warmUp();
            pool.warmUp();
            run("warm-up isolated", one, files, 1, 1);
            run("warm-up isolated pool", pool, files, cores, 1);
            run("isolated, 1 child, all files", one, files, 1, rounds);
            double pdfIso = run("isolated, 1 child, PDFs", one, pdfs, 1, rounds);
            run("isolated, " + cores + " children, all files", pool, files, cores, rounds);
            double bigIn = run("in-process, 1 thread, files > 100 kB", inProcess, big, 1, rounds);
            double bigIso = run("isolated, 1 child, files > 100 kB", one, big, 1, rounds);
            System.out.printf(Locale.ROOT, "isolation overhead on files > 100 kB: %+.1f%% (PDFs: %+.1f%%)%n",
                    100 * (bigIn / bigIso - 1), 100 * (pdf1 / pdfIso - 1));
            interleaved(inProcess, one, big, 5);
            Path tiny = Files.writeString(scratch.resolve("tiny.txt"), "(U) One short paragraph of text.");
            double inMs = perFileMillis(inProcess, tiny, 500);
            double isoMs = perFileMillis(one, tiny, 500);
            System.out.printf(Locale.ROOT, "fixed per-file cost on a 32-byte file: in-process %.2f ms, isolated %.2f ms "
                    + "(isolation adds %.2f ms per file)%n", inMs, isoMs, isoMs - inMs);
        }
    }

    /** Processes the files {@code rounds} times; returns MB/s. */
    private static double run(String label, TextExtractor extractor, List<Path> files, int threads, int rounds)
            throws Exception {
        MarkingAnalyzer analyzer = new MarkingAnalyzer(MarkingParser.defaultParser());
        StructureChunker chunker = new StructureChunker(ChunkSettings.DEFAULTS);
        var declared = MarkingParser.defaultParser().parsePortion("(U)").marking();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "bench"));
        long passages = 0;
        long t0 = System.nanoTime();
        try {
            for (int round = 0; round < rounds; round++) {
                List<Future<Integer>> fs = new ArrayList<>();
                for (Path f : files) {
                    fs.add(pool.submit(() -> {
                        Extraction e = extractor.extract(f);
                        int n = 0;
                        for (var part : e.parts()) {
                            List<Passage> ps = chunker.chunk(analyzer.analyze(part.blocks(), declared,
                                    MarkingSource.DECLARED).blocks());
                            n += ps.size();
                        }
                        return n;
                    }));
                }
                for (Future<Integer> f : fs) {
                    passages += f.get();
                }
            }
        } finally {
            pool.shutdown();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double mbps = mb(files) * rounds / secs;
        System.out.printf(Locale.ROOT, "%-45s %7.2f MB/s %7.1f files/s  (%d passages/round, %.1f s)%n", label, mbps,
                files.size() * rounds / secs, passages / rounds, secs);
        return mbps;
    }

    /**
     * Isolation overhead measured robustly on a shared machine: each file alternately in-process and isolated, the
     * median of {@code reps} timings per file and mode, so that load drifting between runs cancels out.
     */
    private static void interleaved(TextExtractor in, TextExtractor iso, List<Path> files, int reps) {
        double sumIn = 0;
        double sumIso = 0;
        for (Path f : files) {
            double[] a = new double[reps];
            double[] b = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                in.extract(f);
                long t1 = System.nanoTime();
                iso.extract(f);
                long t2 = System.nanoTime();
                a[r] = (t1 - t0) / 1e6;
                b[r] = (t2 - t1) / 1e6;
            }
            java.util.Arrays.sort(a);
            java.util.Arrays.sort(b);
            sumIn += a[reps / 2];
            sumIso += b[reps / 2];
            System.out.printf(Locale.ROOT, "  %-55s %8.1f kB  in-process %7.1f ms  isolated %7.1f ms%n",
                    f.getFileName(), size(f) / 1e3, a[reps / 2], b[reps / 2]);
        }
        System.out.printf(Locale.ROOT, "interleaved medians, files > 100 kB: in-process %.0f ms, isolated %.0f ms: "
                + "isolation overhead %+.1f%%%n", sumIn, sumIso, 100 * (sumIso / sumIn - 1));
    }

    /** Mean wall time per extraction of one small file, after a warm-up. */
    private static double perFileMillis(TextExtractor extractor, Path file, int n) {
        for (int i = 0; i < n / 5; i++) {
            extractor.extract(file);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            extractor.extract(file);
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    private static double mb(List<Path> files) {
        return files.stream().mapToLong(IngestBenchmark::size).sum() / 1e6;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}

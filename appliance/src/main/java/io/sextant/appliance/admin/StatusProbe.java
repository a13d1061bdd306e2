package io.sextant.appliance.admin;

import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.grounding.Engines;
import io.sextant.inference.llamacpp.GpuOffload;
import io.sextant.inference.llamacpp.LlamaCppEngine;
import io.sextant.ingest.store.StoreStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Reads the figures of {@link SystemStatus} from the corpus, the engines, the file system and the JVM. */
public final class StatusProbe {

    private final Corpus corpus;
    private final Engines engines;

    /**
     * @param corpus the corpus
     * @param engines the answering engines
     */
    public StatusProbe(Corpus corpus, Engines engines) {
        this.corpus = corpus;
        this.engines = engines;
    }

    /** @return the current figures */
    public SystemStatus read() {
        Path data = corpus.dataDir();
        long free;
        long total;
        try {
            FileStore fs = Files.getFileStore(data);
            free = fs.getUsableSpace();
            total = fs.getTotalSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the data directory's file system", e);
        }
        StoreStatus s = corpus.store().status();
        Engines.Status st = engines.status();
        int gpu = 0;
        int layers = 0;
        if (engines.generator() instanceof LlamaCppEngine llama) {
            GpuOffload off = llama.gpuOffload();
            if (off != null) {
                gpu = off.layersOffloaded();
                layers = off.totalLayers();
            }
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        return new SystemStatus(data.toString(), free, total, sizeOf(data.resolve("index")), s.documents(),
                s.passages(), st.info().kind(), st.model().orElse(null), st.info().contextTokens(),
                st.info().accelerator(), gpu, layers, st.reason().orElse(null), uptime, heap.getUsed(),
                heap.getMax(), "UNCLASSIFIED");
    }

    /**
     * @param dir a directory
     * @return the bytes of the regular files under it (files vanishing while counting are skipped)
     */
    static long sizeOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        AtomicLong sum = new AtomicLong();
        try (Stream<Path> files = Files.walk(dir)) {
            files.forEach(p -> {
                try {
                    if (Files.isRegularFile(p)) {
                        sum.addAndGet(Files.size(p));
                    }
                } catch (NoSuchFileException e) {
                    // a segment merged away while walking
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("measuring " + dir, e);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e;
            }
        }
        return sum.get();
    }
}

package io.sextant.retrieval.index;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one query's segments are searched on. A passage index has several segments (more while ingest is
 * busy), and searching them one after another makes a query's latency their sum; with this executor each
 * {@link org.apache.lucene.search.IndexSearcher} spreads slices of segments over the cores, and the calling thread
 * works on them too, so a busy pool delays a query rather than blocking it. Measured at 1M passages on 2 cores:
 * hybrid p50 6.6 → 3.8 ms (docs/performance.md).
 *
 * <p>Size: {@code -Dsextant.retrieval.search-threads=N} (default: the number of cores; 0 or 1 searches on the calling
 * thread only). Threads are daemons, shared by every index in the process.
 */
public final class SearchThreads {

    private static final int THREADS = Integer.getInteger("sextant.retrieval.search-threads",
            Runtime.getRuntime().availableProcessors());
    private static volatile ExecutorService shared;

    private SearchThreads() {
    }

    /** @return the shared executor, or null when searches run on the calling thread only */
    public static Executor shared() {
        if (THREADS <= 1) {
            return null;
        }
        ExecutorService e = shared;
        if (e == null) {
            synchronized (SearchThreads.class) {
                e = shared;
                if (e == null) {
                    AtomicInteger n = new AtomicInteger();
                    e = Executors.newFixedThreadPool(THREADS, r -> {
                        Thread t = new Thread(r, "sextant-search-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    shared = e;
                }
            }
        }
        return e;
    }
}

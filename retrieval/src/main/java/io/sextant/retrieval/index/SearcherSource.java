package io.sextant.retrieval.index;

import io.sextant.retrieval.security.VisibilityLabels;
import org.apache.lucene.search.IndexSearcher;

/** Where searches get a point-in-time searcher: the live writer's NRT view, or a read-only view of the last commit. */
public interface SearcherSource {

    /** @return a searcher to hand back with {@link #release} */
    IndexSearcher acquire();

    /** @param s a searcher from {@link #acquire()} */
    void release(IndexSearcher s);

    /** @return how clearances map to visibility tokens in this index */
    VisibilityLabels labels();

    /** @return the executor per-user searchers spread segment slices over, or null for the calling thread only */
    default java.util.concurrent.Executor executor() {
        return SearchThreads.shared();
    }
}

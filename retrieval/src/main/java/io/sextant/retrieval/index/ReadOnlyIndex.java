package io.sextant.retrieval.index;

import io.sextant.retrieval.security.VisibilityLabels;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The last commit of an index, opened without a writer: lets the CLI search while the server holds the write lock.
 */
public final class ReadOnlyIndex implements SearcherSource, AutoCloseable {

    private final Directory dir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final VisibilityLabels labels;

    /**
     * @param path   index directory
     * @param labels visibility labelling the index was built with
     * @throws IOException when there is no index at {@code path}
     */
    public ReadOnlyIndex(Path path, VisibilityLabels labels) throws IOException {
        this.dir = FSDirectory.open(path);
        if (!DirectoryReader.indexExists(dir)) {
            dir.close();
            throw new IOException("no index at " + path + " (ingest documents first)");
        }
        this.reader = DirectoryReader.open(dir);
        this.searcher = new IndexSearcher(reader, SearchThreads.shared());
        this.searcher.setSimilarity(PassageIndex.SIMILARITY);
        this.labels = labels;
    }

    @Override
    public IndexSearcher acquire() {
        return searcher;
    }

    @Override
    public void release(IndexSearcher s) {
        // one fixed reader: nothing to give back
    }

    @Override
    public VisibilityLabels labels() {
        return labels;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        dir.close();
    }
}

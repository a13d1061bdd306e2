package io.sextant.retrieval.index;

import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.retrieval.Passage;
import io.sextant.retrieval.embed.Embedder;
import io.sextant.retrieval.security.AccessFilter;
import io.sextant.retrieval.security.ScopedStatistics;
import io.sextant.retrieval.security.VisibilityLabels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;

/**
 * The passage index on disk: one {@link IndexWriter}, near-real-time searchers from a {@link SearcherManager}, and
 * explicit commits. Lucene's commit is atomic (a new segments file is written and fsynced last), so a kill -9 loses at
 * most work since the last commit and never the index; at open the index is checked (checksums and structure) and a
 * damaged one is refused rather than silently served.
 */
public final class PassageIndex implements SearcherSource, AutoCloseable {

    /** BM25 parameters tuned for short passages (Anserini's defaults). */
    public static final BM25Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

    private final Directory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final VisibilityLabels labels;
    private final Embedder embedder;
    private final int dimension;

    /**
     * Opens (or creates) the index.
     *
     * @param path      index directory
     * @param labels    how markings become visibility clauses
     * @param embedder  embeds passages that arrive without a vector (may be null when all carry vectors)
     * @param dimension vector dimension
     * @param vectors   HNSW storage: float or int8 scalar-quantised
     * @throws IOException when the index cannot be opened or fails its check
     */
    public PassageIndex(Path path, VisibilityLabels labels, Embedder embedder, int dimension, VectorStorage vectors)
            throws IOException {
        this.labels = labels;
        this.embedder = embedder;
        this.dimension = dimension;
        Files.createDirectories(path);
        this.dir = FSDirectory.open(path);
        if (DirectoryReader.indexExists(dir)) {
            check(path);
        }
        IndexWriterConfig cfg = new IndexWriterConfig(new PassageAnalyzer());
        cfg.setSimilarity(SIMILARITY);
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        cfg.setRAMBufferSizeMB(256); // fewer flushes: each flush builds an HNSW graph that merges rebuild
        cfg.setCommitOnClose(true);
        KnnVectorsFormat format = switch (vectors) {
            case FLOAT -> new Lucene99HnswVectorsFormat(16, 100);
            case INT8 -> new Lucene104HnswScalarQuantizedVectorsFormat(
                    QuantizedByteVectorValues.ScalarEncoding.UNSIGNED_BYTE, 16, 100);
        };
        cfg.setCodec(new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        });
        this.writer = new IndexWriter(dir, cfg);
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader r,
                    org.apache.lucene.index.IndexReader previous) {
                IndexSearcher s = new IndexSearcher(r, SearchThreads.shared());
                s.setSimilarity(SIMILARITY);
                return s;
            }
        });
    }

    /** How vectors are stored in the HNSW graph. */
    public enum VectorStorage {
        /** 32-bit floats. */
        FLOAT,
        /** int8 scalar quantisation (raw floats kept for rescoring). */
        INT8
    }

    private void check(Path path) throws IOException {
        try (CheckIndex ci = new CheckIndex(dir)) {
            ci.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_CHECKSUM_CHECKS);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            ci.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
            CheckIndex.Status st = ci.checkIndex();
            if (!st.clean) {
                throw new IOException("the index at " + path + " failed its integrity check; restore it from backup "
                        + "or re-ingest (details: " + log.toString(StandardCharsets.UTF_8).lines()
                        .filter(l -> l.contains("ERROR") || l.contains("FAILED")).findFirst().orElse("see CheckIndex")
                        + ")");
            }
        }
    }

    /** @return the vector dimension */
    public int dimension() {
        return dimension;
    }

    /** @return the embedder, or null */
    public Embedder embedder() {
        return embedder;
    }

    /**
     * Adds new passages (not yet visible until {@link #refresh()}, not durable until {@link #commit()}). Adding is
     * append-only and fast; to re-ingest a document use {@link #replaceDocument}, which swaps its passages atomically.
     *
     * @param passages passages
     * @throws IOException on write errors
     */
    public void add(List<Passage> passages) throws IOException {
        for (Document d : toDocuments(withVectors(passages))) {
            writer.addDocument(d);
        }
    }

    /**
     * Replaces every passage of a document with new ones in one atomic operation: a reader sees either the old
     * passages or the new ones, never a mix.
     *
     * @param documentId the document
     * @param passages   its new passages (all with this document id)
     * @throws IOException on write errors
     */
    public void replaceDocument(String documentId, List<Passage> passages) throws IOException {
        for (Passage p : passages) {
            if (!p.documentId().equals(documentId)) {
                throw new IllegalArgumentException("passage " + p.id() + " belongs to " + p.documentId()
                        + ", not " + documentId);
            }
        }
        writer.updateDocuments(new Term(Fields.DOC_ID, documentId), toDocuments(withVectors(passages)));
    }

    /**
     * Deletes every passage of a document.
     *
     * @param documentId the document
     * @throws IOException on write errors
     */
    public void deleteDocument(String documentId) throws IOException {
        writer.deleteDocuments(new Term(Fields.DOC_ID, documentId));
    }

    /** Makes all changes durable. @throws IOException on write errors */
    public void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Merges the index down to at most {@code maxSegments} segments, commits and refreshes. Each segment carries its
     * own HNSW graph and term dictionary, so a query's cost grows with the segment count; after a bulk load an
     * administrator may merge (it rewrites the index once, needing up to twice its size on disk for the duration).
     * Searches continue on the old segments meanwhile.
     *
     * @param maxSegments at most this many segments afterwards (≥ 1)
     * @throws IOException on write errors
     */
    public void optimize(int maxSegments) throws IOException {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be >= 1: " + maxSegments);
        }
        writer.forceMerge(maxSegments, true);
        commit();
    }

    /**
     * Waits for the background merges under way, then commits what they produced and refreshes: for benchmarks and
     * tools that must measure a settled index.
     *
     * @throws IOException on write errors
     */
    public void awaitMerges() throws IOException {
        writer.maybeMerge();
        if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler cms) {
            cms.sync();
        }
        commit();
    }

    /** @return the number of segments searches currently see */
    public int segments() {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().leaves().size();
        } finally {
            release(s);
        }
    }

    /** Makes changes visible to new searches without a commit. @throws IOException on read errors */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    @Override
    public IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void release(IndexSearcher s) {
        try {
            searchers.release(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public VisibilityLabels labels() {
        return labels;
    }

    private List<Passage> withVectors(List<Passage> passages) {
        List<String> missing = new ArrayList<>();
        for (Passage p : passages) {
            if (p.vector() == null) {
                missing.add(p.embeddingText());
            } else if (p.vector().length != dimension) {
                throw new IllegalArgumentException("passage " + p.id() + " has a " + p.vector().length
                        + "-d vector; the index holds " + dimension + "-d");
            }
        }
        if (missing.isEmpty() || embedder == null) {
            return passages;
        }
        List<float[]> vs = embedder.embedPassages(missing);
        List<Passage> out = new ArrayList<>(passages.size());
        int j = 0;
        for (Passage p : passages) {
            out.add(p.vector() == null ? p.withVector(vs.get(j++)) : p);
        }
        return out;
    }

    private List<Document> toDocuments(List<Passage> passages) {
        List<Document> docs = new ArrayList<>(passages.size());
        for (Passage p : passages) {
            docs.add(toDocument(p));
        }
        return docs;
    }

    private Document toDocument(Passage p) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, p.id(), Field.Store.YES));
        d.add(new StringField(Fields.DOC_ID, p.documentId(), Field.Store.YES));
        d.add(new StoredField(Fields.ORDINAL, p.ordinal()));
        d.add(new TextField(Fields.TEXT, p.text(), Field.Store.YES));
        d.add(new TextField(Fields.BODY, p.embeddingText(), Field.Store.NO));

        d.add(new TextField(Fields.TITLE, p.title(), Field.Store.YES));
        d.add(new TextField(Fields.HEADING, String.join(" > ", p.headingPath()), Field.Store.YES));
        // exact token counts of the scored text fields, so that per-user BM25 statistics are exact
        // (see ScopedStatistics.lengthField)
        length(d, Fields.BODY, p.embeddingText());
        length(d, Fields.TITLE, p.title());
        length(d, Fields.HEADING, String.join(" > ", p.headingPath()));
        if (p.page() != null) {
            d.add(new StoredField(Fields.PAGE, p.page()));
        }
        d.add(new StoredField(Fields.PORTION, MarkingFormatter.portion(p.marking())));
        keyword(d, Fields.COLLECTION, p.collection());
        keyword(d, Fields.DOC_TYPE, p.docType());
        keyword(d, Fields.SOURCE, p.source());
        keyword(d, Fields.LANGUAGE, p.language());
        if (p.date() != null) {
            long day = p.date().toEpochDay();
            d.add(new LongPoint(Fields.DATE, day));
            d.add(new NumericDocValuesField(Fields.DATE, day));
            d.add(new StoredField(Fields.DATE, p.date().toString()));
        }
        if (p.vector() != null) {
            d.add(new KnnFloatVectorField(Fields.VECTOR, p.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        AccessFilter.label(d, labels.clauses(p.marking()));
        return d;
    }

    private final PassageAnalyzer lengthAnalyzer = new PassageAnalyzer();

    /** Records the tokens a field's analysis makes of a text: its length as Lucene's statistics count it. */
    private void length(Document d, String field, String text) {
        long n = 0;
        try (org.apache.lucene.analysis.TokenStream ts = lengthAnalyzer.tokenStream(field, text)) {
            ts.reset();
            while (ts.incrementToken()) {
                n++;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        d.add(new NumericDocValuesField(ScopedStatistics.lengthField(field), n));
    }

    private static void keyword(Document d, String field, String value) {
        d.add(new StringField(field, value, Field.Store.YES));
        d.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    /**
     * Discards uncommitted work and closes, as a crash would: for tests of durability.
     *
     * @throws IOException on close errors
     */
    public void rollbackForCrashTest() throws IOException {
        searchers.close();
        writer.rollback();
        dir.close();
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        dir.close();
    }
}

package io.sextant.appliance.corpus;

import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.PassageSink;
import io.sextant.ingest.StoredDocument;
import io.sextant.ingest.job.EngineSettings;
import io.sextant.ingest.job.IngestEngine;
import io.sextant.ingest.job.IngestReport;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import io.sextant.ingest.store.IngestStore;
import io.sextant.retrieval.embed.Embedder;
import io.sextant.retrieval.embed.OnnxEmbedder;
import io.sextant.retrieval.index.PassageIndex;
import io.sextant.retrieval.index.ReadOnlyIndex;
import io.sextant.retrieval.index.SearcherSource;
import io.sextant.retrieval.search.FusionSettings;
import io.sextant.retrieval.search.Hit;
import io.sextant.retrieval.search.Mode;
import io.sextant.retrieval.search.PassageSearcher;
import io.sextant.retrieval.search.SearchRequest;
import io.sextant.retrieval.search.SearchResult;
import io.sextant.retrieval.security.GuardVisibilityLabels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The corpus of one data directory: ingest store, passage index and embedding model, opened together. The process
 * that holds the index writer (the server, or a console command while no server runs) drains ingest's outbox into
 * the index; any other process searches the last commit read-only and leaves new passages in the outbox for the
 * writer. Every read takes the user's clearance: the index filters by it inside the query and the guard re-checks
 * each passage, so nothing above a user's access leaves this class, not even as a count.
 */
public final class Corpus implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Corpus.class.getName());

    /**
     * How to open the corpus.
     *
     * @param ingest     ingest limits and workers
     * @param embeddings load the embedding model (false: BM25 only, for tools and tests that need no vectors)
     * @param followers  further consumers of stored passages (after the index), e.g. the entity index
     */
    public record Options(EngineSettings ingest, boolean embeddings, List<PassageSink> followers) {
        /** Validates and freezes. */
        public Options {
            followers = List.copyOf(followers);
        }

        /** @return ingest defaults, with embeddings, no followers */
        public static Options defaults() {
            return new Options(EngineSettings.defaults(), true, List.of());
        }

        /**
         * @param sinks consumers after the index
         * @return these options with followers
         */
        public Options withFollowers(List<PassageSink> sinks) {
            return new Options(ingest, embeddings, sinks);
        }
    }

    private final Path dataDir;
    private final IngestEngine ingest;
    private final Embedder embedder;
    private final SearcherSource index;
    private final PassageIndex writer;
    private final IndexingSink sink;
    private final PassageSearcher searcher;
    private final MarkingParser parser = MarkingParser.defaultParser();

    private Corpus(Path dataDir, IngestEngine ingest, Embedder embedder, SearcherSource index, PassageIndex writer,
            IndexingSink sink) {
        this.dataDir = dataDir;
        this.ingest = ingest;
        this.embedder = embedder;
        this.index = index;
        this.writer = writer;
        this.sink = sink;
        this.searcher = new PassageSearcher(index, embedder, FusionSettings.defaults(), parser);
    }

    /**
     * Opens the corpus, taking the index writer when no other process holds it, and drains what ingest left in its
     * outbox.
     *
     * @param dataDir the data directory
     * @param options how
     * @return the corpus
     */
    public static Corpus open(Path dataDir, Options options) {
        Embedder embedder = options.embeddings() ? new OnnxEmbedder() : null;
        PassageIndex writer = null;
        SearcherSource index;
        Path indexDir = dataDir.resolve("index");
        try {
            Files.createDirectories(indexDir);
            try {
                writer = new PassageIndex(indexDir, new GuardVisibilityLabels(), embedder,
                        embedder == null ? io.sextant.retrieval.embed.OnnxModel.BGE_SMALL_EN_V15_Q.dimension() : embedder.dimension(),
                        PassageIndex.VectorStorage.INT8);
                index = writer;
            } catch (LockObtainFailedException e) {
                LOG.log(System.Logger.Level.INFO, "the index is held by another Sextant process (the server); "
                        + "searching its last commit read-only and leaving new passages for it to index");
                index = new ReadOnlyIndex(indexDir, new GuardVisibilityLabels());
            }
        } catch (IOException e) {
            closeQuietly(embedder);
            throw new UncheckedIOException("opening the index under " + indexDir + ": " + e.getMessage(), e);
        }
        IndexingSink sink = writer == null ? null : new IndexingSink(writer, options.followers());
        IngestEngine engine;
        try {
            engine = IngestEngine.open(dataDir, options.ingest(), sink);
        } catch (RuntimeException e) {
            closeQuietly((AutoCloseable) index);
            closeQuietly(embedder);
            throw e;
        }
        Corpus c = new Corpus(dataDir, engine, embedder, index, writer, sink);
        c.sync();
        return c;
    }

    /** @return the data directory */
    public Path dataDir() {
        return dataDir;
    }

    /** @return whether this process holds the index writer (and so indexes what it ingests at once) */
    public boolean indexesDirectly() {
        return writer != null;
    }

    /**
     * Moves every change waiting in ingest's outbox into the index. A process without the writer does nothing.
     *
     * @return changes delivered
     */
    public int sync() {
        return sink == null ? 0 : ingest.store().drainOutbox(sink);
    }

    /**
     * Ingests files and folders (see {@link io.sextant.ingest.job.IngestService#ingest}); passages reach the index
     * as each file commits when this process holds the writer.
     *
     * @param roots    files and folders
     * @param request  collection and the marking of unmarked input
     * @param listener progress
     * @return the report
     */
    public IngestReport ingest(List<Path> roots, IngestRequest request, ProgressListener listener) {
        return ingest.service().ingest(roots, request, listener);
    }

    /** @return the ingest store (documents, quarantine, status) */
    public IngestStore store() {
        return ingest.store();
    }

    /**
     * A search as one user asks it.
     *
     * @param request the request (its clearance trims everything)
     * @return hits, visible count and facets
     */
    public SearchResult search(SearchRequest request) {
        SearchRequest r = embedder == null && request.mode() != Mode.BM25
                ? new SearchRequest(request.text(), request.clearance(), request.k(), Mode.BM25, request.filter(),
                        request.facets(), request.snippets())
                : request;
        try {
            return searcher.search(r);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed: " + e.getMessage(), e);
        }
    }

    /**
     * The passages a grounded product may draw on: the best {@code k} for a query among those the user may see.
     *
     * @param user  the requesting user
     * @param query what to look for
     * @param scope collections and dates
     * @param k     how many
     * @return evidence, best first
     */
    public List<Evidence> evidence(Clearance user, String query, Scope scope, int k) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        SearchResult r = search(new SearchRequest(query, user, k, Mode.HYBRID, scope.filter(), false, false));
        List<Evidence> out = new ArrayList<>(r.hits().size());
        for (Hit h : r.hits()) {
            toEvidence(h, user).ifPresent(out::add);
        }
        return out;
    }

    /**
     * One passage, if the user may see it; an unknown passage and a hidden one look the same.
     *
     * @param user      the user
     * @param passageId the passage
     * @return the passage
     */
    public Optional<Evidence> passage(Clearance user, String passageId) {
        try {
            return searcher.passage(passageId, user).flatMap(h -> toEvidence(h, user));
        } catch (IOException e) {
            throw new UncheckedIOException("reading passage: " + e.getMessage(), e);
        }
    }

    /**
     * The passages of a document the user may see, in order: what a citation opens.
     *
     * @param user       the user
     * @param documentId the document
     * @return visible passages; empty for an unknown or wholly hidden document
     */
    public List<Evidence> documentPassages(Clearance user, String documentId) {
        try {
            List<Evidence> out = new ArrayList<>();
            for (Hit h : searcher.documentPassages(documentId, user, 100_000)) {
                toEvidence(h, user).ifPresent(out::add);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("reading document: " + e.getMessage(), e);
        }
    }

    /**
     * The stored documents whose overall marking the user may see (the library list). A document above the user's
     * access is absent, with no count or placeholder.
     *
     * @param user the user
     * @return visible documents in id order
     */
    public List<StoredDocument> documents(Clearance user) {
        List<StoredDocument> out = new ArrayList<>();
        for (StoredDocument d : ingest.store().documents()) {
            if (maysee(user, d)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * @param user the user
     * @param d    a stored document
     * @return whether the user may see the document's overall marking (and so its title and metadata)
     */
    public boolean maysee(Clearance user, StoredDocument d) {
        try {
            Marking m = parser.parseBanner(d.marking()).marking();
            return AccessPolicy.decide(user, m) instanceof AccessDecision.Allow;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return the marking parser every part of the appliance shares */
    public MarkingParser parser() {
        return parser;
    }

    private Optional<Evidence> toEvidence(Hit h, Clearance user) {
        try {
            Marking m = parser.parsePortion(h.portionMark()).marking();
            if (!(AccessPolicy.decide(user, m) instanceof AccessDecision.Allow)) {
                return Optional.empty();
            }
            return Optional.of(Evidence.of(h, m));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, "passage {0} carries an unreadable portion mark; withheld",
                    h.passageId());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        closeQuietly(ingest);
        closeQuietly((AutoCloseable) index);
        closeQuietly(embedder);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "closing " + c.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

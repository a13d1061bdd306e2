package io.sextant.ingest.job;

import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.PassageSink;
import io.sextant.ingest.chunk.StructureChunker;
import io.sextant.ingest.isolate.IsolatedTextExtractor;
import io.sextant.ingest.isolate.IsolationSettings;
import io.sextant.ingest.store.IngestStore;
import java.nio.file.Path;

/**
 * Everything ingest needs under one data directory, wired: the store ({@code db/}), the pool of parsing children
 * (scratch under {@code scratch/}) and the service. Close it to stop the children.
 */
public final class IngestEngine implements AutoCloseable {
    private final IngestStore store;
    private final IsolatedTextExtractor extractor;
    private final IngestService service;

    private IngestEngine(IngestStore store, IsolatedTextExtractor extractor, IngestService service) {
        this.store = store;
        this.extractor = extractor;
        this.service = service;
    }

    /**
     * Opens the store and prepares the child pool (children start on first use).
     *
     * @param dataDir the appliance data directory
     * @param settings limits, chunk sizes, pool
     * @param sink where passages go to be indexed, or null to leave them in the store's outbox for the index
     * @return the engine
     */
    public static IngestEngine open(Path dataDir, EngineSettings settings, PassageSink sink) {
        IngestStore store = IngestStore.open(dataDir);
        IsolatedTextExtractor extractor = new IsolatedTextExtractor(IsolationSettings.of(settings.workers(),
                settings.childHeapMb(), dataDir.toAbsolutePath().resolve("scratch"), settings.ocr()),
                settings.limits());
        IngestService service = new IngestService(store, extractor, MarkingParser.defaultParser(),
                new StructureChunker(settings.chunks()), sink, settings.workers());
        return new IngestEngine(store, extractor, service);
    }

    /**
     * The ingest service.
     *
     * @return the service
     */
    public IngestService service() {
        return service;
    }

    /**
     * The store.
     *
     * @return the store
     */
    public IngestStore store() {
        return store;
    }

    @Override
    public void close() {
        extractor.close();
        store.close();
    }
}

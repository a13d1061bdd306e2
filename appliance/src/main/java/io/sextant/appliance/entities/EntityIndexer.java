package io.sextant.appliance.entities;

import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.ingest.Passage;
import io.sextant.ingest.PassageSink;
import io.sextant.ingest.StoredDocument;
import io.sextant.ingest.store.IngestStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts entities as passages are indexed: a follower of the passage index ({@code Corpus.Options.followers}), so
 * it sees each document's passages right after the index accepted them, and a rebuild from the stored passages for
 * {@code sextant entities reindex}. Each mention is stored with its passage id (the id the index and citations use)
 * and the passage's portion mark. Idempotent like every {@link PassageSink}.
 */
public final class EntityIndexer implements PassageSink {

    private static final int SNIPPET_CONTEXT = 80;

    private final EntityExtractor extractor;
    private final EntityStore store;

    /**
     * @param extractor the recognizer
     * @param store     where mentions go
     */
    public EntityIndexer(EntityExtractor extractor, EntityStore store) {
        this.extractor = extractor;
        this.store = store;
    }

    /**
     * @param dataSource the appliance database
     * @return an indexer with the default extractor, its tables brought up to date
     */
    public static EntityIndexer open(javax.sql.DataSource dataSource) {
        return new EntityIndexer(new EntityExtractor(), EntityStore.open(dataSource));
    }

    @Override
    public void upsert(StoredDocument document, List<Passage> passages) {
        List<EntityStore.Row> rows = new ArrayList<>();
        for (Passage p : passages) {
            if (p.text().isBlank()) {
                continue; // the index skips blank passages too, so nothing could cite them
            }
            String marking = MarkingFormatter.portion(p.marking());
            String pid = passageId(document.id(), p.ordinal());
            for (Mention m : extractor.extract(p.text())) {
                rows.add(new EntityStore.Row(document.id(), pid, marking, m, snippet(p.text(), m)));
            }
        }
        store.replaceDocument(document.id(), rows);
    }

    @Override
    public void delete(long documentId) {
        store.deleteDocument(documentId);
    }

    /**
     * Rebuilds every mention from the stored passages.
     *
     * @param ingest the ingest store
     * @return documents processed
     */
    public int reindex(IngestStore ingest) {
        store.clear();
        int n = 0;
        for (StoredDocument d : ingest.documents()) {
            upsert(d, ingest.passages(d.id()));
            n++;
        }
        return n;
    }

    /**
     * The passage id the index and citations use (as {@code corpus.IndexingSink} builds it).
     *
     * @param documentId the stored document
     * @param ordinal    the passage's position
     * @return the id
     */
    static String passageId(long documentId, int ordinal) {
        return documentId + ":" + ordinal;
    }

    private static String snippet(String text, Mention m) {
        int from = Math.max(0, m.start() - SNIPPET_CONTEXT);
        int to = Math.min(text.length(), m.end() + SNIPPET_CONTEXT);
        String s = text.substring(from, to).replaceAll("\\s+", " ").strip();
        return (from > 0 ? "…" : "") + s + (to < text.length() ? "…" : "");
    }
}

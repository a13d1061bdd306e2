package io.sextant.ingest;

import java.util.List;

/**
 * Where stored passages go to be indexed (the retrieval index). Called after the document's transaction committed,
 * from a durable outbox, so an index that was down or a process that died catches up on the next drain: calls may
 * repeat and implementations must be idempotent (replace a document's passages, ignore deleting an unknown one).
 */
public interface PassageSink {
    /**
     * Adds or replaces the passages of one document.
     *
     * @param document the stored document (its marking already decided)
     * @param passages its passages in order
     */
    void upsert(StoredDocument document, List<Passage> passages);

    /**
     * Removes a document's passages (it was replaced by a newer version of the same file).
     *
     * @param documentId the stored document id
     */
    void delete(long documentId);
}

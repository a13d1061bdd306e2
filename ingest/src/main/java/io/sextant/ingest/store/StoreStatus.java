package io.sextant.ingest.store;

/**
 * Counts for {@code sextant status}.
 *
 * @param documents stored documents (files and embedded documents)
 * @param topLevelDocuments stored files
 * @param passages stored passages
 * @param quarantined quarantined files and embedded documents
 * @param unfinishedJobs ingest jobs not finished (they resume on the next run)
 * @param pendingFiles files still pending in those jobs
 * @param needsReview documents flagged for marking review
 * @param outbox documents waiting to be indexed
 */
public record StoreStatus(long documents, long topLevelDocuments, long passages, long quarantined, long unfinishedJobs,
        long pendingFiles, long needsReview, long outbox) {
}

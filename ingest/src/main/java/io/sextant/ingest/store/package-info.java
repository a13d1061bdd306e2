/**
 * The H2 store of ingest: documents, passages, quarantine, jobs with per-file progress, and the indexing outbox. Each
 * file's documents, passages and job progress are written in one transaction, so a process killed at any moment leaves
 * either the whole file or nothing, and a rerun resumes with the files still pending.
 */
package io.sextant.ingest.store;

/**
 * Ingest jobs: planning the files of a run, extracting them in parallel (isolated), deciding markings, chunking and
 * committing each file atomically, resuming unfinished jobs, and reporting progress.
 */
package io.sextant.ingest.job;

package io.sextant.ingest.job;

import io.sextant.ingest.store.JobSummary;

/**
 * The result of one {@code ingest} run.
 *
 * @param jobId the job (continued or new)
 * @param summary totals of the job's top-level files
 * @param seconds wall-clock time of this run
 * @param resumedJobs other unfinished jobs completed first
 */
public record IngestReport(long jobId, JobSummary summary, double seconds, int resumedJobs) {
}

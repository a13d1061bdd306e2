package io.sextant.ingest.store;

import java.nio.file.Path;

/**
 * One top-level file of an ingest job.
 *
 * @param jobId the job
 * @param seq position in the job
 * @param path the file
 * @param bytes its size when the job was planned
 */
public record JobItem(long jobId, int seq, Path path, long bytes) {
}

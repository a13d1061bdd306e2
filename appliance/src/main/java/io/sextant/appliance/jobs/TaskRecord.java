package io.sextant.appliance.jobs;

import java.time.Instant;

/**
 * One task of a stored job.
 *
 * @param n          its number in the job, from 0
 * @param template   the template id
 * @param topic      the topic
 * @param scope      the scope text, or null
 * @param out        where its output goes (absolute path)
 * @param format     md, docx or pdf (or what the file said, when bad: the task then fails)
 * @param status     queued, running, done, failed or cancelled
 * @param started    when it last started, or null
 * @param finished   when it finished, or null
 * @param durationMs how long it ran, or null
 * @param marking    the output's banner marking when done, else null
 * @param error      why it failed, else null
 */
public record TaskRecord(int n, String template, String topic, String scope, String out, String format,
        String status, Instant started, Instant finished, Long durationMs, String marking, String error) {

    /** Waiting for a worker. */
    public static final String QUEUED = "queued";
    /** A worker is drafting it. */
    public static final String RUNNING = "running";
    /** Written, guarded and committed. */
    public static final String DONE = "done";
    /** Failed alone, with {@link #error}. */
    public static final String FAILED = "failed";
    /** The job was cancelled before it ran. */
    public static final String CANCELLED = "cancelled";

    /** @return whether the task is done, failed or cancelled */
    public boolean isFinished() {
        return status.equals(DONE) || status.equals(FAILED) || status.equals(CANCELLED);
    }
}

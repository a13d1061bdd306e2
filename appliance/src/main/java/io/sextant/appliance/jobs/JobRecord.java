package io.sextant.appliance.jobs;

import java.time.Instant;
import java.util.List;

/**
 * A stored job with its tasks, as the store read it.
 *
 * @param id          the job's id
 * @param name        its name (a scheduled run's is {@code name@timestamp})
 * @param user        the requesting user: the job runs with their clearance
 * @param submittedBy who queued it ({@code cli:<os-user>}, the web user, or {@code scheduler})
 * @param contentHash the hash of the job file's content
 * @param spec        the job file, canonical JSON
 * @param cancelled   whether it was cancelled
 * @param created     when it was queued
 * @param tasks       its tasks, in order
 */
public record JobRecord(String id, String name, String user, String submittedBy, String contentHash, String spec,
        boolean cancelled, Instant created, List<TaskRecord> tasks) {

    /** Copies the tasks. */
    public JobRecord {
        tasks = List.copyOf(tasks);
    }

    /** @return queued, running, done, failed (some task failed) or cancelled */
    public String status() {
        if (cancelled) {
            return TaskRecord.CANCELLED;
        }
        if (tasks.stream().anyMatch(t -> t.status().equals(TaskRecord.RUNNING))) {
            return TaskRecord.RUNNING;
        }
        if (tasks.stream().allMatch(TaskRecord::isFinished)) {
            return tasks.stream().anyMatch(t -> t.status().equals(TaskRecord.FAILED)) ? TaskRecord.FAILED
                    : TaskRecord.DONE;
        }
        return tasks.stream().anyMatch(TaskRecord::isFinished) ? TaskRecord.RUNNING : TaskRecord.QUEUED;
    }

    /** @return whether every task has finished (done, failed or cancelled) */
    public boolean finished() {
        return tasks.stream().allMatch(TaskRecord::isFinished);
    }

    /** @return how many tasks have finished */
    public int finishedCount() {
        return (int) tasks.stream().filter(TaskRecord::isFinished).count();
    }

    /** @return how many tasks failed */
    public int failedCount() {
        return (int) tasks.stream().filter(t -> t.status().equals(TaskRecord.FAILED)).count();
    }

    /** @return finished tasks as a percentage, 0-100 */
    public int progress() {
        return tasks.isEmpty() ? 100 : finishedCount() * 100 / tasks.size();
    }
}

package io.sextant.appliance.jobs;

import io.sextant.appliance.platform.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps jobs, their tasks and schedules in the appliance's H2 database, so a job survives the process that ran it
 * and the CLI and the server see the same jobs. Its tables are migrated by this package's own Flyway instance and
 * history table. Each call is one transaction; a task's state changes are single-row updates guarded by its current
 * state, so two workers cannot both claim it.
 */
public final class JobStore {

    /** Flyway history table of the jobs tables. */
    public static final String HISTORY_TABLE = "flyway_jobs_history";
    /** Where the jobs migrations live. */
    public static final String MIGRATIONS = "classpath:db/migration/jobs";

    private final DataSource dataSource;

    private JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Brings the jobs tables up to date and opens the store.
     *
     * @param dataSource the appliance database
     * @return the store
     */
    public static JobStore open(DataSource dataSource) {
        Jdbc.migrate(dataSource, JobStore.class, HISTORY_TABLE, MIGRATIONS);
        return new JobStore(dataSource);
    }

    /**
     * Stores a new job with all its tasks queued.
     *
     * @param id          the job id
     * @param job         the job file
     * @param submittedBy who queued it
     * @param outs        each task's output path
     * @param now         the time
     */
    public void insert(String id, JobFile job, String submittedBy, List<String> outs, Instant now) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job (id, name, username, submitted_by,"
                    + " content_hash, spec, created) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, job.name());
                ps.setString(3, job.user());
                ps.setString(4, submittedBy);
                ps.setString(5, job.contentHash());
                ps.setString(6, job.canonicalJson());
                ps.setObject(7, now.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_task (job_id, n, template, topic, scope,"
                    + " out_path, format, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued')")) {
                for (int i = 0; i < job.tasks().size(); i++) {
                    JobFile.Task t = job.tasks().get(i);
                    ps.setString(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, cut(t.template(), 200));
                    ps.setString(4, cut(t.topic(), 2000));
                    ps.setString(5, cut(t.scope(), 2000));
                    ps.setString(6, outs.get(i));
                    ps.setString(7, cut(t.effectiveFormat(), 16));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * @param name the job's name
     * @param user the requesting user
     * @param hash the content hash
     * @return the newest job with that name, user and content
     */
    public Optional<JobRecord> findSame(String name, String user, String hash) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM job WHERE name = ? AND username = ?"
                    + " AND content_hash = ? ORDER BY created DESC LIMIT 1")) {
                ps.setString(1, name);
                ps.setString(2, user);
                ps.setString(3, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(read(c, rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /**
     * @param id the job id
     * @return the job, if stored
     */
    public Optional<JobRecord> find(String id) {
        return tx(c -> Optional.ofNullable(read(c, id)));
    }

    /**
     * @param user the user whose jobs to list, or null for everyone's
     * @param limit most jobs to return
     * @return jobs, newest first
     */
    public List<JobRecord> list(String user, int limit) {
        return tx(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(user == null
                    ? "SELECT id FROM job ORDER BY created DESC, id LIMIT ?"
                    : "SELECT id FROM job WHERE username = ? ORDER BY created DESC, id LIMIT ?")) {
                int i = 1;
                if (user != null) {
                    ps.setString(i++, user);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<JobRecord> out = new ArrayList<>();
            for (String id : ids) {
                JobRecord r = read(c, id);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        });
    }

    /** @return ids of jobs that are not cancelled and have a task still queued or running, oldest first */
    public List<String> unfinished() {
        return tx(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT j.id FROM job j WHERE NOT j.cancelled AND EXISTS"
                    + " (SELECT 1 FROM job_task t WHERE t.job_id = j.id AND t.status IN ('queued', 'running'))"
                    + " ORDER BY j.created, j.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /**
     * Puts tasks left running by a dead process back in the queue.
     *
     * @param jobId the job
     * @return how many tasks were requeued
     */
    public int requeueRunning(String jobId) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE job_task SET status = 'queued'"
                    + " WHERE job_id = ? AND status = 'running'")) {
                ps.setString(1, jobId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Claims a queued task for a worker.
     *
     * @param jobId the job
     * @param n     the task
     * @param now   the time
     * @return whether this caller got it (false: someone else did, or it is no longer queued)
     */
    public boolean claim(String jobId, int n, Instant now) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE job_task SET status = 'running', started = ?,"
                    + " finished = NULL, duration_ms = NULL, marking = NULL, error = NULL"
                    + " WHERE job_id = ? AND n = ? AND status = 'queued'"
                    + " AND NOT (SELECT cancelled FROM job WHERE id = ?)")) {
                ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                ps.setString(2, jobId);
                ps.setInt(3, n);
                ps.setString(4, jobId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records a running task's end.
     *
     * @param jobId      the job
     * @param n          the task
     * @param status     done, failed or cancelled
     * @param now        when it ended
     * @param durationMs how long it ran
     * @param marking    the output's banner when done
     * @param error      why it failed
     */
    public void finish(String jobId, int n, String status, Instant now, long durationMs, String marking,
            String error) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE job_task SET status = ?, finished = ?,"
                    + " duration_ms = ?, marking = ?, error = ? WHERE job_id = ? AND n = ?")) {
                ps.setString(1, status);
                ps.setObject(2, now.atOffset(ZoneOffset.UTC));
                ps.setLong(3, durationMs);
                ps.setString(4, marking);
                ps.setString(5, cut(error, 2000));
                ps.setString(6, jobId);
                ps.setInt(7, n);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Cancels a job: its queued tasks become cancelled; running ones finish as their workers see it.
     *
     * @param jobId the job
     * @param now   the time
     * @return whether the job exists and was not yet cancelled
     */
    public boolean cancel(String jobId, Instant now) {
        return tx(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE job SET cancelled = TRUE WHERE id = ?"
                    + " AND NOT cancelled")) {
                ps.setString(1, jobId);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE job_task SET status = 'cancelled', finished = ?"
                    + " WHERE job_id = ? AND status = 'queued'")) {
                ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                ps.setString(2, jobId);
                ps.executeUpdate();
            }
            return n == 1;
        });
    }

    /**
     * @param jobId the job
     * @return whether it was cancelled (false when unknown)
     */
    public boolean isCancelled(String jobId) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cancelled FROM job WHERE id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /**
     * Stores or replaces a schedule.
     *
     * @param job         the job file (with its schedule and user)
     * @param submittedBy who registered it
     * @param nextRun     when it first runs
     */
    public void saveSchedule(JobFile job, String submittedBy, Instant nextRun) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO job_schedule (name, username, cron, spec,"
                    + " submitted_by, next_run) KEY (username, name) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, job.name());
                ps.setString(2, job.user());
                ps.setString(3, job.schedule());
                ps.setString(4, job.canonicalJson());
                ps.setString(5, submittedBy);
                ps.setObject(6, nextRun.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A stored schedule.
     *
     * @param name    the job's name
     * @param user    the requesting user
     * @param cron    the cron expression
     * @param spec    the job file, canonical JSON
     * @param nextRun when it runs next
     * @param lastRun when it last ran, or null
     */
    public record Schedule(String name, String user, String cron, String spec, Instant nextRun, Instant lastRun) {
    }

    /**
     * @param user whose schedules, or null for all
     * @return the schedules, by name
     */
    public List<Schedule> schedules(String user) {
        return tx(c -> {
            List<Schedule> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, username, cron, spec, next_run, last_run"
                    + " FROM job_schedule" + (user == null ? "" : " WHERE username = ?") + " ORDER BY name, username")) {
                if (user != null) {
                    ps.setString(1, user);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Schedule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                instant(rs, 5), instant(rs, 6)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Moves a schedule on after a run, only if nobody else did.
     *
     * @param s       the schedule as read
     * @param ran     the run's time
     * @param nextRun its next time
     * @return whether this caller moved it (and so should run it)
     */
    public boolean advanceSchedule(Schedule s, Instant ran, Instant nextRun) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE job_schedule SET next_run = ?, last_run = ?"
                    + " WHERE username = ? AND name = ? AND next_run = ?")) {
                ps.setObject(1, nextRun.atOffset(ZoneOffset.UTC));
                ps.setObject(2, ran.atOffset(ZoneOffset.UTC));
                ps.setString(3, s.user());
                ps.setString(4, s.name());
                ps.setObject(5, s.nextRun().atOffset(ZoneOffset.UTC));
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static JobRecord read(Connection c, String id) throws SQLException {
        List<TaskRecord> tasks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n, template, topic, scope, out_path, format, status,"
                + " started, finished, duration_ms, marking, error FROM job_task WHERE job_id = ? ORDER BY n")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long d = rs.getLong(10);
                    tasks.add(new TaskRecord(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9),
                            rs.wasNull() ? null : d, rs.getString(11), rs.getString(12)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, username, submitted_by, content_hash, spec,"
                + " cancelled, created FROM job WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new JobRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), instant(rs, 8), tasks);
            }
        }
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private <T> T tx(Jdbc.Work<T> work) {
        return Jdbc.inTransaction(dataSource, work,
                e -> new IllegalStateException("the jobs database failed: " + e.getMessage(), e));
    }
}

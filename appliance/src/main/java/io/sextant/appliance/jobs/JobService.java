package io.sextant.appliance.jobs;

import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.draft.DraftExporter;
import io.sextant.appliance.draft.DraftScope;
import io.sextant.appliance.draft.DraftService;
import io.sextant.appliance.draft.DraftUnavailableException;
import io.sextant.appliance.draft.MarkedDraft;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.inference.Cancellation;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues batch drafting jobs in H2 and runs their tasks on a bounded pool of workers. Each task drafts one product
 * as the job's user (their clearance as it is when the task runs, never higher), passes the whole product through
 * the guard, and writes it atomically (temporary sibling, then rename); it is "done" only once the file is in place
 * and the database says so. A task that fails (bad template, bad scope, a guard refusal, a result above the user's
 * access) fails alone. Re-submitting a job with the same name, user and content returns the stored job; starting a
 * job again after a crash requeues the tasks left running and runs only what is unfinished.
 */
public final class JobService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'",
            Locale.ROOT);

    /** Who runs scheduled jobs, in the audit trail. */
    public static final String SCHEDULER = "scheduler";

    private final JobStore store;
    private final DraftService drafts;
    private final Function<String, Optional<Analyst>> analysts;
    private final AuditLog audit;
    private final Clock clock;
    private final Path jobsRoot;
    private final ExecutorService workers;
    private final int workerCount;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();

    /**
     * @param store    where jobs are kept
     * @param drafts   the drafting service
     * @param analysts finds an active account's analyst by user name (empty when missing or locked)
     * @param audit    the audit log
     * @param clock    the clock
     * @param jobsRoot where outputs without a path of their own go ({@code <data-dir>/jobs})
     * @param workers  how many tasks run at once
     */
    public JobService(JobStore store, DraftService drafts, Function<String, Optional<Analyst>> analysts,
            AuditLog audit, Clock clock, Path jobsRoot, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("sextant.jobs.workers must be at least 1, was " + workers);
        }
        this.store = store;
        this.drafts = drafts;
        this.analysts = analysts;
        this.audit = audit;
        this.clock = clock;
        this.jobsRoot = jobsRoot.toAbsolutePath();
        this.workerCount = workers;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "sextant-job-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** @return the store */
    public JobStore store() {
        return store;
    }

    /** @return how many tasks run at once */
    public int workers() {
        return workerCount;
    }

    /**
     * What a submission did.
     *
     * @param job      the job (the stored one when it was submitted before)
     * @param existing whether the same job was already stored (nothing new was queued)
     */
    public record Submitted(JobRecord job, boolean existing) {
    }

    /**
     * Queues a job (or finds the same one) and starts it. A finished job is returned as stored and nothing is redone;
     * an unfinished one is resumed.
     *
     * @param job          the job file; its user must be set
     * @param submittedBy  who queues it (for the audit trail)
     * @param trustedPaths whether the tasks' {@code out} paths may name any file (the console); otherwise outputs go
     *                     into the job's folder under the data directory, keeping only the file name
     * @return the stored job
     */
    public Submitted submit(JobFile job, String submittedBy, boolean trustedPaths) {
        if (job.user() == null) {
            throw new IllegalArgumentException("the job file needs a \"user\"");
        }
        if (job.schedule() != null) {
            throw new IllegalArgumentException("a scheduled job is registered with schedule(), not run at once");
        }
        Optional<JobRecord> same = store.findSame(job.name(), job.user(), job.contentHash());
        if (same.isPresent()) {
            start(same.get().id());
            return new Submitted(store.find(same.get().id()).orElseThrow(), true);
        }
        String id = UUID.randomUUID().toString();
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < job.tasks().size(); i++) {
            outs.add(outputPath(id, i, job.tasks().get(i), trustedPaths).toString());
        }
        store.insert(id, job, submittedBy, outs, clock.instant());
        audit.append(new AuditEvent(AuditEventType.JOB, Outcome.OK, job.user(), "job " + id + " submitted",
                "\"" + job.name() + "\", " + job.tasks().size() + " tasks, by " + submittedBy, null, null));
        start(id);
        return new Submitted(store.find(id).orElseThrow(), false);
    }

    /**
     * Registers (or replaces) a scheduled job; the scheduler runs it.
     *
     * @param job         the job file with a schedule and a user
     * @param submittedBy who registers it
     * @param zone        the zone the cron expression is read in
     * @return when it runs first
     */
    public Instant schedule(JobFile job, String submittedBy, ZoneId zone) {
        if (job.user() == null || job.schedule() == null) {
            throw new IllegalArgumentException("a scheduled job needs a \"user\" and a \"schedule\"");
        }
        Instant next = Cron.parse(job.schedule()).next(ZonedDateTime.now(clock.withZone(zone))).toInstant();
        store.saveSchedule(job, submittedBy, next);
        audit.append(new AuditEvent(AuditEventType.JOB, Outcome.OK, job.user(), "job schedule \"" + job.name()
                + "\" saved", "cron " + job.schedule() + ", next " + next + ", by " + submittedBy, null, null));
        return next;
    }

    /**
     * Runs every schedule that is due: each run is a new job named {@code name@timestamp}.
     *
     * @param zone the zone cron expressions are read in
     * @return the jobs started
     */
    public List<JobRecord> runDueSchedules(ZoneId zone) {
        Instant now = clock.instant();
        List<JobRecord> started = new ArrayList<>();
        for (JobStore.Schedule s : store.schedules(null)) {
            if (s.nextRun().isAfter(now)) {
                continue;
            }
            JobFile file;
            Instant next;
            try {
                file = JobFile.parse(s.spec());
                next = Cron.parse(s.cron()).next(now.atZone(zone)).toInstant();
            } catch (IllegalArgumentException e) {
                LOG.warn("schedule '{}' of {} is unusable: {}", s.name(), s.user(), e.getMessage());
                continue;
            }
            if (!store.advanceSchedule(s, now, next)) {
                continue;
            }
            String name = file.name() + "@" + RUN_STAMP.format(s.nextRun().atZone(java.time.ZoneOffset.UTC));
            try {
                started.add(submit(file.named(name), SCHEDULER, false).job());
            } catch (RuntimeException e) {
                LOG.warn("scheduled job '{}' could not start: {}", name, e.getMessage());
            }
        }
        return started;
    }

    /**
     * Starts (or resumes) a job's unfinished tasks on the workers: tasks left running by a dead process are requeued,
     * and temporary files they left are removed.
     *
     * @param jobId the job
     */
    public void start(String jobId) {
        JobRecord job = store.find(jobId).orElse(null);
        if (job == null || job.cancelled() || job.finished()) {
            return;
        }
        for (TaskRecord t : job.tasks()) {
            if (t.status().equals(TaskRecord.RUNNING) && !inFlight.contains(key(jobId, t.n()))) {
                removeTemporaries(Path.of(t.out()).toAbsolutePath().getParent());
            }
        }
        if (job.tasks().stream().anyMatch(t -> t.status().equals(TaskRecord.RUNNING)
                && !inFlight.contains(key(jobId, t.n())))) {
            store.requeueRunning(jobId);
        }
        for (TaskRecord t : store.find(jobId).orElseThrow().tasks()) {
            if (t.status().equals(TaskRecord.QUEUED) && inFlight.add(key(jobId, t.n()))) {
                workers.execute(() -> {
                    try {
                        runTask(jobId, t.n());
                    } finally {
                        inFlight.remove(key(jobId, t.n()));
                    }
                });
            }
        }
    }

    /** Resumes every unfinished job (at server start). */
    public void resumeAll() {
        for (String id : store.unfinished()) {
            start(id);
        }
    }

    /**
     * Cancels a job: queued tasks are cancelled, running ones are stopped.
     *
     * @param jobId the job
     * @param by    who cancels
     * @return whether it was cancelled now (false when unknown, finished or cancelled before)
     */
    public boolean cancel(String jobId, String by) {
        Optional<JobRecord> job = store.find(jobId);
        if (job.isEmpty() || job.get().finished() || !store.cancel(jobId, clock.instant())) {
            return false;
        }
        running.forEach((k, c) -> {
            if (k.startsWith(jobId + "/")) {
                c.cancel();
            }
        });
        audit.append(new AuditEvent(AuditEventType.JOB, Outcome.OK, by, "job " + jobId + " cancelled",
                "\"" + job.get().name() + "\" of " + job.get().user(), null, null));
        return true;
    }

    /**
     * Waits until a job has finished (or the time is up), calling back whenever a task finishes.
     *
     * @param jobId    the job
     * @param timeout  how long to wait at most
     * @param progress called with the job each time more tasks have finished
     * @return the job as it stands
     * @throws InterruptedException when interrupted
     */
    public JobRecord await(String jobId, java.time.Duration timeout, java.util.function.Consumer<JobRecord> progress)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        int seen = -1;
        while (true) {
            JobRecord j = store.find(jobId).orElseThrow();
            if (j.finishedCount() != seen) {
                seen = j.finishedCount();
                progress.accept(j);
            }
            boolean idle = j.tasks().stream().noneMatch(t -> inFlight.contains(key(jobId, t.n())));
            if (j.finished() || (j.cancelled() && idle) || System.nanoTime() > end) {
                return j;
            }
            Thread.sleep(100);
        }
    }

    private void runTask(String jobId, int n) {
        Instant started = clock.instant();
        if (!store.claim(jobId, n, started)) {
            return;
        }
        JobRecord job = store.find(jobId).orElseThrow();
        TaskRecord t = job.tasks().get(n);
        long t0 = System.nanoTime();
        Cancellation cancellation = Cancellation.create();
        running.put(key(jobId, n), cancellation);
        String status;
        String marking = null;
        String error = null;
        try {
            marking = draft(job, t, cancellation);
            status = TaskRecord.DONE;
        } catch (CancellationException e) {
            status = TaskRecord.CANCELLED;
        } catch (TaskFailure | DraftUnavailableException | IllegalArgumentException e) {
            status = TaskRecord.FAILED;
            error = e.getMessage();
        } catch (io.sextant.inference.InferenceException e) {
            LOG.warn("job {} task {}: the model failed: {}", jobId, n, e.getMessage());
            status = TaskRecord.FAILED;
            error = "the model failed: " + e.getMessage();
        } catch (IOException e) {
            status = TaskRecord.FAILED;
            error = "the output could not be written: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("job {} task {} failed", jobId, n, e);
            status = TaskRecord.FAILED;
            error = "internal error (see the server log)";
        } finally {
            running.remove(key(jobId, n));
        }
        if (status.equals(TaskRecord.DONE) && cancellation.isCancelled()) {
            // The job was cancelled while the file was written: the output stands, the task counts as done.
            LOG.debug("job {} task {} finished after its job was cancelled", jobId, n);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        store.finish(jobId, n, status, clock.instant(), ms, marking, error);
        if (!status.equals(TaskRecord.CANCELLED)) {
            audit.append(new AuditEvent(AuditEventType.JOB, status.equals(TaskRecord.DONE) ? Outcome.OK
                    : Outcome.FAILED, job.user(), "job " + jobId + " task " + n + " " + status,
                    (t.template() == null ? "?" : t.template()) + " in " + ms + " ms"
                            + (error == null ? " to " + t.out() : ": " + error), marking, null));
        }
    }

    /** Drafts, guards and writes one task's product; returns its banner. */
    private String draft(JobRecord job, TaskRecord t, Cancellation cancellation) throws IOException {
        Analyst analyst = analysts.apply(job.user()).orElseThrow(() -> new TaskFailure(
                "no active account named '" + job.user() + "'"));
        if (t.template() == null || t.template().isBlank()) {
            throw new TaskFailure("the task names no \"template\"");
        }
        if (t.topic() == null || t.topic().isBlank()) {
            throw new TaskFailure("the task names no \"topic\"");
        }
        DraftExporter exporter = DraftExporter.forFormat(t.format());
        DraftScope scope;
        try {
            Scope s = Scope.parse(t.scope());
            scope = new DraftScope(s.collections(), s.from(), s.to());
        } catch (IllegalArgumentException e) {
            throw new TaskFailure("bad scope: " + e.getMessage());
        }
        DraftService.Drafted drafted = drafts.draft(analyst, t.template(), t.topic(), scope, cancellation);
        MarkedDraft marked = drafts.marked(analyst, drafted.draft());
        Marking banner = marked.product().banner();
        if (!(AccessPolicy.decide(analyst.clearance(), banner) instanceof AccessDecision.Allow)) {
            throw new TaskFailure("the result would exceed the access of " + analyst.username());
        }
        if (cancellation.isCancelled()) {
            throw new CancellationException("cancelled");
        }
        Path out = Path.of(t.out()).toAbsolutePath();
        Files.createDirectories(out.getParent());
        exporter.write(marked, out);
        return MarkingFormatter.banner(banner);
    }

    private Path outputPath(String id, int n, JobFile.Task t, boolean trustedPaths) {
        String ext = t.effectiveFormat();
        if (trustedPaths && t.out() != null && !t.out().isBlank()) {
            return Path.of(t.out()).toAbsolutePath().normalize();
        }
        String base = null;
        if (t.out() != null) {
            String f = t.out().replace('\\', '/');
            f = f.substring(f.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
            base = f.isBlank() || f.startsWith(".") ? null : f;
        }
        if (base == null) {
            String tmpl = t.template() == null ? "task" : t.template().replaceAll("[^A-Za-z0-9_-]", "_");
            base = tmpl + "." + ext.replaceAll("[^A-Za-z0-9]", "");
        }
        return jobsRoot.resolve(id).resolve(String.format(Locale.ROOT, "%03d-%s", n, base));
    }

    private static void removeTemporaries(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> tmps = Files.newDirectoryStream(dir, ".export-*.tmp")) {
            for (Path p : tmps) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("could not clean {}: {}", dir, e.getMessage());
        }
    }

    private static String key(String jobId, int n) {
        return jobId + "/" + n;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        running.values().forEach(Cancellation::cancel);
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task's own failure, with a reason the user may read. */
    static final class TaskFailure extends RuntimeException {
        TaskFailure(String message) {
            super(message);
        }
    }
}

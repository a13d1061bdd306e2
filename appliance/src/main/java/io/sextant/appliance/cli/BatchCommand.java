package io.sextant.appliance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.draft.DraftService;
import io.sextant.appliance.draft.DraftStore;
import io.sextant.appliance.draft.TemplateLibrary;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.grounding.GroundedWriter;
import io.sextant.appliance.jobs.JobFile;
import io.sextant.appliance.jobs.JobJson;
import io.sextant.appliance.jobs.JobRecord;
import io.sextant.appliance.jobs.JobService;
import io.sextant.appliance.jobs.JobStore;
import io.sextant.appliance.jobs.TaskRecord;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.security.Account;
import io.sextant.guard.output.OutputGuard;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sextant batch}: queues a job file in the appliance database and runs it to completion in this process, as
 * the user the file names (their clearance, never higher). Running the same file again after a crash finishes what
 * was left without redoing finished tasks; running it after it finished redoes nothing. A file with a
 * {@code schedule} is registered for the server's scheduler instead.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Run a batch drafting job file (JSON or YAML), cancel a job, or list jobs.")
final class BatchCommand implements Callable<Integer> {

    @ParentCommand
    private SextantCommand root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOBFILE", description = "The job file.")
    private Path jobFile;

    @Option(names = "--workers", paramLabel = "N", description = "Tasks run at once (default 2).")
    private int workers = 2;

    @Option(names = "--json", description = "Print the finished job (or the list) as JSON.")
    private boolean json;

    @Option(names = "--cancel", paramLabel = "JOBID", description = "Cancel a job.")
    private String cancel;

    @Option(names = "--list", description = "List the jobs, newest first.")
    private boolean list;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Zone of a schedule (default: the system's).")
    private String zone;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int modes = (jobFile != null ? 1 : 0) + (cancel != null ? 1 : 0) + (list ? 1 : 0);
        if (modes != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give exactly one of JOBFILE, --cancel JOBID or --list");
        }
        if (workers < 1 || workers > 64) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--workers must be 1 to 64");
        }
        Path dataDir = root.dataDir();
        JobFile job = null;
        if (jobFile != null) {
            try {
                job = JobFile.parse(Files.readString(jobFile));
            } catch (NoSuchFileException e) {
                err.println("sextant batch: no such file: " + jobFile);
                return 2;
            } catch (IllegalArgumentException e) {
                err.println("sextant batch: " + jobFile + ": " + e.getMessage());
                return 2;
            }
            if (job.user() == null) {
                err.println("sextant batch: the job file must name its \"user\"");
                return 2;
            }
        }
        try (ConsoleServices services = ConsoleServices.open(dataDir)) {
            JobStore store = JobStore.open(services.database().dataSource());
            if (list) {
                return list(store, out);
            }
            if (cancel != null) {
                return cancel(services, store, err, out);
            }
            Optional<Account> account = services.accounts().byName(job.user())
                    .filter(a -> !a.locked() && !a.isLockedAt(Instant.now()));
            if (account.isEmpty()) {
                err.println("sextant batch: no active account named '" + job.user() + "'");
                return 2;
            }
            TemplateLibrary library = TemplateLibrary.load(TemplateLibrary.siteDirectory(new DataDir(dataDir)));
            try (Corpus corpus = Corpus.open(dataDir, Corpus.Options.defaults());
                 Engines engines = Engines.open(dataDir, Engines.Config.DEFAULTS)) {
                Clock clock = Clock.systemUTC();
                OutputGuard guard = OutputGuard.defaults();
                DraftService drafts = new DraftService(corpus, new GroundedWriter(engines, guard, clock),
                        () -> library, DraftStore.open(services.database().dataSource()), guard, clock);
                try (JobService jobs = new JobService(store, drafts,
                        user -> services.accounts().byName(user)
                                .filter(a -> !a.locked() && !a.isLockedAt(Instant.now())).map(Account::analyst),
                        services.audit(), clock, new DataDir(dataDir).root().resolve("jobs"), workers)) {
                    if (job.schedule() != null) {
                        ZoneId z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
                        Instant next = jobs.schedule(job, ConsoleServices.actor(), z);
                        out.printf("scheduled \"%s\" (%s, %s): the server runs it next at %s%n", job.name(),
                                job.schedule(), z, next);
                        out.flush();
                        return 0;
                    }
                    return run(jobs, job, engines, out);
                }
            }
        }
    }

    private int run(JobService jobs, JobFile job, Engines engines, PrintWriter out) throws InterruptedException {
        long t0 = System.nanoTime();
        JobService.Submitted submitted = jobs.submit(job, ConsoleServices.actor(), true);
        JobRecord j = submitted.job();
        if (!json) {
            out.printf("job %s \"%s\" as %s: %d tasks, %d workers, %s engine%s%n", j.id(), j.name(), j.user(),
                    j.tasks().size(), jobs.workers(), engines.status().info().kind(),
                    submitted.existing() ? (j.finished() ? " (already finished: nothing to redo)" : " (resumed)")
                            : "");
            out.flush();
        }
        JobRecord done = jobs.await(j.id(), Duration.ofDays(365), p -> {
            if (!json) {
                out.printf(Locale.ROOT, "[%d/%d] %d%% %s%n", p.finishedCount(), p.tasks().size(), p.progress(),
                        p.status());
                out.flush();
            }
        });
        if (json) {
            out.println(mapper().writeValueAsStringUnchecked(JobJson.of(done, m -> true)));
        } else {
            for (TaskRecord t : done.tasks()) {
                out.printf(Locale.ROOT, "  #%d %-9s %-8s %6s  %s%n", t.n(), t.status(), t.template(),
                        t.durationMs() == null ? "" : t.durationMs() + "ms",
                        t.status().equals(TaskRecord.DONE) ? t.out() + " (" + t.marking() + ")"
                                : t.error() == null ? "" : t.error());
            }
            out.printf(Locale.ROOT, "job %s %s: %d done, %d failed, in %.1f s%n", done.id(), done.status(),
                    done.tasks().stream().filter(t -> t.status().equals(TaskRecord.DONE)).count(),
                    done.failedCount(), (System.nanoTime() - t0) / 1e9);
        }
        out.flush();
        return done.status().equals(TaskRecord.DONE) ? 0 : 1;
    }

    private int list(JobStore store, PrintWriter out) {
        List<JobRecord> all = store.list(null, 200);
        if (json) {
            out.println(mapper().writeValueAsStringUnchecked(all.stream().map(j -> JobJson.of(j, m -> true)).toList()));
        } else {
            for (JobRecord j : all) {
                out.printf(Locale.ROOT, "%s  %-9s %3d/%-3d %-10s %s  %s%n", j.id(), j.status(), j.finishedCount(),
                        j.tasks().size(), j.user(), j.created(), j.name());
            }
            for (JobStore.Schedule s : store.schedules(null)) {
                out.printf(Locale.ROOT, "schedule %-20s %-10s %-15s next %s%n", s.name(), s.user(), s.cron(),
                        s.nextRun());
            }
        }
        out.flush();
        return 0;
    }

    private int cancel(ConsoleServices services, JobStore store, PrintWriter err, PrintWriter out) {
        Optional<JobRecord> j = store.find(cancel);
        if (j.isEmpty()) {
            err.println("sextant batch: no job " + cancel);
            return 2;
        }
        if (j.get().finished()) {
            out.println("job " + cancel + " has finished: nothing to cancel");
        } else if (!store.cancel(cancel, Instant.now())) {
            out.println("job " + cancel + " was already cancelled");
        } else {
            services.audit().append(new io.sextant.appliance.audit.AuditEvent(
                    io.sextant.appliance.audit.AuditEventType.JOB, io.sextant.appliance.audit.Outcome.OK,
                    ConsoleServices.actor(), "job " + cancel + " cancelled", "\"" + j.get().name() + "\" of "
                    + j.get().user(), null, null));
            out.println("job " + cancel + " cancelled");
        }
        out.flush();
        return 0;
    }

    private static Mapper mapper() {
        return new Mapper();
    }

    /** Jackson without checked exceptions. */
    private static final class Mapper {
        private final ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        String writeValueAsStringUnchecked(Object o) {
            try {
                return m.writeValueAsString(o);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

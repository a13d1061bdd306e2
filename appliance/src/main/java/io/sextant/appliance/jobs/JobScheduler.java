package io.sextant.appliance.jobs;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's clock for scheduled jobs: resumes unfinished jobs when it starts, then every interval (about 15 s)
 * starts each schedule that is due as a new job instance ({@code name@timestamp}), unattended.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final JobService jobs;
    private final ZoneId zone;
    private final ScheduledExecutorService timer;

    /**
     * Resumes unfinished jobs and starts checking schedules.
     *
     * @param jobs     the job service
     * @param zone     the zone cron expressions are read in ({@code sextant.jobs.zone})
     * @param interval how often schedules are checked
     */
    public JobScheduler(JobService jobs, ZoneId zone, Duration interval) {
        this.jobs = jobs;
        this.zone = zone;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sextant-job-scheduler");
            t.setDaemon(true);
            return t;
        });
        timer.execute(this::resume);
        timer.scheduleWithFixedDelay(this::tickQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** @return the zone cron expressions are read in */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Starts every due schedule now.
     *
     * @return the jobs started
     */
    public List<JobRecord> tick() {
        return jobs.runDueSchedules(zone);
    }

    private void resume() {
        try {
            jobs.resumeAll();
        } catch (RuntimeException e) {
            LOG.error("resuming unfinished jobs failed", e);
        }
    }

    private void tickQuietly() {
        try {
            List<JobRecord> started = tick();
            started.forEach(j -> LOG.info("scheduled job {} '{}' started for {}", j.id(), j.name(), j.user()));
        } catch (RuntimeException e) {
            LOG.error("checking job schedules failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

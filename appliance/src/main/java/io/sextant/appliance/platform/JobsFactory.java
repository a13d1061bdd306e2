package io.sextant.appliance.platform;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.draft.DraftService;
import io.sextant.appliance.jobs.JobScheduler;
import io.sextant.appliance.jobs.JobService;
import io.sextant.appliance.jobs.JobStore;
import io.sextant.appliance.security.Account;
import io.sextant.appliance.security.Accounts;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Batch jobs in the server: the store, a worker pool of {@code sextant.jobs.workers} (default 2), and the scheduler,
 * started with the server, which resumes unfinished jobs and runs schedules in {@code sextant.jobs.zone} (default:
 * the system zone), checked every {@code sextant.jobs.check-interval} (default 15 s).
 */
@Factory
final class JobsFactory {

    @Singleton
    JobStore jobStore(Database db) {
        return JobStore.open(db.dataSource());
    }

    @Singleton
    @Bean(preDestroy = "close")
    JobService jobService(@Value("${sextant.data-dir}") String dataDir, JobStore store, DraftService drafts,
            Accounts accounts, AuditLog audit, Clock clock, @Value("${sextant.jobs.workers:2}") int workers) {
        return new JobService(store, drafts, user -> accounts.byName(user)
                .filter(a -> !a.locked() && !a.isLockedAt(clock.instant())).map(Account::analyst),
                audit, clock, Path.of(dataDir).resolve("jobs"), workers);
    }

    @Context
    @Bean(preDestroy = "close")
    JobScheduler jobScheduler(JobService jobs, @Value("${sextant.jobs.zone:}") String zone,
            @Value("${sextant.jobs.check-interval:15s}") Duration interval) {
        return new JobScheduler(jobs, zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone),
                interval);
    }
}

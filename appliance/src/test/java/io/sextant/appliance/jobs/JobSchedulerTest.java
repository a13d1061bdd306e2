package io.sextant.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSchedulerTest {

    @TempDir
    Path tmp;

    @Test
    void cron_expressions_fire_on_the_next_matching_minute_in_their_zone() {
        ZoneId london = ZoneId.of("Europe/London");
        ZonedDateTime sat = ZonedDateTime.of(2026, 11, 28, 4, 59, 30, 0, london);
        assertThat(Cron.parse("0 5 * * *").next(sat)).isEqualTo(sat.withHour(5).withMinute(0).withSecond(0));
        assertThat(Cron.parse("0 5 * * *").next(sat.withHour(5).withMinute(0).withSecond(0)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 29, 5, 0, 0, 0, london));
        assertThat(Cron.parse("*/15 * * * *").next(sat)).isEqualTo(sat.withHour(5).withMinute(0).withSecond(0));
        assertThat(Cron.parse("30 9 * * MON-FRI").next(sat))
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 9, 30, 0, 0, london));
        assertThat(Cron.parse("0 0 1 * 0").next(sat)).as("day of month OR day of week")
                .isEqualTo(ZonedDateTime.of(2026, 11, 29, 0, 0, 0, 0, london));
        assertThat(Cron.parse("0 12 29 2 *").next(sat)).isEqualTo(ZonedDateTime.of(2028, 2, 29, 12, 0, 0, 0, london));
        for (String bad : List.of("", "* * * *", "60 * * * *", "* 24 * * *", "0 5 * * FOO", "*/0 * * * *",
                "5-1 * * * *")) {
            assertThatThrownBy(() -> Cron.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_scheduled_job_runs_unattended_each_time_it_is_due_as_a_new_instance() throws Exception {
        Path data = JobFixtures.dataDir(tmp);
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T04:50:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now.get(), zone);
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        try (LocalJobs local = new LocalJobs(data, clock, 2, Engines.Config.DEFAULTS)) {
            JobFile daily = JobFile.parse("{\"name\": \"daily-brief\", \"user\": \"alice\", \"schedule\": \"0 5 * * *\","
                    + " \"tasks\": [{\"template\": \"brief\", \"topic\": \"convoy movements on Route 7\"}]}");
            assertThat(local.jobs.schedule(daily, "test", ZoneOffset.UTC))
                    .isEqualTo(Instant.parse("2026-11-29T05:00:00Z"));
            assertThat(local.jobs.runDueSchedules(ZoneOffset.UTC)).isEmpty();

            now.set(Instant.parse("2026-11-29T05:00:10Z"));
            try (JobScheduler scheduler = new JobScheduler(local.jobs, ZoneOffset.UTC, Duration.ofMillis(200))) {
                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                List<JobRecord> jobs = List.of();
                while (System.nanoTime() < end) {
                    jobs = local.jobs.store().list("alice", 10);
                    if (!jobs.isEmpty() && jobs.getFirst().finished()) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(jobs).hasSize(1);
                assertThat(jobs.getFirst().name()).isEqualTo("daily-brief@2026-11-29T05:00Z");
                assertThat(jobs.getFirst().submittedBy()).isEqualTo(JobService.SCHEDULER);
                assertThat(jobs.getFirst().status()).isEqualTo(TaskRecord.DONE);
                assertThat(scheduler.tick()).as("not due again the same day").isEmpty();
                assertThat(local.jobs.store().schedules("alice").getFirst().nextRun())
                        .isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
            }
            now.set(Instant.parse("2026-11-30T05:00:03Z"));
            List<JobRecord> second = local.jobs.runDueSchedules(ZoneOffset.UTC);
            assertThat(second).hasSize(1);
            assertThat(second.getFirst().name()).isEqualTo("daily-brief@2026-11-30T05:00Z");
            local.jobs.await(second.getFirst().id(), Duration.ofSeconds(60), j -> { });
            assertThat(local.jobs.store().list("alice", 10)).hasSize(2);
        }
    }

    @Test
    void a_restarted_server_finishes_the_unfinished_tasks_of_its_jobs() throws Exception {
        Path data = JobFixtures.corpusOnly(tmp);
        try (TestServer server = TestServer.start(data, true, null)) {
            server.signedInAs("alice", Role.ANALYST, "level=S;country=USA", "correct horse battery staple 1");
        }
        String id = "left-over-job";
        JobFile job = JobFile.parse(JobFixtures.job("left-over", "alice", 4, null));
        try (Database db = Database.open(new DataDir(data))) {
            JobStore store = JobStore.open(db.dataSource());
            store.insert(id, job, "test", List.of(0, 1, 2, 3).stream()
                    .map(n -> data.resolve("jobs").resolve(id).resolve(n + ".md").toString()).toList(), Instant.now());
            assertThat(store.claim(id, 0, Instant.now())).isTrue(); // "running" when its process died
        }
        try (TestServer server = TestServer.start(data, true, null)) {
            JobStore store = server.bean(JobStore.class);
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < end && !store.find(id).orElseThrow().finished()) {
                Thread.sleep(100);
            }
            assertThat(store.find(id).orElseThrow().status()).isEqualTo(TaskRecord.DONE);
        }
    }
}

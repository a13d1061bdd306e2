package io.sextant.appliance.jobs;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.draft.DraftExporter;
import io.sextant.appliance.security.Principal;
import io.sextant.guard.access.Clearance;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/jobs}: submit a job file (it runs as the caller), list and read jobs (one's own; an admin sees all),
 * cancel, and download a task's output when its marking is within the caller's clearance. Another user's job and a
 * missing one answer the same 404.
 */
@Controller("/api/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
final class JobsApiController {

    private final JobService jobs;
    private final JobScheduler scheduler;
    private final AuditLog audit;

    JobsApiController(JobService jobs, JobScheduler scheduler, AuditLog audit) {
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    @Post
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, "application/yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> submit(Principal principal, @Body @Nullable String body) {
        Submission s = submitAs(jobs, scheduler.zone(), principal, body);
        if (s.error() != null) {
            return HttpResponse.<Map<String, Object>>status(s.status()).body(error(s.status(), s.error()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.submitted() == null) {
            m.put("schedule", s.file().name());
            m.put("cron", s.file().schedule());
            m.put("nextRun", s.nextRun().toString());
            m.put("marking", "UNCLASSIFIED");
            return HttpResponse.accepted().body(m);
        }
        JobRecord j = s.submitted().job();
        m.put("id", j.id());
        m.put("status", j.status());
        m.put("statusUrl", "/api/jobs/" + j.id());
        m.put("existing", s.submitted().existing());
        m.put("marking", "UNCLASSIFIED");
        return HttpResponse.accepted().header(HttpHeaders.LOCATION, "/api/jobs/" + j.id()).body(m);
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> list(Principal principal) {
        Clearance c = principal.analyst().clearance();
        List<JobRecord> all = JobAccess.visibleJobs(jobs.store(), principal);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobs", all.stream().map(j -> JobJson.of(j, b -> JobAccess.within(c, b))).toList());
        m.put("marking", JobAccess.banner(c, all));
        return m;
    }

    @Get("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> get(Principal principal, @PathVariable String id) {
        JobRecord j = JobAccess.visibleJob(jobs.store(), principal, id).orElseThrow(JobsApiController::notFound);
        Clearance c = principal.analyst().clearance();
        Map<String, Object> m = JobJson.of(j, b -> JobAccess.within(c, b));
        m.put("marking", JobAccess.banner(c, List.of(j)));
        return m;
    }

    @Post("/{id}/cancel")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> cancel(Principal principal, @PathVariable String id,
            @Body @Nullable String ignored) {
        if (JobAccess.visibleJob(jobs.store(), principal, id).isEmpty()) {
            return HttpResponse.<Map<String, Object>>status(HttpStatus.NOT_FOUND).body(error(HttpStatus.NOT_FOUND,
                    "Not Found"));
        }
        boolean now = jobs.cancel(id, principal.name());
        JobRecord j = jobs.store().find(id).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("status", j.status());
        m.put("cancelled", now);
        m.put("marking", "UNCLASSIFIED");
        return HttpResponse.ok(m);
    }

    @Get("/{id}/tasks/{n}/output")
    HttpResponse<byte[]> output(Principal principal, @PathVariable String id, @PathVariable int n) throws IOException {
        JobRecord j = JobAccess.visibleJob(jobs.store(), principal, id).orElseThrow(JobsApiController::notFound);
        if (n < 0 || n >= j.tasks().size()) {
            throw notFound();
        }
        TaskRecord t = j.tasks().get(n);
        Clearance c = principal.analyst().clearance();
        if (!TaskRecord.DONE.equals(t.status()) || t.marking() == null || !JobAccess.within(c, t.marking())) {
            if (t.marking() != null && TaskRecord.DONE.equals(t.status())) {
                audit.append(new AuditEvent(AuditEventType.JOB, Outcome.DENIED, principal.name(),
                        "job " + id + " task " + n + " output", "above the caller's access", null, null));
            }
            throw notFound();
        }
        Path file = Path.of(t.out());
        if (!Files.isRegularFile(file)) {
            throw notFound();
        }
        DraftExporter exporter = DraftExporter.forFormat(t.format());
        byte[] bytes = Files.readAllBytes(file);
        audit.append(new AuditEvent(AuditEventType.JOB, Outcome.OK, principal.name(),
                "job " + id + " task " + n + " output downloaded", t.format() + ", " + bytes.length + " bytes",
                t.marking(), null));
        String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return HttpResponse.ok(bytes).contentType(MediaType.of(exporter.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header("X-Sextant-Marking", t.marking());
    }

    /**
     * What a submission from the web did.
     *
     * @param file      the parsed job file, or null when it did not parse
     * @param submitted the stored job, or null (scheduled, or error)
     * @param nextRun   when a scheduled job runs first
     * @param status    the error status, when error
     * @param error     why it was refused
     */
    record Submission(JobFile file, JobService.Submitted submitted, java.time.Instant nextRun, HttpStatus status,
            String error) {
    }

    /** Submits a job file for the signed-in user: the file may not name anyone else. */
    static Submission submitAs(JobService jobs, ZoneId zone, Principal principal, String body) {
        JobFile file;
        try {
            file = JobFile.parse(body);
        } catch (IllegalArgumentException e) {
            return new Submission(null, null, null, HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (file.user() != null && !file.user().equals(principal.name())) {
            return new Submission(file, null, null, HttpStatus.FORBIDDEN,
                    "a job runs as the user who submits it; the job file names another user");
        }
        file = file.forUser(principal.name());
        try {
            if (file.schedule() != null) {
                return new Submission(file, null, jobs.schedule(file, principal.name(), zone), null, null);
            }
            return new Submission(file, jobs.submit(file, principal.name(), false), null, null, null);
        } catch (IllegalArgumentException e) {
            return new Submission(file, null, null, HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static Map<String, Object> error(HttpStatus status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.getCode());
        m.put("error", message);
        return m;
    }

    private static HttpStatusException notFound() {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "Not Found");
    }
}

package io.sextant.appliance.jobs;

import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import io.sextant.guard.access.Clearance;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /jobs}: the signed-in user's jobs (an admin's: everyone's) with progress bars, each task's status, timings,
 * result marking and download link, a form to submit a job file, and cancel buttons. Result markings above the
 * viewer's clearance are withheld; the banner is the roll-up of the markings shown.
 */
@Controller("/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
final class JobsPageController {

    private final JobService jobs;
    private final JobScheduler scheduler;
    private final SiteConfig site;

    JobsPageController(JobService jobs, JobScheduler scheduler, SiteConfig site) {
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.site = site;
    }

    /** @param spec the job file text */
    @Serdeable
    record JobForm(@Nullable String spec) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> list(Principal principal) {
        return page(principal, null, null, null, HttpStatus.OK);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> submit(Principal principal, @Body JobForm form) {
        JobsApiController.Submission s = JobsApiController.submitAs(jobs, scheduler.zone(), principal,
                form.spec() == null ? "" : form.spec());
        if (s.error() != null) {
            return page(principal, s.error(), null, form.spec(), s.status());
        }
        if (s.submitted() == null) {
            return page(principal, null, List.of("jobs.scheduled", s.file().name(), s.nextRun().toString()), null,
                    HttpStatus.OK);
        }
        if (s.submitted().existing()) {
            return page(principal, null, List.of("jobs.existing", s.file().name(), s.submitted().job().id()), null,
                    HttpStatus.OK);
        }
        return HttpResponse.seeOther(URI.create("/jobs#job-" + s.submitted().job().id()));
    }

    @Post("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> cancel(Principal principal, @PathVariable String id, @Body Map<String, String> ignored) {
        if (JobAccess.visibleJob(jobs.store(), principal, id).isPresent()) {
            jobs.cancel(id, principal.name());
        }
        return HttpResponse.seeOther(URI.create("/jobs"));
    }

    private HttpResponse<?> page(Principal principal, String error, List<String> notice, String spec,
            HttpStatus status) {
        Clearance c = principal.analyst().clearance();
        List<JobRecord> all = JobAccess.visibleJobs(jobs.store(), principal);
        List<Map<String, Object>> views = new ArrayList<>();
        for (JobRecord j : all) {
            Map<String, Object> v = new LinkedHashMap<>(JobJson.of(j, b -> JobAccess.within(c, b)));
            v.put("active", !j.finished() && !j.cancelled());
            views.add(v);
        }
        Map<String, Object> model = PageModel.of(principal, principal.session(), site,
                Banner.of(JobAccess.banner(c, all)));
        model.put("jobs", views);
        model.put("anyActive", views.stream().anyMatch(v -> Boolean.TRUE.equals(v.get("active"))));
        model.put("schedules", jobs.store().schedules(JobAccess.isAdmin(principal) ? null : principal.name()));
        model.put("errorText", error);
        model.put("notice", notice);
        model.put("spec", spec == null ? EXAMPLE.replace("USER", principal.name()) : spec);
        return HttpResponse.status(status).body(new ModelAndView<>("jobs/list", model));
    }

    private static final String EXAMPLE = """
            {"name": "morning-products", "user": "USER", "tasks": [
              {"template": "sitrep", "topic": "convoy movements", "format": "md"}
            ]}""";
}

package io.sextant.appliance.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The JSON shape of a job, shared by {@code sextant batch --json} and {@code /api/jobs}. A task's result marking and
 * output link are shown only when the viewer may see that marking; otherwise the result is withheld.
 */
public final class JobJson {

    private JobJson() {
    }

    /**
     * @param job     the job
     * @param visible whether the viewer may see a marking (banner text)
     * @return the job as a JSON-ready map
     */
    public static Map<String, Object> of(JobRecord job, Predicate<String> visible) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("name", job.name());
        m.put("user", job.user());
        m.put("submittedBy", job.submittedBy());
        m.put("status", job.status());
        m.put("created", job.created().toString());
        m.put("total", job.tasks().size());
        m.put("finished", job.finishedCount());
        m.put("failed", job.failedCount());
        m.put("progress", job.progress());
        m.put("statusUrl", "/api/jobs/" + job.id());
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (TaskRecord t : job.tasks()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("n", t.n());
            tm.put("template", t.template());
            tm.put("topic", t.topic());
            tm.put("scope", t.scope());
            tm.put("format", t.format());
            tm.put("status", t.status());
            tm.put("started", t.started() == null ? null : t.started().toString());
            tm.put("finished", t.finished() == null ? null : t.finished().toString());
            tm.put("durationMs", t.durationMs());
            tm.put("error", t.error());
            if (t.marking() != null && visible.test(t.marking())) {
                tm.put("marking", t.marking());
                tm.put("output", "/api/jobs/" + job.id() + "/tasks/" + t.n() + "/output");
            } else {
                tm.put("marking", null);
                tm.put("output", null);
                if (t.marking() != null) {
                    tm.put("withheld", true);
                }
            }
            tasks.add(tm);
        }
        m.put("tasks", tasks);
        return m;
    }
}

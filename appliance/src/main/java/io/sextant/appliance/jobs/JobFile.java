package io.sextant.appliance.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A batch job as its file states it: a name, the requesting user, the tasks and an optional cron schedule. Read from
 * JSON or YAML (YAML is a superset of JSON, so one safe YAML reader takes both). A bad job file as a whole (no name,
 * no tasks) is refused here; a bad task (unknown template, bad scope) is kept and fails alone when it runs.
 *
 * @param name     the job's name; with the content it identifies the job for re-submission
 * @param user     the requesting user (the job runs with their clearance); may be null in an API body
 * @param tasks    the tasks, in order
 * @param schedule a 5-field cron expression, or null to run once now
 */
public record JobFile(String name, String user, List<Task> tasks, String schedule) {

    /** Most tasks one job may hold. */
    public static final int MAX_TASKS = 1000;

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * One product to draft.
     *
     * @param template the template id
     * @param topic    what the product is about
     * @param scope    collections and dates ({@code collection=a,b;from=...;to=...}), or null
     * @param out      where to write it, or null for the job's folder
     * @param format   md, docx or pdf, or null (from {@code out}, else md)
     */
    public record Task(String template, String topic, String scope, String out, String format) {

        /** @return the output format: the stated one, else {@code out}'s extension, else md */
        public String effectiveFormat() {
            String f = format;
            if ((f == null || f.isBlank()) && out != null) {
                String file = out.replace('\\', '/');
                file = file.substring(file.lastIndexOf('/') + 1);
                int dot = file.lastIndexOf('.');
                f = dot < 0 ? null : file.substring(dot + 1);
            }
            f = f == null || f.isBlank() ? "md" : f.strip().toLowerCase(Locale.ROOT);
            return "markdown".equals(f) ? "md" : f;
        }
    }

    /** Checks the job as a whole. */
    public JobFile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the job file needs a \"name\"");
        }
        name = name.strip();
        if (name.length() > 200) {
            throw new IllegalArgumentException("the job's name is longer than 200 characters");
        }
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("the job file needs at least one task in \"tasks\"");
        }
        if (tasks.size() > MAX_TASKS) {
            throw new IllegalArgumentException("a job holds at most " + MAX_TASKS + " tasks");
        }
        tasks = List.copyOf(tasks);
        user = user == null || user.isBlank() ? null : user.strip();
        schedule = schedule == null || schedule.isBlank() ? null : schedule.strip();
        if (schedule != null) {
            Cron.parse(schedule);
        }
    }

    /**
     * Reads a job file.
     *
     * @param text JSON or YAML
     * @return the job
     * @throws IllegalArgumentException when it is not a job file
     */
    public static JobFile parse(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text == null ? "" : text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("the job file is neither JSON nor YAML: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the job file must be an object with \"name\" and \"tasks\"");
        }
        List<Task> tasks = new ArrayList<>();
        if (map.get("tasks") instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> t)) {
                    throw new IllegalArgumentException("each task must be an object with \"template\" and \"topic\"");
                }
                tasks.add(new Task(text(t.get("template")), text(t.get("topic")), text(t.get("scope")),
                        text(t.get("out")), text(t.get("format"))));
            }
        } else if (map.get("tasks") != null) {
            throw new IllegalArgumentException("\"tasks\" must be a list");
        }
        return new JobFile(text(map.get("name")), text(map.get("user")), tasks, text(map.get("schedule")));
    }

    /**
     * @param newName the name of the copy
     * @return this job under another name (a scheduled run's instance)
     */
    public JobFile named(String newName) {
        return new JobFile(newName, user, tasks, null);
    }

    /**
     * @param newUser the user
     * @return this job for the given user
     */
    public JobFile forUser(String newUser) {
        return new JobFile(name, newUser, tasks, schedule);
    }

    /** @return canonical JSON of the whole job (sorted keys): what is stored and hashed */
    public String canonicalJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("user", user);
        m.put("schedule", schedule);
        List<Map<String, Object>> ts = new ArrayList<>();
        for (Task t : tasks) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("template", t.template());
            tm.put("topic", t.topic());
            tm.put("scope", t.scope());
            tm.put("out", t.out());
            tm.put("format", t.format());
            ts.add(tm);
        }
        m.put("tasks", ts);
        try {
            return CANONICAL.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return SHA-256 of the canonical JSON, hex: same name and content give the same hash */
    public String contentHash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}

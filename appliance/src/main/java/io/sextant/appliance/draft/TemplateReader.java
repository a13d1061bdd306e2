package io.sextant.appliance.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one template file (YAML, or JSON, which SnakeYAML reads as YAML) into a {@link DraftTemplate}. Strict: an
 * unknown key is an error, so a misspelt {@code instructons:} is reported instead of silently ignored. Only plain
 * maps, lists and scalars are constructed (no YAML tags to Java types).
 */
final class TemplateReader {

    /** Template files are a few kilobytes; anything far larger is a mistake. */
    static final int MAX_CHARS = 256 * 1024;

    private static final Set<String> TEMPLATE_KEYS = Set.of("id", "title", "description", "sections");
    private static final Set<String> SECTION_KEYS = Set.of("heading", "query", "instructions", "passages");

    private TemplateReader() {
    }

    /**
     * @param text      the file's text
     * @param json      true for a {@code .json} file
     * @param defaultId the id to use when the file names none (the file name without extension)
     * @return the template
     * @throws IllegalArgumentException with the reason the file is unusable
     */
    static DraftTemplate read(String text, boolean json, String defaultId) {
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("larger than " + MAX_CHARS + " characters");
        }
        // JSON strings cannot hold a raw tab, so outside them a tab is whitespace; YAML rejects tabs as indentation.
        Object root = parse(json ? text.replace('\t', ' ') : text);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(root == null ? "the file is empty"
                    : "the top level must be a mapping with id, title, description and sections");
        }
        checkKeys(map, TEMPLATE_KEYS, "the template");
        String id = map.containsKey("id") ? string(map, "id", "the template") : defaultId;
        String title = string(map, "title", "the template");
        String description = map.containsKey("description") ? string(map, "description", "the template") : "";
        Object sections = map.get("sections");
        if (!(sections instanceof List<?> list)) {
            throw new IllegalArgumentException("'sections' must be a list of sections");
        }
        List<TemplateSection> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(section(list.get(i), i + 1));
        }
        return new DraftTemplate(id, title, description, out);
    }

    private static Object parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_CHARS);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            String what = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new IllegalArgumentException("not valid YAML" + where + ": " + what, e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
    }

    private static TemplateSection section(Object node, int n) {
        String where = "section " + n;
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " must be a mapping with heading, query, instructions and"
                    + " passages");
        }
        checkKeys(map, SECTION_KEYS, where);
        String heading = string(map, "heading", where);
        String query = map.containsKey("query") ? string(map, "query", where) : "";
        String instructions = string(map, "instructions", where);
        Object passages = map.get("passages");
        int count;
        if (passages == null) {
            count = query.isBlank() ? 0 : 5;
        } else if (passages instanceof Integer i) {
            count = i;
        } else {
            throw new IllegalArgumentException(where + " ('" + heading + "'): 'passages' must be a whole number, not '"
                    + passages + "'");
        }
        try {
            return new TemplateSection(heading, query, instructions, count);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static void checkKeys(Map<?, ?> map, Set<String> allowed, String where) {
        Set<String> unknown = new TreeSet<>();
        for (Object k : map.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + " has unknown key(s) " + unknown + "; allowed: "
                    + new TreeSet<>(allowed));
        }
    }

    private static String string(Map<?, ?> map, String key, String where) {
        Object v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException(where + " needs '" + key + "'");
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be text, not a "
                    + (v instanceof Map<?, ?> ? "mapping" : "list"));
        }
        return String.valueOf(v);
    }
}

package io.sextant.appliance.draft;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A product template: the sections a draft of this kind has, in order. Templates are data, not code, so a site can
 * add its own formats or adapt the bundled SITREP, INTSUM, PIR and brief without a new release
 * ({@link TemplateLibrary} loads them).
 *
 * @param id          a short stable identifier ({@code [a-z0-9][a-z0-9_-]*}, at most 64 characters), e.g.
 *                    {@code sitrep}; a site template with a bundled template's id replaces it
 * @param title       the product's name, e.g. {@code Situation report (SITREP)}
 * @param description what the product is for, shown when an analyst picks a template
 * @param sections    the sections in order, at least one, headings unique
 */
public record DraftTemplate(String id, String title, String description, List<TemplateSection> sections) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public DraftTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        description = Objects.requireNonNullElse(description, "").strip();
        sections = List.copyOf(sections);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("template id '" + id + "' must match " + ID.pattern());
        }
        title = title.strip();
        if (title.isEmpty() || title.contains("\n")) {
            throw new IllegalArgumentException("template " + id + " needs a one-line title");
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("template " + id + " has no sections");
        }
        Set<String> headings = new HashSet<>();
        for (TemplateSection s : sections) {
            if (!headings.add(s.heading())) {
                throw new IllegalArgumentException("template " + id + " has two sections headed '" + s.heading()
                        + "'");
            }
        }
    }
}

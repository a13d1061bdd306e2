package io.sextant.appliance.draft;

import java.util.Objects;

/**
 * A template file that could not be used, and why: shown to the administrator who wrote it, instead of a server
 * that fails to start or a template that silently disappears.
 *
 * @param file   the file's name (a bundled resource's classpath name, or the site file's path)
 * @param reason what is wrong, with the line and column for YAML syntax errors
 */
public record TemplateProblem(String file, String reason) {

    /** Validates. */
    public TemplateProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}

package io.sextant.appliance.draft;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One section of a {@link DraftTemplate}: what the drafting service retrieves for it and what it tells the writer.
 * Each section has its own query so that, for example, a SITREP's threat section is grounded in adversary reporting
 * and its friendly-situation section in own-force reporting, instead of one retrieval for the whole product.
 *
 * @param heading      the section heading printed in the draft
 * @param queryPattern the retrieval query; {@value #TOPIC} is replaced by the analyst's topic. Empty only when
 *                     {@code passages} is 0 (a section written from the rest of the draft, such as a source list)
 * @param instructions what the writer (model or extractive engine) is asked to produce for this section; {@value #TOPIC}
 *                     is replaced here too
 * @param passages     how many passages to retrieve for the section, 0 to {@value #MAX_PASSAGES}
 */
public record TemplateSection(String heading, String queryPattern, String instructions, int passages) {

    /** The placeholder substituted by the topic. */
    public static final String TOPIC = "{topic}";
    /** The most passages one section may ask for (the writer's context is finite). */
    public static final int MAX_PASSAGES = 50;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public TemplateSection {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(queryPattern, "queryPattern");
        Objects.requireNonNull(instructions, "instructions");
        heading = heading.strip();
        queryPattern = queryPattern.strip();
        instructions = instructions.strip();
        if (heading.isEmpty() || heading.length() > 200 || heading.contains("\n")) {
            throw new IllegalArgumentException("heading must be one line of 1 to 200 characters: '" + heading + "'");
        }
        if (passages < 0 || passages > MAX_PASSAGES) {
            throw new IllegalArgumentException("section '" + heading + "': passages must be 0 to " + MAX_PASSAGES
                    + ", not " + passages);
        }
        if (passages > 0 && queryPattern.isEmpty()) {
            throw new IllegalArgumentException("section '" + heading + "' retrieves " + passages
                    + " passages but has no query");
        }
        Matcher m = PLACEHOLDER.matcher(queryPattern);
        while (m.find()) {
            if (!m.group().equals(TOPIC)) {
                throw new IllegalArgumentException("section '" + heading + "': unknown placeholder " + m.group()
                        + " in the query; only " + TOPIC + " is substituted");
            }
        }
        if (instructions.isEmpty()) {
            throw new IllegalArgumentException("section '" + heading + "' has no instructions");
        }
    }

    /**
     * @param topic the analyst's topic
     * @return the retrieval query for this section, empty when the section retrieves nothing
     */
    public String query(String topic) {
        return queryPattern.replace(TOPIC, Objects.requireNonNull(topic, "topic").strip());
    }

    /**
     * @param topic the analyst's topic
     * @return the writer's instructions for this section with the topic filled in
     */
    public String instructions(String topic) {
        return instructions.replace(TOPIC, Objects.requireNonNull(topic, "topic").strip());
    }
}

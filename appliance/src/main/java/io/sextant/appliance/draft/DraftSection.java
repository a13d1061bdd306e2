package io.sextant.appliance.draft;

import io.sextant.guard.output.MarkedParagraph;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One section of a draft: its heading, its guard-marked paragraphs, the passages they cite, and whether the analyst
 * has accepted it. The body holds the guard's {@link MarkedParagraph}s rather than plain text so that a section can
 * never be stored or exported without its portion marks.
 *
 * @param heading   the heading, from the template (one line, at most 200 characters)
 * @param body      the paragraphs with their portion marks, in order; empty while the section is not written yet
 * @param citations the passages the paragraphs cite, numbers unique within the section
 * @param state     draft until the analyst accepts it
 */
public record DraftSection(String heading, List<MarkedParagraph> body, List<Citation> citations, State state) {

    /** Where a section stands in the analyst's review. */
    public enum State {
        /** Written by the drafting service or edited, not yet accepted. */
        DRAFT,
        /** Accepted by the analyst as it stands. */
        ACCEPTED
    }

    /**
     * Validates.
     *
     * @throws IllegalArgumentException on a blank heading or a citation number used twice
     */
    public DraftSection {
        Objects.requireNonNull(heading, "heading");
        body = List.copyOf(body);
        citations = List.copyOf(citations);
        Objects.requireNonNull(state, "state");
        heading = heading.strip();
        if (heading.isEmpty() || heading.length() > 200 || heading.contains("\n")) {
            throw new IllegalArgumentException("section heading must be one line of 1 to 200 characters: '" + heading
                    + "'");
        }
        Set<Integer> numbers = new HashSet<>();
        for (Citation c : citations) {
            if (!numbers.add(c.number())) {
                throw new IllegalArgumentException("section '" + heading + "' cites [" + c.number() + "] twice");
            }
        }
    }

    /**
     * @param heading   the heading
     * @param body      the marked paragraphs
     * @param citations the cited passages
     * @return a section in the draft state
     */
    public static DraftSection draft(String heading, List<MarkedParagraph> body, List<Citation> citations) {
        return new DraftSection(heading, body, citations, State.DRAFT);
    }

    /** @return this section, accepted */
    public DraftSection accepted() {
        return new DraftSection(heading, body, citations, State.ACCEPTED);
    }
}

package io.sextant.appliance.draft;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An analyst's draft product: which template it follows, what it is about and what it may draw on, who asked for
 * it (the accountable derivative classifier named in the authority block), and its sections. A value: editing a
 * section or accepting gives a new {@code Draft}, which {@link DraftStore} persists. Citation numbers belong to
 * their section ({@code [1]} in two sections may name two passages), because each section is written, regenerated
 * and guarded on its own evidence, numbered from 1.
 *
 * @param id         a unique id (a random UUID for new drafts)
 * @param templateId the {@link DraftTemplate} it was drafted from
 * @param topic      the analyst's topic, substituted into each section's query
 * @param scope      the collections and dates searched
 * @param user       the requesting user's account name; only this user may see the draft
 * @param created    when it was drafted (kept to the microsecond, the database's precision)
 * @param sections   the sections, in the template's order, at least one
 */
public record Draft(String id, String templateId, String topic, DraftScope scope, String user, Instant created,
        List<DraftSection> sections) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public Draft {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(user, "user");
        created = Objects.requireNonNull(created, "created").truncatedTo(ChronoUnit.MICROS);
        sections = List.copyOf(sections);
        topic = topic.strip();
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("draft id must be 1 to 64 characters: '" + id + "'");
        }
        if (templateId.length() > 64) {
            throw new IllegalArgumentException("template id longer than 64 characters: '" + templateId + "'");
        }
        if (templateId.isBlank() || topic.isEmpty() || user.isBlank()) {
            throw new IllegalArgumentException("a draft needs a template, a topic and a requesting user");
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("draft " + id + " has no sections");
        }
    }

    /**
     * Starts a draft with a fresh id.
     *
     * @param template the template
     * @param topic    the topic
     * @param scope    what to search
     * @param user     the requesting user's account name
     * @param created  now
     * @param sections the written sections
     * @return the draft
     */
    public static Draft create(DraftTemplate template, String topic, DraftScope scope, String user, Instant created,
            List<DraftSection> sections) {
        return new Draft(UUID.randomUUID().toString(), template.id(), topic, scope, user, created, sections);
    }

    /** @return accepted when every section is accepted, else draft */
    public DraftSection.State state() {
        return sections.stream().allMatch(s -> s.state() == DraftSection.State.ACCEPTED)
                ? DraftSection.State.ACCEPTED : DraftSection.State.DRAFT;
    }

    /**
     * @param index   the section's 0-based index
     * @param section its new content
     * @return this draft with that section replaced
     * @throws IndexOutOfBoundsException when there is no such section
     */
    public Draft withSection(int index, DraftSection section) {
        Objects.checkIndex(index, sections.size());
        List<DraftSection> copy = new ArrayList<>(sections);
        copy.set(index, Objects.requireNonNull(section, "section"));
        return new Draft(id, templateId, topic, scope, user, created, copy);
    }

    /** @return this draft with every section accepted */
    public Draft accepted() {
        return new Draft(id, templateId, topic, scope, user, created,
                sections.stream().map(DraftSection::accepted).toList());
    }
}

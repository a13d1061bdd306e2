package io.sextant.appliance.draft;

import java.time.Instant;

/**
 * A line in a user's list of drafts: enough to pick one without loading every section.
 *
 * @param id         the draft's id
 * @param templateId its template
 * @param topic      its topic
 * @param created    when it was drafted
 * @param state      accepted when every section is
 */
public record DraftSummary(String id, String templateId, String topic, Instant created, DraftSection.State state) {
}

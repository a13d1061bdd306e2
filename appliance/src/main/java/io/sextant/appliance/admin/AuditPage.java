package io.sextant.appliance.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of the audit log, newest first, with the state of the whole chain.
 *
 * @param rows the rows, newest first
 * @param nextBefore pass as {@code before} for the next (older) page, or null when this is the last page
 * @param chain "ok" or "broken"
 * @param chainRows rows checked when intact
 * @param headHash the last row's hash when intact
 * @param brokenAt the first broken row when broken
 * @param brokenReason why it is broken
 * @param marking the banner for this content
 */
@Serdeable
public record AuditPage(List<Row> rows, @Nullable Long nextBefore, String chain, long chainRows,
                        @Nullable String headHash, @Nullable Long brokenAt, @Nullable String brokenReason,
                        String marking) {

    /**
     * An audit row as shown (without its hashes).
     *
     * @param seq its sequence number
     * @param at when (ISO-8601)
     * @param type the event type
     * @param outcome OK, FAILED or DENIED
     * @param actor who
     * @param subject what it was done to
     * @param detail details
     * @param markings the markings of what was shown
     * @param remote the client address
     */
    @Serdeable
    public record Row(long seq, String at, String type, String outcome, String actor, @Nullable String subject,
                      @Nullable String detail, @Nullable String markings, @Nullable String remote) {
    }
}

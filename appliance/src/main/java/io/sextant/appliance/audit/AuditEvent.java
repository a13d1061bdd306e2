package io.sextant.appliance.audit;

import java.util.Objects;

/**
 * One thing to audit, before it gets its place in the chain. Free-text fields are bounded and stripped of control
 * characters so a hostile value cannot forge log lines; callers must never put secrets or document text here.
 *
 * @param type what happened
 * @param outcome how it ended
 * @param actor who did it (account name, {@code system}, or {@code cli:<os-user>})
 * @param subject what it was done to (an account name, a document id), or null
 * @param detail short structured detail ({@code role=ADMIN}), or null
 * @param markings the markings of what was shown, or null when nothing was shown
 * @param remote the client address, or null for console actions
 */
public record AuditEvent(AuditEventType type, Outcome outcome, String actor, String subject, String detail,
                         String markings, String remote) {

    /** Checks the required fields and bounds the free ones. */
    public AuditEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        actor = clean(Objects.requireNonNull(actor, "actor"), 128);
        subject = clean(subject, 256);
        detail = clean(detail, 1024);
        markings = clean(markings, 2048);
        remote = clean(remote, 64);
    }

    /**
     * A console or system event with no subject detail.
     *
     * @param type what happened
     * @param outcome how it ended
     * @param actor who did it
     * @param subject what it was done to
     * @return the event
     */
    public static AuditEvent of(AuditEventType type, Outcome outcome, String actor, String subject) {
        return new AuditEvent(type, outcome, actor, subject, null, null, null);
    }

    /**
     * @param value a value to store
     * @return the same event with that detail
     */
    public AuditEvent withDetail(String value) {
        return new AuditEvent(type, outcome, actor, subject, value, markings, remote);
    }

    /**
     * @param value the client address
     * @return the same event with that remote address
     */
    public AuditEvent withRemote(String value) {
        return new AuditEvent(type, outcome, actor, subject, detail, markings, value);
    }

    private static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}

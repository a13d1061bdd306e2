package io.sextant.appliance.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An audit row as stored: the event with its sequence number, time and place in the hash chain.
 *
 * @param seq position in the log, 1 for the first row, without gaps
 * @param at when it was recorded (millisecond precision, as stored)
 * @param event what was recorded
 * @param prevHash the hash of row {@code seq - 1}, or {@link #GENESIS} for the first row
 * @param hash SHA-256 over {@code prevHash} and the canonical form of this row
 */
public record AuditRecord(long seq, Instant at, AuditEvent event, String prevHash, String hash) {

    /** The previous hash of the first row. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The hash a row must carry: SHA-256 over the previous hash and a canonical, length-prefixed serialization of
     * every stored field, so that no two different rows serialize alike.
     *
     * @param seq the row's sequence number
     * @param at its time
     * @param e its event
     * @param prevHash the previous row's hash
     * @return lowercase hex SHA-256
     */
    public static String computeHash(long seq, Instant at, AuditEvent e, String prevHash) {
        StringBuilder b = new StringBuilder(256);
        b.append("sextant-audit-v1\n");
        field(b, "prev", prevHash);
        field(b, "seq", Long.toString(seq));
        field(b, "at", Long.toString(at.toEpochMilli()));
        field(b, "event", e.type().name());
        field(b, "outcome", e.outcome().name());
        field(b, "actor", e.actor());
        field(b, "subject", e.subject());
        field(b, "detail", e.detail());
        field(b, "markings", e.markings());
        field(b, "remote", e.remote());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
        }
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(name).append('=');
        if (value == null) {
            b.append("-1:");
        } else {
            b.append(value.length()).append(':').append(value);
        }
        b.append('\n');
    }
}

package io.sextant.appliance.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit log in the {@code audit_log} table. Appends take the last row under a row lock and insert the next
 * sequence number; the primary key on {@code seq} makes a concurrent writer from another process (the console
 * commands share the database) fail and retry instead of forking the chain.
 */
public final class H2AuditLog implements AuditLog {

    private static final int RETRIES = 200;
    private static final String COLUMNS = "seq, at, actor, event, outcome, subject, detail, markings, remote, prev_hash, hash";

    private final DataSource dataSource;
    private final Clock clock;

    /**
     * @param dataSource the appliance database
     * @param clock the time source
     */
    public H2AuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public synchronized AuditRecord append(AuditEvent event) {
        SQLException last = null;
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    AuditRecord r = appendIn(c, event);
                    c.commit();
                    return r;
                } catch (SQLException e) {
                    c.rollback();
                    last = e;
                    if (!"23505".equals(e.getSQLState())) {
                        break;
                    }
                    backOff(attempt);
                }
            } catch (SQLException e) {
                last = e;
                break;
            }
        }
        throw new AuditException("cannot append to the audit log", last);
    }

    /** A writer in another process took the sequence number: wait a short, growing, jittered time and retry. */
    private static void backOff(int attempt) {
        long maxMillis = Math.min(20, 1 + attempt);
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException("interrupted while appending to the audit log", e);
        }
    }

    private AuditRecord appendIn(Connection c, AuditEvent event) throws SQLException {
        long seq = 1;
        String prev = AuditRecord.GENESIS;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditRecord.computeHash(seq, at, event, prev);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(3, event.actor());
            ps.setString(4, event.type().name());
            ps.setString(5, event.outcome().name());
            ps.setString(6, event.subject());
            ps.setString(7, event.detail());
            ps.setString(8, event.markings());
            ps.setString(9, event.remote());
            ps.setString(10, prev);
            ps.setString(11, hash);
            ps.executeUpdate();
        }
        return new AuditRecord(seq, at, event, prev, hash);
    }

    @Override
    public List<AuditRecord> tail(int n) {
        List<AuditRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT ?")) {
            ps.setInt(1, Math.max(0, n));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new AuditException("cannot read the audit log", e);
        }
        Collections.reverse(out);
        return out;
    }

    @Override
    public ChainStatus verify() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")) {
            ps.setFetchSize(500);
            long expected = 1;
            String prev = AuditRecord.GENESIS;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong("seq");
                    AuditRecord r;
                    try {
                        r = read(rs);
                    } catch (IllegalArgumentException | NullPointerException e) {
                        return new ChainStatus.Broken(seq, "unreadable row: " + e.getMessage());
                    }
                    if (seq != expected) {
                        return new ChainStatus.Broken(expected, "row missing (next row present is " + seq + ")");
                    }
                    if (!r.prevHash().equals(prev)) {
                        return new ChainStatus.Broken(seq, "previous-hash link does not match row " + (seq - 1));
                    }
                    if (!AuditRecord.computeHash(seq, r.at(), r.event(), prev).equals(r.hash())) {
                        return new ChainStatus.Broken(seq, "content does not match its hash");
                    }
                    prev = r.hash();
                    expected++;
                }
            }
            return new ChainStatus.Intact(expected - 1, prev);
        } catch (SQLException e) {
            throw new AuditException("cannot read the audit log", e);
        }
    }

    private static AuditRecord read(ResultSet rs) throws SQLException {
        AuditEvent e = new AuditEvent(
                AuditEventType.valueOf(rs.getString("event")),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("actor"),
                rs.getString("subject"),
                rs.getString("detail"),
                rs.getString("markings"),
                rs.getString("remote"));
        Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
        return new AuditRecord(rs.getLong("seq"), at, e, rs.getString("prev_hash").strip(), rs.getString("hash").strip());
    }
}

package io.sextant.appliance.admin;

import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditException;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.ChainStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** Reads the audit log page by page, newest first, optionally filtered by event type and actor. Read-only. */
public final class AuditBrowser {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;

    private final DataSource dataSource;
    private final AuditLog log;

    /**
     * @param dataSource the appliance database
     * @param log the audit log (for the chain check)
     */
    public AuditBrowser(DataSource dataSource, AuditLog log) {
        this.dataSource = dataSource;
        this.log = log;
    }

    /**
     * @param limit rows per page (clamped to 1..{@link #MAX_LIMIT})
     * @param before only rows with a smaller sequence number, or null for the newest
     * @param type only this event type (name, case-insensitive), or null/blank for all
     * @param actor only this actor, or null/blank for all
     * @return the page with the chain status
     * @throws IllegalArgumentException for an unknown event type
     */
    public AuditPage page(int limit, Long before, String type, String actor) {
        int n = Math.max(1, Math.min(MAX_LIMIT, limit));
        String eventType = type == null || type.isBlank() ? null
                : AuditEventType.valueOf(type.strip().toUpperCase(Locale.ROOT)).name();
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        StringBuilder sql = new StringBuilder("SELECT seq, at, actor, event, outcome, subject, detail, markings, remote"
                + " FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (before != null) {
            sql.append(" AND seq < ?");
            args.add(before);
        }
        if (eventType != null) {
            sql.append(" AND event = ?");
            args.add(eventType);
        }
        if (who != null) {
            sql.append(" AND actor = ?");
            args.add(who);
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(n + 1);
        List<AuditPage.Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AuditPage.Row(rs.getLong("seq"),
                            rs.getObject("at", OffsetDateTime.class).toInstant().toString(), rs.getString("event"),
                            rs.getString("outcome"), rs.getString("actor"), rs.getString("subject"),
                            rs.getString("detail"), rs.getString("markings"), rs.getString("remote")));
                }
            }
        } catch (SQLException e) {
            throw new AuditException("cannot read the audit log", e);
        }
        Long next = null;
        if (rows.size() > n) {
            rows = new ArrayList<>(rows.subList(0, n));
            next = rows.get(n - 1).seq();
        }
        ChainStatus chain = log.verify();
        return switch (chain) {
            case ChainStatus.Intact ok -> new AuditPage(rows, next, "ok", ok.rows(), ok.headHash(), null, null,
                    "UNCLASSIFIED");
            case ChainStatus.Broken b -> new AuditPage(rows, next, "broken", 0, null, b.seq(), b.reason(),
                    "UNCLASSIFIED");
        };
    }
}

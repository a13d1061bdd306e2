package io.sextant.ingest.store;

import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.ingest.ExtractedPart;
import io.sextant.ingest.MetadataKeys;
import io.sextant.ingest.Passage;
import io.sextant.ingest.QuarantineReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Row writes of the ingest store; every method runs inside the caller's transaction. */
final class StoreWrites {
    private StoreWrites() {
    }

    static long existingTop(Connection db, String sha) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM ingest_document WHERE top_sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static void replacePrevious(Connection db, String path, String collection) throws SQLException {
        List<Long> old = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM ingest_document WHERE source_path = ? "
                + "AND collection = ?")) {
            ps.setString(1, path);
            ps.setString(2, collection);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    old.add(rs.getLong(1));
                }
            }
        }
        for (long id : old) {
            outbox(db, id, "DELETE");
        }
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM ingest_document WHERE source_path = ? "
                + "AND collection = ? AND parent_id IS NULL")) {
            ps.setString(1, path);
            ps.setString(2, collection);
            ps.executeUpdate();
        }
    }

    static long insertDocument(Connection db, PreparedDocument d, long parentId, JobItem item, String collection, String sha,
            long size) throws SQLException {
        ExtractedPart p = d.part();
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO ingest_document (parent_id, sha256, top_sha256, "
                + "source_path, embedded_path, collection, content_type, title, author, created, modified, language, "
                + "page_count, size_bytes, note, marking, marking_source, needs_review, review_flags, job_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            if (parentId == 0) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, parentId);
            }
            ps.setString(2, sha.isEmpty() ? null : sha);
            ps.setString(3, parentId == 0 ? sha : null);
            ps.setString(4, item.path().toString());
            ps.setString(5, p.embeddedPath());
            ps.setString(6, collection);
            ps.setString(7, cut(p.contentType(), 200));
            ps.setString(8, cut(p.metadata().get(MetadataKeys.TITLE), 1000));
            ps.setString(9, cut(p.metadata().get(MetadataKeys.AUTHOR), 1000));
            ps.setString(10, cut(p.metadata().get(MetadataKeys.CREATED), 64));
            ps.setString(11, cut(p.metadata().get(MetadataKeys.MODIFIED), 64));
            ps.setString(12, cut(p.metadata().get(MetadataKeys.LANGUAGE), 64));
            Integer pages = pageCount(p);
            if (pages == null) {
                ps.setNull(13, Types.INTEGER);
            } else {
                ps.setInt(13, pages);
            }
            if (size < 0) {
                ps.setNull(14, Types.BIGINT);
            } else {
                ps.setLong(14, size);
            }
            ps.setString(15, cut(p.note(), 500));
            ps.setString(16, d.marking());
            ps.setString(17, d.markingSource());
            ps.setBoolean(18, !d.reviewFlags().isEmpty());
            ps.setString(19, d.reviewFlags().isEmpty() ? null : String.join("\n", d.reviewFlags()));
            ps.setLong(20, item.jobId());
            ps.executeUpdate();
            return generatedKey(ps);
        }
    }

    static void insertPassages(Connection db, long docId, List<Passage> passages) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO ingest_passage (document_id, ordinal, text, "
                + "heading_path, page, marking) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Passage p : passages) {
                ps.setLong(1, docId);
                ps.setInt(2, p.ordinal());
                ps.setString(3, p.text());
                ps.setString(4, cut(String.join(" > ", p.headings()), 4000));
                ps.setInt(5, p.page());
                ps.setString(6, MarkingFormatter.portion(p.marking()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void quarantine(Connection db, JobItem item, String embedded, String sha, QuarantineReason reason, String detail)
            throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("MERGE INTO ingest_quarantine (path, embedded_path, sha256, "
                + "reason, detail, job_id) KEY (path, embedded_path, sha256) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, item.path().toString());
            ps.setString(2, embedded);
            ps.setString(3, sha);
            ps.setString(4, reason.label());
            ps.setString(5, cut(detail, 500));
            ps.setLong(6, item.jobId());
            ps.executeUpdate();
        }
    }

    static void markItem(Connection db, JobItem item, Outcome outcome, QuarantineReason reason, int passages) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("UPDATE ingest_job_item SET state = 'DONE', outcome = ?, "
                + "reason = ?, passages = ? WHERE job_id = ? AND seq = ?")) {
            ps.setString(1, outcome.name());
            ps.setString(2, reason == null ? null : reason.label());
            ps.setInt(3, passages);
            ps.setLong(4, item.jobId());
            ps.setInt(5, item.seq());
            ps.executeUpdate();
        }
    }

    static void outbox(Connection db, long docId, String op) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO ingest_outbox (document_id, op) VALUES (?, ?)")) {
            ps.setLong(1, docId);
            ps.setString(2, op);
            ps.executeUpdate();
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Integer pageCount(ExtractedPart p) {
        String v = p.metadata().get(MetadataKeys.PAGE_COUNT);
        try {
            return v == null ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

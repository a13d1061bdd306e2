package io.sextant.ingest.store;

import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.Passage;
import io.sextant.ingest.StoredDocument;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Row mapping for reads of documents, passages and quarantine entries. */
final class StoreReads {
    private static final String DOC_COLUMNS = "id, parent_id, sha256, source_path, embedded_path, collection, "
            + "content_type, title, marking, marking_source, review_flags, note";

    private StoreReads() {
    }

    static StoredDocument document(Connection db, long id) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT " + DOC_COLUMNS + " FROM ingest_document WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    static List<StoredDocument> documents(Connection db) throws SQLException {
        List<StoredDocument> out = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + DOC_COLUMNS + " FROM ingest_document ORDER BY id")) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    static List<Passage> passages(Connection db, MarkingParser parser, long docId) throws SQLException {
        List<Passage> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT ordinal, text, heading_path, page, marking "
                + "FROM ingest_passage WHERE document_id = ? ORDER BY ordinal")) {
            ps.setLong(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String h = rs.getString(3);
                    out.add(new Passage(rs.getInt(1), rs.getString(2),
                            h.isEmpty() ? List.of() : Arrays.asList(h.split(" > ")), rs.getInt(4),
                            parser.parsePortion(rs.getString(5)).marking()));
                }
            }
        }
        return out;
    }

    static List<String[]> quarantine(Connection db) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT path, embedded_path, reason, detail FROM ingest_quarantine ORDER BY id")) {
            while (rs.next()) {
                String emb = rs.getString(2);
                out.add(new String[] {rs.getString(1) + (emb.isEmpty() ? "" : "!" + emb), rs.getString(3),
                        rs.getString(4)});
            }
        }
        return out;
    }

    private static StoredDocument map(ResultSet rs) throws SQLException {
        String flags = rs.getString(11);
        return new StoredDocument(rs.getLong(1), rs.getLong(2), nz(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), nz(rs.getString(8)), rs.getString(9), rs.getString(10),
                flags == null ? List.of() : List.of(flags.split("\n")), rs.getString(12));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

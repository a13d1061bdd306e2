package io.sextant.appliance.draft;

import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.output.MarkedParagraph;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mapping between a {@link Draft} and its rows, on a connection the {@link DraftStore} owns. Markings are
 * written in canonical banner form and parsed back with the site's parser (format and parse are inverse).
 */
final class DraftRows {

    private final MarkingParser parser;

    DraftRows(MarkingParser parser) {
        this.parser = parser;
    }

    /** @return the user's draft with that id, or null; {@code lock} takes a row lock for an update */
    Draft read(Connection c, String user, String id, boolean lock) throws SQLException {
        String sql = "SELECT template_id, topic, scope_collections, scope_from, scope_to, created FROM draft"
                + " WHERE id = ? AND username = ?" + (lock ? " FOR UPDATE" : "");
        String templateId;
        String topic;
        DraftScope scope;
        OffsetDateTime created;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                templateId = rs.getString(1);
                topic = rs.getString(2);
                scope = new DraftScope(split(rs.getString(3)), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class));
                created = rs.getObject(6, OffsetDateTime.class);
            }
        }
        List<String> headings = new ArrayList<>();
        List<DraftSection.State> states = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT heading, state FROM draft_section WHERE draft_id = ? ORDER BY ordinal")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    headings.add(rs.getString(1));
                    states.add(DraftSection.State.valueOf(rs.getString(2)));
                }
            }
        }
        List<DraftSection> sections = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            sections.add(new DraftSection(headings.get(i), paragraphs(c, id, i), citations(c, id, i), states.get(i)));
        }
        return new Draft(id, templateId, topic, scope, user, created.toInstant(), sections);
    }

    private List<MarkedParagraph> paragraphs(Connection c, String id, int section) throws SQLException {
        List<MarkedParagraph> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT marking, body, source_ids FROM draft_paragraph"
                + " WHERE draft_id = ? AND section_ordinal = ? ORDER BY ordinal")) {
            ps.setString(1, id);
            ps.setInt(2, section);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MarkedParagraph(marking(rs.getString(1)), rs.getString(2), split(rs.getString(3))));
                }
            }
        }
        return out;
    }

    private List<Citation> citations(Connection c, String id, int section) throws SQLException {
        List<Citation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT number, passage_id, document_id, document_title,"
                + " location, marking FROM draft_citation WHERE draft_id = ? AND section_ordinal = ?"
                + " ORDER BY number")) {
            ps.setString(1, id);
            ps.setInt(2, section);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Citation(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), marking(rs.getString(6))));
                }
            }
        }
        return out;
    }

    void insertSection(Connection c, String id, int ordinal, DraftSection s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO draft_section (draft_id, ordinal, heading, state) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, ordinal);
            ps.setString(3, s.heading());
            ps.setString(4, s.state().name());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO draft_paragraph (draft_id, section_ordinal,"
                + " ordinal, marking, body, source_ids) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < s.body().size(); i++) {
                MarkedParagraph p = s.body().get(i);
                ps.setString(1, id);
                ps.setInt(2, ordinal);
                ps.setInt(3, i);
                ps.setString(4, MarkingFormatter.banner(p.marking()));
                ps.setString(5, p.text());
                ps.setString(6, lines(p.sourceIds()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO draft_citation (draft_id, section_ordinal,"
                + " number, passage_id, document_id, document_title, location, marking)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Citation ct : s.citations()) {
                ps.setString(1, id);
                ps.setInt(2, ordinal);
                ps.setInt(3, ct.number());
                ps.setString(4, ct.passageId());
                ps.setString(5, ct.documentId());
                ps.setString(6, ct.documentTitle());
                ps.setString(7, ct.location());
                ps.setString(8, MarkingFormatter.banner(ct.marking()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void deleteSection(Connection c, String id, int ordinal) throws SQLException {
        // Children first: the cascade from draft_section would do it, but explicit deletes keep the intent visible.
        for (String table : List.of("draft_paragraph", "draft_citation")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM " + table + " WHERE draft_id = ? AND section_ordinal = ?")) {
                ps.setString(1, id);
                ps.setInt(2, ordinal);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM draft_section WHERE draft_id = ? AND ordinal = ?")) {
            ps.setString(1, id);
            ps.setInt(2, ordinal);
            ps.executeUpdate();
        }
    }

    private Marking marking(String banner) {
        try {
            return parser.parseBanner(banner).marking();
        } catch (InvalidMarkingException e) {
            throw new DraftStoreException("a stored marking no longer parses: " + e.getMessage(), e);
        }
    }

    /** One value per line; values cannot hold line breaks, so the join is reversible. */
    static String lines(List<String> values) {
        for (String v : values) {
            if (v.isBlank() || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a stored id or name must be one non-blank line: '" + v + "'");
            }
        }
        return String.join("\n", values);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n", -1));
    }

}

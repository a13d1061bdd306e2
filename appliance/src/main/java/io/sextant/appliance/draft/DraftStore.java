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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Keeps drafts in the appliance's H2 database so an analyst can leave the editor and come back, and so the CLI and
 * the server see the same drafts. The tables are migrated by this package's own Flyway instance and history table,
 * like every module that owns tables. Every read and write names the requesting user, and a draft is found only for
 * the user who asked for it: another user's draft and a missing one look the same. Markings are stored in canonical
 * banner form and parsed back, so a loaded paragraph carries exactly the marking the guard gave it. Thread-safe;
 * each call uses its own connection and transaction.
 */
public final class DraftStore {

    /** Flyway history table of the drafting tables. */
    public static final String HISTORY_TABLE = "flyway_draft_history";
    /** Where the drafting migrations live. */
    public static final String MIGRATIONS = "classpath:db/migration/draft";

    private final DataSource dataSource;
    private final MarkingParser parser;

    private DraftStore(DataSource dataSource, MarkingParser parser) {
        this.dataSource = dataSource;
        this.parser = parser;
    }

    /**
     * Opens the store with the default marking parser (built-in vocabulary, IC profile).
     *
     * @param dataSource the appliance database ({@code Database.dataSource()})
     * @return the store
     */
    public static DraftStore open(DataSource dataSource) {
        return open(dataSource, MarkingParser.defaultParser());
    }

    /**
     * Brings the drafting tables up to date and opens the store.
     *
     * @param dataSource the appliance database ({@code Database.dataSource()})
     * @param parser     the parser stored markings are read back with (the site's vocabulary and profile)
     * @return the store
     */
    public static DraftStore open(DataSource dataSource, MarkingParser parser) {
        Flyway.configure(DraftStore.class.getClassLoader())
                .dataSource(Objects.requireNonNull(dataSource, "dataSource"))
                .table(HISTORY_TABLE)
                .locations(MIGRATIONS)
                // Other modules' tables are already in this database: start our history at version 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new DraftStore(dataSource, Objects.requireNonNull(parser, "parser"));
    }

    /**
     * Stores a new draft.
     *
     * @param draft the draft
     * @throws IllegalStateException when a draft with its id exists
     * @throws DraftStoreException   when the database fails
     */
    public void save(Draft draft) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM draft WHERE id = ?")) {
                ps.setString(1, draft.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalStateException("draft " + draft.id() + " exists already");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO draft (id, template_id, topic,"
                    + " scope_collections, scope_from, scope_to, username, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, draft.id());
                ps.setString(2, draft.templateId());
                ps.setString(3, draft.topic());
                ps.setString(4, lines(draft.scope().collections()));
                ps.setObject(5, draft.scope().from());
                ps.setObject(6, draft.scope().to());
                ps.setString(7, draft.user());
                ps.setObject(8, draft.created().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            for (int i = 0; i < draft.sections().size(); i++) {
                insertSection(c, draft.id(), i, draft.sections().get(i));
            }
            return null;
        });
    }

    /**
     * @param user the requesting user
     * @param id   the draft's id
     * @return the draft, when it exists and belongs to the user
     */
    public Optional<Draft> load(String user, String id) {
        return inTransaction(c -> Optional.ofNullable(read(c, user, id, false)));
    }

    /**
     * @param user the requesting user
     * @return the user's drafts, newest first
     */
    public List<DraftSummary> list(String user) {
        return inTransaction(c -> {
            List<DraftSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.template_id, d.topic, d.created,"
                    + " (SELECT COUNT(*) FROM draft_section s WHERE s.draft_id = d.id AND s.state <> 'ACCEPTED')"
                    + " FROM draft d WHERE d.username = ? ORDER BY d.created DESC, d.id")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DraftSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(),
                                rs.getLong(5) == 0 ? DraftSection.State.ACCEPTED : DraftSection.State.DRAFT));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Replaces one section's heading, paragraphs and citations (after an edit or a regeneration). The section goes
     * back to the draft state whatever state it is given in: changed text must be accepted again.
     *
     * @param user    the requesting user
     * @param id      the draft's id
     * @param index   the section's 0-based index
     * @param section the new content
     * @return the updated draft, or empty when there is no such draft for the user
     * @throws IndexOutOfBoundsException when the draft has no such section
     * @throws IllegalArgumentException  when the section's citations conflict with the other sections'
     */
    public Optional<Draft> updateSection(String user, String id, int index, DraftSection section) {
        DraftSection edited = DraftSection.draft(section.heading(), section.body(), section.citations());
        return inTransaction(c -> {
            Draft current = read(c, user, id, true);
            if (current == null) {
                return Optional.empty();
            }
            Draft updated = current.withSection(index, edited);
            deleteSection(c, id, index);
            insertSection(c, id, index, edited);
            return Optional.of(updated);
        });
    }

    /**
     * Accepts every section of a draft.
     *
     * @param user the requesting user
     * @param id   the draft's id
     * @return the accepted draft, or empty when there is no such draft for the user
     */
    public Optional<Draft> accept(String user, String id) {
        return inTransaction(c -> {
            Draft current = read(c, user, id, true);
            if (current == null) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE draft_section SET state = 'ACCEPTED' WHERE draft_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return Optional.of(current.accepted());
        });
    }

    private Draft read(Connection c, String user, String id, boolean lock) throws SQLException {
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

    private static void insertSection(Connection c, String id, int ordinal, DraftSection s) throws SQLException {
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

    private static void deleteSection(Connection c, String id, int ordinal) throws SQLException {
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
    private static String lines(List<String> values) {
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

    /** A unit of work on one connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                // The connection goes back to a shared pool whose other users expect auto-commit.
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DraftStoreException("draft database error: " + e.getMessage(), e);
        }
    }
}

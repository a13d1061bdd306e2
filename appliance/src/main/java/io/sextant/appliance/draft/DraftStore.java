package io.sextant.appliance.draft;

import io.sextant.appliance.platform.Jdbc;
import io.sextant.guard.marking.MarkingParser;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

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
    private final DraftRows rows;

    private DraftStore(DataSource dataSource, MarkingParser parser) {
        this.dataSource = dataSource;
        this.rows = new DraftRows(parser);
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
        Jdbc.migrate(dataSource, DraftStore.class, HISTORY_TABLE, MIGRATIONS);
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
                ps.setString(4, DraftRows.lines(draft.scope().collections()));
                ps.setObject(5, draft.scope().from());
                ps.setObject(6, draft.scope().to());
                ps.setString(7, draft.user());
                ps.setObject(8, draft.created().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            for (int i = 0; i < draft.sections().size(); i++) {
                rows.insertSection(c, draft.id(), i, draft.sections().get(i));
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
        return inTransaction(c -> Optional.ofNullable(rows.read(c, user, id, false)));
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
     */
    public Optional<Draft> updateSection(String user, String id, int index, DraftSection section) {
        DraftSection edited = DraftSection.draft(section.heading(), section.body(), section.citations());
        return inTransaction(c -> {
            Draft current = rows.read(c, user, id, true);
            if (current == null) {
                return Optional.empty();
            }
            Draft updated = current.withSection(index, edited);
            rows.deleteSection(c, id, index);
            rows.insertSection(c, id, index, edited);
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
            Draft current = rows.read(c, user, id, true);
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

    private <T> T inTransaction(Jdbc.Work<T> work) {
        return Jdbc.inTransaction(dataSource, work,
                e -> new DraftStoreException("draft database error: " + e.getMessage(), e));
    }
}

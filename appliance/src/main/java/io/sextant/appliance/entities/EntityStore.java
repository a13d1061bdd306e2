package io.sextant.appliance.entities;

import io.sextant.appliance.platform.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Entities and mentions in the appliance's H2 database, under their own Flyway history. Writes replace a document's
 * mentions at once; every read takes the set of portion marks the caller may see and counts, lists and relates only
 * mentions carrying one of them, so a hidden passage adds nothing, not even to a count. {@link EntityService} decides
 * that set; this class never sees a clearance. Thread-safe; each call uses its own connection.
 */
public final class EntityStore {

    /** Flyway history table of the entity tables. */
    public static final String HISTORY_TABLE = "flyway_entities_history";
    /** Where the entity migrations live. */
    public static final String MIGRATIONS = "classpath:db/migration/entities";

    /**
     * A mention to store.
     *
     * @param documentId the stored document
     * @param passageId  the passage (as cited)
     * @param marking    the passage's portion mark
     * @param mention    what was found
     * @param snippet    the text around it
     */
    public record Row(long documentId, String passageId, String marking, Mention mention, String snippet) {
    }

    /**
     * An entity with the number of visible mentions.
     *
     * @param id       entity id
     * @param name     display name
     * @param type     kind
     * @param mentions visible mentions
     */
    public record Counted(long id, String name, EntityType type, int mentions) {
    }

    /**
     * A visible mention as stored.
     *
     * @param entityId   the entity
     * @param documentId its document
     * @param passageId  its passage
     * @param surface    text as written
     * @param snippet    context
     * @param marking    the passage's portion mark
     */
    public record StoredMention(long entityId, long documentId, String passageId, String surface, String snippet,
            String marking) {
    }

    /**
     * Two entities in one visible passage.
     *
     * @param a         one entity (the smaller id)
     * @param b         the other
     * @param passageId the passage they share
     * @param documentId its document
     * @param marking   its portion mark
     */
    public record Pair(long a, long b, String passageId, long documentId, String marking) {
    }

    private final DataSource dataSource;

    private EntityStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Brings the entity tables up to date and opens the store.
     *
     * @param dataSource the appliance database
     * @return the store
     */
    public static EntityStore open(DataSource dataSource) {
        Jdbc.migrate(dataSource, EntityStore.class, HISTORY_TABLE, MIGRATIONS);
        return new EntityStore(dataSource);
    }

    /**
     * Replaces a document's mentions (idempotent: a repeated call leaves the same rows).
     *
     * @param documentId the document
     * @param rows       its mentions
     */
    public void replaceDocument(long documentId, List<Row> rows) {
        inTransaction(c -> {
            deleteMentions(c, documentId);
            Map<String, Long> ids = new HashMap<>();
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO entity_mention (entity_id, document_id,"
                    + " passage_id, start_offset, end_offset, surface, snippet, marking) VALUES (?,?,?,?,?,?,?,?)")) {
                for (Row r : rows) {
                    long id = ids.computeIfAbsent(r.mention().key(), k -> entityId(c, r.mention()));
                    ins.setLong(1, id);
                    ins.setLong(2, documentId);
                    ins.setString(3, r.passageId());
                    ins.setInt(4, r.mention().start());
                    ins.setInt(5, r.mention().end());
                    ins.setString(6, r.mention().surface());
                    ins.setString(7, r.snippet());
                    ins.setString(8, r.marking());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    /**
     * @param documentId a document that is gone
     */
    public void deleteDocument(long documentId) {
        inTransaction(c -> {
            deleteMentions(c, documentId);
            return null;
        });
    }

    /** Removes every mention and entity (before a rebuild). */
    public void clear() {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM entity_mention");
                s.executeUpdate("DELETE FROM entity");
            }
            return null;
        });
    }

    /** @return every distinct portion mark on a stored mention */
    public Set<String> markings() {
        return inTransaction(c -> {
            Set<String> out = new TreeSet<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT marking FROM entity_mention")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * @param visible portion marks the caller may see
     * @param type    only this kind, or null
     * @param query   a case-insensitive part of the name, or null
     * @param limit   at most this many
     * @return entities with at least one visible mention, most mentioned first
     */
    public List<Counted> top(Set<String> visible, EntityType type, String query, int limit) {
        if (visible.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT e.id, e.name, e.type, COUNT(*) AS c FROM entity_mention m"
                + " JOIN entity e ON e.id = m.entity_id WHERE m.marking IN (" + marks(visible) + ")");
        if (type != null) {
            sql.append(" AND e.type = ?");
        }
        if (query != null && !query.isBlank()) {
            sql.append(" AND e.norm LIKE ? ESCAPE '\\'");
        }
        sql.append(" GROUP BY e.id, e.name, e.type ORDER BY c DESC, e.name LIMIT ?");
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = bind(ps, 1, visible);
                if (type != null) {
                    ps.setString(i++, type.name());
                }
                if (query != null && !query.isBlank()) {
                    ps.setString(i++, "%" + EntityExtractor.fold(query).replace("\\", "\\\\").replace("%", "\\%")
                            .replace("_", "\\_") + "%");
                }
                ps.setInt(i, limit);
                List<Counted> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Counted(rs.getLong(1), rs.getString(2), EntityType.valueOf(rs.getString(3)),
                                rs.getInt(4)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * @param visible portion marks the caller may see
     * @param id      an entity id
     * @return the entity with its visible count, empty when it has no visible mention (or does not exist)
     */
    public Optional<Counted> entity(Set<String> visible, long id) {
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.name, e.type, COUNT(*) FROM entity_mention m"
                    + " JOIN entity e ON e.id = m.entity_id WHERE e.id = ? AND m.marking IN (" + marks(visible)
                    + ") GROUP BY e.id, e.name, e.type")) {
                ps.setLong(1, id);
                bind(ps, 2, visible);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Counted(rs.getLong(1), rs.getString(2),
                            EntityType.valueOf(rs.getString(3)), rs.getInt(4))) : Optional.<Counted>empty();
                }
            }
        });
    }

    /**
     * @param visible portion marks the caller may see
     * @param ids     entities
     * @param limit   at most this many mentions per call
     * @return their visible mentions in passage order
     */
    public List<StoredMention> mentions(Set<String> visible, Collection<Long> ids, int limit) {
        if (visible.isEmpty() || ids.isEmpty()) {
            return List.of();
        }
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT entity_id, document_id, passage_id, surface,"
                    + " snippet, marking FROM entity_mention WHERE entity_id IN (" + marks(ids) + ") AND marking IN ("
                    + marks(visible) + ") ORDER BY document_id, passage_id, start_offset LIMIT ?")) {
                int i = 1;
                for (long id : ids) {
                    ps.setLong(i++, id);
                }
                i = bind(ps, i, visible);
                ps.setInt(i, limit);
                List<StoredMention> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredMention(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Co-occurrences of one entity with others in visible passages.
     *
     * @param visible portion marks the caller may see
     * @param id      the entity
     * @return pairs with {@code a} = the entity
     */
    public List<Pair> related(Set<String> visible, long id) {
        if (visible.isEmpty()) {
            return List.of();
        }
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT m2.entity_id, m1.passage_id,"
                    + " m1.document_id, m1.marking FROM entity_mention m1 JOIN entity_mention m2"
                    + " ON m2.passage_id = m1.passage_id AND m2.entity_id <> m1.entity_id"
                    + " WHERE m1.entity_id = ? AND m1.marking IN (" + marks(visible) + ") AND m2.marking IN ("
                    + marks(visible) + ") ORDER BY m2.entity_id, m1.passage_id")) {
                ps.setLong(1, id);
                bind(ps, bind(ps, 2, visible), visible);
                List<Pair> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Pair(id, rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Co-occurrences among a set of entities in visible passages.
     *
     * @param visible portion marks the caller may see
     * @param ids     the entities (graph nodes)
     * @return pairs with {@code a < b}, one per shared passage
     */
    public List<Pair> pairs(Set<String> visible, Collection<Long> ids) {
        if (visible.isEmpty() || ids.size() < 2) {
            return List.of();
        }
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT a.entity_id, b.entity_id, a.passage_id,"
                    + " a.document_id, a.marking FROM entity_mention a JOIN entity_mention b"
                    + " ON b.passage_id = a.passage_id AND a.entity_id < b.entity_id"
                    + " WHERE a.entity_id IN (" + marks(ids) + ") AND b.entity_id IN (" + marks(ids) + ")"
                    + " AND a.marking IN (" + marks(visible) + ") AND b.marking IN (" + marks(visible) + ")"
                    + " ORDER BY a.entity_id, b.entity_id, a.passage_id")) {
                int i = 1;
                for (int round = 0; round < 2; round++) {
                    for (long id : ids) {
                        ps.setLong(i++, id);
                    }
                }
                bind(ps, bind(ps, i, visible), visible);
                List<Pair> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Pair(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                                rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * @param visible portion marks the caller may see
     * @param ids     entities
     * @return the distinct portion marks of their visible mentions (what a banner rolls up)
     */
    public Set<String> markingsOf(Set<String> visible, Collection<Long> ids) {
        if (visible.isEmpty() || ids.isEmpty()) {
            return Set.of();
        }
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT marking FROM entity_mention WHERE"
                    + " entity_id IN (" + marks(ids) + ") AND marking IN (" + marks(visible) + ")")) {
                int i = 1;
                for (long id : ids) {
                    ps.setLong(i++, id);
                }
                bind(ps, i, visible);
                Set<String> out = new TreeSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /**
     * @param ids entity ids
     * @return id to name and type, for every id that exists (callers only pass ids they reached through visible
     *         mentions)
     */
    public Map<Long, Counted> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, type FROM entity WHERE id IN ("
                    + marks(ids) + ")")) {
                int i = 1;
                for (long id : ids) {
                    ps.setLong(i++, id);
                }
                Map<Long, Counted> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new Counted(rs.getLong(1), rs.getString(2),
                                EntityType.valueOf(rs.getString(3)), 0));
                    }
                }
                return out;
            }
        });
    }

    private static void deleteMentions(Connection c, long documentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM entity_mention WHERE document_id = ?")) {
            ps.setLong(1, documentId);
            ps.executeUpdate();
        }
    }

    private static long entityId(Connection c, Mention m) {
        String norm = EntityExtractor.fold(m.name());
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM entity WHERE type = ? AND norm = ?")) {
                ps.setString(1, m.type().name());
                ps.setString(2, norm);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO entity (type, norm, name) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, m.type().name());
                ps.setString(2, norm);
                ps.setString(3, m.name());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing entity: " + e.getMessage(), e);
        }
    }

    private static String marks(Collection<?> values) {
        return String.join(",", java.util.Collections.nCopies(values.size(), "?"));
    }

    private static int bind(PreparedStatement ps, int from, Set<String> values) throws SQLException {
        int i = from;
        for (String v : values) {
            ps.setString(i++, v);
        }
        return i;
    }

    private <T> T inTransaction(Jdbc.Work<T> work) {
        return Jdbc.inTransaction(dataSource, work,
                e -> new IllegalStateException("entity store: " + e.getMessage(), e));
    }
}

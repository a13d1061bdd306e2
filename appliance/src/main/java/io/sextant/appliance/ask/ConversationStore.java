package io.sextant.appliance.ask;

import io.micronaut.json.JsonMapper;
import io.sextant.appliance.platform.Jdbc;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Keeps conversations in the appliance's H2 database: per user, one row per turn holding the question and the guarded
 * answer exactly as delivered. Every read names the requesting user and finds only that user's rows, so another
 * user's conversation and a missing one look the same. The tables are migrated by this package's own Flyway
 * instance and history table ({@code db/migration/ask}). Thread-safe; each call uses its own connection.
 */
public final class ConversationStore {

    /** Flyway history table of the Ask tables. */
    public static final String HISTORY_TABLE = "flyway_ask_history";
    /** Where the Ask migrations live. */
    public static final String MIGRATIONS = "classpath:db/migration/ask";

    private final DataSource dataSource;
    private final JsonMapper json;
    private final MarkingParser parser;

    /**
     * A conversation in a user's list.
     *
     * @param id      the conversation
     * @param title   its first question (the user's own words), shortened
     * @param updated when the last turn was added
     * @param turns   how many turns it has
     * @param marking the roll-up of its answers' markings, banner form
     */
    @io.micronaut.serde.annotation.Serdeable
    public record Summary(String id, String title, Instant updated, int turns, String marking) {
    }

    /**
     * One stored turn.
     *
     * @param answerId the answer
     * @param ordinal  position in the conversation, from 0
     * @param question what was asked
     * @param answer   the guarded answer as delivered
     * @param created  when
     */
    public record Turn(String answerId, int ordinal, String question, AskAnswer answer, Instant created) {
        /** @return the answer's banner line as delivered */
        public String marking() {
            return answer.marking();
        }
    }

    private ConversationStore(DataSource dataSource, JsonMapper json, MarkingParser parser) {
        this.dataSource = dataSource;
        this.json = json;
        this.parser = parser;
    }

    /**
     * Brings the Ask tables up to date and opens the store.
     *
     * @param dataSource the appliance database
     * @param json       JSON mapper for the stored answers
     * @param parser     parser the stored banner markings are read back with
     * @return the store
     */
    public static ConversationStore open(DataSource dataSource, JsonMapper json, MarkingParser parser) {
        Jdbc.migrate(dataSource, ConversationStore.class, HISTORY_TABLE, MIGRATIONS);
        return new ConversationStore(dataSource, json, parser);
    }

    /**
     * @param marking a stored banner line
     * @return the parsed marking; an unreadable line throws rather than being taken as UNCLASSIFIED
     */
    public Marking parse(String marking) {
        return parser.parseBanner(marking).marking();
    }

    /**
     * Starts a conversation.
     *
     * @param user  its owner
     * @param title its title (the first question)
     * @param now   the time
     * @return its id
     */
    public String create(String user, String title, Instant now) {
        String id = UUID.randomUUID().toString();
        String t = title.strip().replaceAll("\\s+", " ");
        if (t.length() > 120) {
            t = t.substring(0, 119) + "…";
        }
        String finalTitle = t;
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ask_conversation (id, username, title, created, updated) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, user);
                ps.setString(3, finalTitle);
                ps.setObject(4, now.atOffset(ZoneOffset.UTC));
                ps.setObject(5, now.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /**
     * @param user the requesting user
     * @param id   a conversation id
     * @return true when it exists and belongs to the user
     */
    public boolean owns(String user, String id) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM ask_conversation WHERE id = ? AND username = ?")) {
                ps.setString(1, id);
                ps.setString(2, user);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * @param user the requesting user
     * @return the user's conversations, most recently used first
     */
    public List<Summary> list(String user) {
        return run(c -> {
            List<Summary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.id, c.title, c.updated,"
                    + " (SELECT COUNT(*) FROM ask_turn t WHERE t.conversation_id = c.id) AS n"
                    + " FROM ask_conversation c WHERE c.username = ? ORDER BY c.updated DESC, c.id")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Summary(rs.getString(1), rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4), null));
                    }
                }
            }
            List<Summary> marked = new ArrayList<>(out.size());
            for (Summary s : out) {
                List<Marking> ms = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT marking FROM ask_turn WHERE conversation_id = ?")) {
                    ps.setString(1, s.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ms.add(parse(rs.getString(1)));
                        }
                    }
                }
                String m = ms.isEmpty() ? "UNCLASSIFIED"
                        : io.sextant.guard.marking.MarkingFormatter.banner(io.sextant.guard.rollup.Rollup.of(ms));
                marked.add(new Summary(s.id(), s.title(), s.updated(), s.turns(), m));
            }
            return marked;
        });
    }

    /**
     * @param user the requesting user
     * @param id   the conversation
     * @return its title and turns in order, when it exists and belongs to the user
     */
    public Optional<List<Turn>> turns(String user, String id) {
        return run(c -> {
            if (!owns(c, user, id)) {
                return Optional.empty();
            }
            List<Turn> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT answer_id, ordinal, question, answer_json, created"
                    + " FROM ask_turn WHERE conversation_id = ? ORDER BY ordinal")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Turn(rs.getString(1), rs.getInt(2), rs.getString(3), read(rs.getString(4)),
                                rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return Optional.of(out);
        });
    }

    /**
     * Adds a turn to a conversation of the user.
     *
     * @param user     the owner
     * @param question what was asked
     * @param answer   the guarded answer (its conversation and answer ids name the rows)
     * @param now      the time
     * @throws IllegalArgumentException when the conversation is not the user's
     */
    public void addTurn(String user, String question, AskAnswer answer, Instant now) {
        run(c -> {
            if (!owns(c, user, answer.conversationId())) {
                throw new IllegalArgumentException("no such conversation");
            }
            int next;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(MAX(ordinal) + 1, 0) FROM ask_turn WHERE conversation_id = ?")) {
                ps.setString(1, answer.conversationId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ask_turn (answer_id, conversation_id,"
                    + " ordinal, question, outcome, marking, answer_text, answer_json, created)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, answer.answerId());
                ps.setString(2, answer.conversationId());
                ps.setInt(3, next);
                ps.setString(4, question);
                ps.setString(5, answer.outcome());
                ps.setString(6, answer.marking());
                ps.setString(7, answer.text());
                ps.setString(8, write(answer));
                ps.setObject(9, now.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE ask_conversation SET updated = ? WHERE id = ?")) {
                ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                ps.setString(2, answer.conversationId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Stores feedback on one of the user's own answers.
     *
     * @param user       the user
     * @param answerId   the answer
     * @param rating     {@code up} or {@code down}
     * @param correction the correction text (may be empty)
     * @param now        the time
     * @return the answer's banner marking, or empty when the answer is not the user's (or does not exist)
     */
    public Optional<String> feedback(String user, String answerId, String rating, String correction, Instant now) {
        return run(c -> {
            String marking;
            try (PreparedStatement ps = c.prepareStatement("SELECT t.marking FROM ask_turn t JOIN ask_conversation v"
                    + " ON v.id = t.conversation_id WHERE t.answer_id = ? AND v.username = ?")) {
                ps.setString(1, answerId);
                ps.setString(2, user);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    marking = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ask_feedback (answer_id, username, rating,"
                    + " correction, created) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, answerId);
                ps.setString(2, user);
                ps.setString(3, rating);
                ps.setString(4, correction == null ? "" : correction);
                ps.setObject(5, now.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return Optional.of(marking);
        });
    }

    /**
     * Stored feedback on an answer (for administrators' review and tests).
     *
     * @param answerId the answer
     * @return rating and correction pairs, oldest first
     */
    public List<String[]> feedbackOn(String answerId) {
        return run(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT rating, correction FROM ask_feedback WHERE answer_id = ? ORDER BY id")) {
                ps.setString(1, answerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            return out;
        });
    }

    private static boolean owns(Connection c, String user, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM ask_conversation WHERE id = ? AND username = ?")) {
            ps.setString(1, id);
            ps.setString(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private String write(AskAnswer a) {
        try {
            return json.writeValueAsString(a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AskAnswer read(String s) {
        try {
            return json.readValue(s, AskAnswer.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T run(Jdbc.Work<T> work) {
        return Jdbc.inTransaction(dataSource, work,
                e -> new IllegalStateException("conversation store: " + e.getSQLState(), e));
    }
}

package io.sextant.appliance.library;

import io.sextant.appliance.platform.Jdbc;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The library's tables (uploads and their files) plus the reads and the one delete it makes on the ingest tables,
 * which live in the same appliance database. Every write is one transaction.
 */
final class LibraryStore {

    /** Flyway history table of the library. */
    static final String HISTORY_TABLE = "flyway_library_history";
    /** Where the library's migrations live. */
    static final String MIGRATIONS = "classpath:db/migration/library";

    private final DataSource db;

    private LibraryStore(DataSource db) {
        this.db = db;
    }

    /**
     * Brings the library tables up to date and opens the store.
     *
     * @param dataSource the appliance database
     * @return the store
     */
    static LibraryStore open(DataSource dataSource) {
        Jdbc.migrate(dataSource, LibraryStore.class, HISTORY_TABLE, MIGRATIONS);
        return new LibraryStore(dataSource);
    }

    /** Upload states. */
    enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * An upload.
     *
     * @param id         the job id
     * @param owner      the uploader
     * @param state      where it is
     * @param collection the collection
     * @param declared   the declared marking of unmarked documents
     * @param staging    its staging folder
     * @param filesTotal files uploaded
     * @param created    when
     */
    record Upload(String id, String owner, State state, String collection, String declared, Path staging,
            int filesTotal, Instant created) {
    }

    /**
     * A staged file of an upload.
     *
     * @param seq        position
     * @param name       the name the browser sent (a relative path for folder uploads)
     * @param staged     where it was written
     * @param outcome    INGESTED, DUPLICATE, QUARANTINED, DELETED, or null while pending
     * @param reason     quarantine reason, or null
     * @param documentId the stored document, or 0
     */
    record StagedFile(int seq, String name, Path staged, String outcome, String reason, long documentId) {
    }

    /**
     * A stored top-level document as the library lists it (before any clearance check).
     *
     * @param id          document id
     * @param title       its title or ""
     * @param sourcePath  the file it came from
     * @param collection  collection
     * @param marking     overall marking (banner form)
     * @param pages       page count, or 0
     * @param needsReview markings contradict
     * @param note        ingest note or ""
     * @param created     when it was stored
     * @param portions    distinct portion markings of its passages and of its embedded documents' passages
     */
    record DocumentRow(long id, String title, String sourcePath, String collection, String marking, int pages,
            boolean needsReview, String note, Instant created, Set<String> portions) {
    }

    /**
     * A quarantined upload file.
     *
     * @param uploadId   the job
     * @param name       the file name as uploaded
     * @param reason     the reason label
     * @param collection the collection
     * @param created    when uploaded
     */
    record Quarantined(String uploadId, String name, String reason, String collection, Instant created) {
    }

    void create(Upload u, List<StagedFile> files) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_upload (id, owner, state, collection, "
                    + "declared_marking, staging, files_total) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, u.id());
                ps.setString(2, u.owner());
                ps.setString(3, u.state().name());
                ps.setString(4, u.collection());
                ps.setString(5, u.declared());
                ps.setString(6, u.staging().toString());
                ps.setInt(7, files.size());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO library_upload_file (upload_id, seq, name, staged_path) VALUES (?, ?, ?, ?)")) {
                for (StagedFile f : files) {
                    ps.setString(1, u.id());
                    ps.setInt(2, f.seq());
                    ps.setString(3, f.name());
                    ps.setString(4, f.staged().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    void setState(String id, State state) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE library_upload SET state = ?, finished_at = "
                    + "CASE WHEN ? THEN CURRENT_TIMESTAMP ELSE NULL END WHERE id = ?")) {
                ps.setString(1, state.name());
                ps.setBoolean(2, state == State.DONE || state == State.FAILED);
                ps.setString(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    void fileDone(String uploadId, Path staged, String outcome, String reason) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE library_upload_file SET outcome = ?, reason = ? "
                    + "WHERE upload_id = ? AND staged_path = ?")) {
                ps.setString(1, outcome);
                ps.setString(2, reason);
                ps.setString(3, uploadId);
                ps.setString(4, staged.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * After a run: links each file to the document stored from it, and settles files whose outcome was committed by
     * ingest but not recorded here (a crash in between) from ingest's own records.
     */
    void settle(String uploadId) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE library_upload_file f SET document_id = ("
                    + "SELECT MAX(d.id) FROM ingest_document d WHERE d.source_path = f.staged_path "
                    + "AND d.parent_id IS NULL) WHERE f.upload_id = ? AND f.document_id IS NULL "
                    + "AND (f.outcome IS NULL OR f.outcome IN ('INGESTED', 'DUPLICATE'))")) {
                ps.setString(1, uploadId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE library_upload_file f SET outcome = 'INGESTED' "
                    + "WHERE f.upload_id = ? AND f.outcome IS NULL AND f.document_id IS NOT NULL")) {
                ps.setString(1, uploadId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE library_upload_file f SET outcome = 'QUARANTINED', "
                    + "reason = (SELECT MAX(q.reason) FROM ingest_quarantine q WHERE q.path = f.staged_path) "
                    + "WHERE f.upload_id = ? AND f.outcome IS NULL AND EXISTS (SELECT 1 FROM ingest_quarantine q "
                    + "WHERE q.path = f.staged_path AND q.embedded_path = '')")) {
                ps.setString(1, uploadId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE library_upload_file SET outcome = 'DUPLICATE' "
                    + "WHERE upload_id = ? AND outcome IS NULL")) {
                ps.setString(1, uploadId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    Optional<Upload> upload(String id) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPLOAD_COLUMNS + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(upload(rs)) : Optional.<Upload>empty();
                }
            }
        });
    }

    List<Upload> unfinished() {
        return tx(c -> {
            List<Upload> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(UPLOAD_COLUMNS
                    + " WHERE state IN ('QUEUED', 'RUNNING') ORDER BY created_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(upload(rs));
                }
            }
            return out;
        });
    }

    Set<String> uploadIds() {
        return tx(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM library_upload")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    List<StagedFile> files(String uploadId) {
        return tx(c -> {
            List<StagedFile> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, name, staged_path, outcome, reason, "
                    + "document_id FROM library_upload_file WHERE upload_id = ? ORDER BY seq")) {
                ps.setString(1, uploadId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StagedFile(rs.getInt(1), rs.getString(2), Path.of(rs.getString(3)),
                                rs.getString(4), rs.getString(5), rs.getLong(6)));
                    }
                }
            }
            return out;
        });
    }

    /** @return uploader of each document uploaded through the library */
    Map<Long, String> owners() {
        return tx(c -> {
            Map<Long, String> out = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT f.document_id, u.owner "
                    + "FROM library_upload_file f JOIN library_upload u ON u.id = f.upload_id "
                    + "WHERE f.document_id IS NOT NULL")) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** @return the name each library document was uploaded under */
    Map<Long, String> uploadNames() {
        return tx(c -> {
            Map<Long, String> out = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT document_id, name FROM library_upload_file WHERE document_id IS NOT NULL")) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    List<Quarantined> quarantinedOf(String owner) {
        return tx(c -> {
            List<Quarantined> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT u.id, f.name, f.reason, u.collection, u.created_at "
                    + "FROM library_upload_file f JOIN library_upload u ON u.id = f.upload_id "
                    + "WHERE u.owner = ? AND f.outcome = 'QUARANTINED' ORDER BY u.created_at DESC, f.seq")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Quarantined(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                instant(rs, 5)));
                    }
                }
            }
            return out;
        });
    }

    /** @return every top-level stored document with the portion markings of its passages, newest first */
    List<DocumentRow> documents() {
        return tx(c -> {
            Map<Long, Long> parent = new HashMap<>();
            Map<Long, Object[]> top = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, parent_id, title, "
                    + "source_path, collection, marking, page_count, needs_review, note, ingested_at "
                    + "FROM ingest_document ORDER BY id DESC")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long p = rs.getLong(2);
                    if (p != 0) {
                        parent.put(id, p);
                        continue;
                    }
                    top.put(id, new Object[] {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getInt(7), rs.getBoolean(8), rs.getString(9), instant(rs, 10)});
                }
            }
            Map<Long, Set<String>> portions = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT DISTINCT document_id, marking FROM ingest_passage")) {
                while (rs.next()) {
                    long root = rs.getLong(1);
                    for (int hops = 0; parent.containsKey(root) && hops < 64; hops++) {
                        root = parent.get(root);
                    }
                    portions.computeIfAbsent(root, k -> new LinkedHashSet<>()).add(rs.getString(2));
                }
            }
            List<DocumentRow> out = new ArrayList<>(top.size());
            for (Map.Entry<Long, Object[]> e : top.entrySet()) {
                Object[] v = e.getValue();
                out.add(new DocumentRow(e.getKey(), v[0] == null ? "" : (String) v[0], (String) v[1], (String) v[2],
                        (String) v[3], (Integer) v[4], (Boolean) v[5], v[6] == null ? "" : (String) v[6],
                        (Instant) v[7], portions.getOrDefault(e.getKey(), Set.of())));
            }
            return out;
        });
    }

    /**
     * Deletes a top-level document with its embedded documents and passages, and queues their removal from the
     * index, in one transaction.
     *
     * @param documentId the document
     * @return the source path of the deleted document, if it existed
     */
    Optional<String> deleteDocument(long documentId) {
        return tx(c -> {
            String source;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT source_path FROM ingest_document WHERE id = ? AND parent_id IS NULL")) {
                ps.setLong(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<String>empty();
                    }
                    source = rs.getString(1);
                }
            }
            List<Long> all = new ArrayList<>(List.of(documentId));
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ingest_document WHERE parent_id = ?")) {
                for (int i = 0; i < all.size(); i++) {
                    ps.setLong(1, all.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            all.add(rs.getLong(1));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ingest_outbox (document_id, op) VALUES (?, 'DELETE')")) {
                for (long id : all) {
                    ps.setLong(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ingest_document WHERE id = ?")) {
                ps.setLong(1, documentId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE library_upload_file SET outcome = 'DELETED', "
                    + "document_id = NULL WHERE document_id = ?")) {
                ps.setLong(1, documentId);
                ps.executeUpdate();
            }
            return Optional.of(source);
        });
    }

    private static final String UPLOAD_COLUMNS = "SELECT id, owner, state, collection, declared_marking, staging, "
            + "files_total, created_at FROM library_upload";

    private static Upload upload(ResultSet rs) throws SQLException {
        return new Upload(rs.getString(1), rs.getString(2), State.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), Path.of(rs.getString(6)), rs.getInt(7), instant(rs, 8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private <T> T tx(Jdbc.Work<T> work) {
        return Jdbc.inTransaction(db, work,
                e -> new IllegalStateException("library store: " + e.getMessage(), e));
    }

}

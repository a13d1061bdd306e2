package io.sextant.ingest.store;

import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.ExtractedPart;
import io.sextant.ingest.MetadataKeys;
import io.sextant.ingest.Passage;
import io.sextant.ingest.PassageSink;
import io.sextant.ingest.QuarantineReason;
import io.sextant.ingest.StoredDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.flywaydb.core.Flyway;

/**
 * JDBC access to the ingest tables in the appliance's H2 file database ({@code <data-dir>/db/sextant}, opened with
 * {@code AUTO_SERVER=TRUE} so that the CLI and the server can share it). Migrations run through Flyway with the
 * module's own history table. Thread-safe: one connection, every method synchronized; each file is one transaction.
 */
public final class IngestStore implements AutoCloseable {
    private final Connection db;
    private final MarkingParser parser = MarkingParser.defaultParser();

    private IngestStore(Connection db) {
        this.db = db;
    }

    /**
     * Opens (and migrates) the store under a data directory.
     *
     * @param dataDir the appliance data directory
     * @return the open store
     * @throws StoreException when the database cannot be opened or migrated
     */
    public static IngestStore open(Path dataDir) {
        try {
            Path dbDir = dataDir.toAbsolutePath().resolve("db");
            Files.createDirectories(dbDir);
            String url = "jdbc:h2:file:" + dbDir.resolve("sextant") + ";AUTO_SERVER=TRUE";
            Flyway.configure(IngestStore.class.getClassLoader())
                    .dataSource(url, "sa", "")
                    .table("flyway_ingest_history")
                    .locations("classpath:db/migration/ingest")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            Connection c = DriverManager.getConnection(url, "sa", "");
            c.setAutoCommit(false);
            return new IngestStore(c);
        } catch (java.io.IOException | SQLException | RuntimeException e) {
            throw new StoreException("cannot open the ingest store under " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Finds the unfinished job with these parameters, to continue it.
     *
     * @param signature hash of the job's parameters
     * @return its id, if any
     */
    public synchronized OptionalLong unfinishedJob(String signature) {
        return tx(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT id FROM ingest_job WHERE state = 'RUNNING' AND signature = ? ORDER BY id")) {
                ps.setString(1, signature);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /**
     * Ids of every unfinished job, oldest first.
     *
     * @return job ids
     */
    public synchronized List<Long> unfinishedJobs() {
        return tx(() -> {
            List<Long> ids = new ArrayList<>();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM ingest_job WHERE state = 'RUNNING' ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /**
     * Records a new job and its files (all pending), in one transaction.
     *
     * @param signature hash of the parameters
     * @param collection collection name
     * @param declaredMarking the declared marking (banner form) or null
     * @param roots the paths given, one per line
     * @param files the files with their sizes
     * @return the job id
     */
    public synchronized long createJob(String signature, String collection, String declaredMarking, String roots,
            List<JobItem> files) {
        return tx(() -> {
            long id;
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO ingest_job (signature, state, collection, "
                    + "declared_marking, roots) VALUES (?, 'RUNNING', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, signature);
                ps.setString(2, collection);
                ps.setString(3, declaredMarking);
                ps.setString(4, roots);
                ps.executeUpdate();
                id = generatedKey(ps);
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO ingest_job_item (job_id, seq, path, bytes, state) VALUES (?, ?, ?, ?, 'PENDING')")) {
                for (JobItem f : files) {
                    ps.setLong(1, id);
                    ps.setInt(2, f.seq());
                    ps.setString(3, f.path().toString());
                    ps.setLong(4, f.bytes());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    /**
     * A job's parameters.
     *
     * @param jobId the job
     * @return collection and declared marking (banner form, or null)
     */
    public synchronized String[] jobParameters(long jobId) {
        return tx(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT collection, declared_marking FROM ingest_job WHERE id = ?")) {
                ps.setLong(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("no job " + jobId, null);
                    }
                    return new String[] {rs.getString(1), rs.getString(2)};
                }
            }
        });
    }

    /**
     * Files of a job still to process.
     *
     * @param jobId the job
     * @return pending items in job order
     */
    public synchronized List<JobItem> pendingItems(long jobId) {
        return tx(() -> {
            List<JobItem> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT seq, path, bytes FROM ingest_job_item "
                    + "WHERE job_id = ? AND state = 'PENDING' ORDER BY seq")) {
                ps.setLong(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JobItem(jobId, rs.getInt(1), Path.of(rs.getString(2)), rs.getLong(3)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Stores one file's documents and passages and marks its job item done, in one transaction. Same bytes already
     * stored: a duplicate, nothing written but the item. A different version from the same source path and collection:
     * replaced (old documents deleted, their index entries queued for deletion).
     *
     * @param item the job item
     * @param collection collection name
     * @param fileSha sha256 of the file
     * @param size file size
     * @param docs the documents, the file itself first
     * @param failures embedded documents that could not be read: embedded path, reason, detail
     * @return INGESTED or DUPLICATE
     */
    public synchronized Outcome commitFile(JobItem item, String collection, String fileSha, long size,
            List<PreparedDocument> docs, List<String[]> failures) {
        return tx(() -> {
            if (existingTop(fileSha) != 0) {
                markItem(item, Outcome.DUPLICATE, null, 0);
                return Outcome.DUPLICATE;
            }
            replacePrevious(item.path().toString(), collection);
            long[] ids = new long[docs.size()];
            int passages = 0;
            for (int i = 0; i < docs.size(); i++) {
                PreparedDocument d = docs.get(i);
                ids[i] = insertDocument(d, d.parentPart() < 0 ? 0 : ids[d.parentPart()], item, collection,
                        i == 0 ? fileSha : d.part().sha256(), i == 0 ? size : -1);
                insertPassages(ids[i], d.passages());
                passages += d.passages().size();
                outbox(ids[i], "UPSERT");
            }
            for (String[] f : failures) {
                quarantine(item, f[0], fileSha, QuarantineReason.ofLabel(f[1]), f[2]);
            }
            markItem(item, Outcome.INGESTED, null, passages);
            return Outcome.INGESTED;
        });
    }

    /**
     * Quarantines a file and marks its job item done, in one transaction.
     *
     * @param item the job item
     * @param sha sha256 of the file ("" when unreadable)
     * @param reason why
     * @param detail technical detail (no document text)
     */
    public synchronized void commitQuarantine(JobItem item, String sha, QuarantineReason reason, String detail) {
        tx(() -> {
            quarantine(item, "", sha, reason, detail);
            markItem(item, Outcome.QUARANTINED, reason, 0);
            return null;
        });
    }

    /**
     * Marks a job finished.
     *
     * @param jobId the job
     */
    public synchronized void finishJob(long jobId) {
        tx(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "UPDATE ingest_job SET state = 'DONE', finished_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                ps.setLong(1, jobId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Totals of a job from its recorded item outcomes.
     *
     * @param jobId the job
     * @return the summary
     */
    public synchronized JobSummary summary(long jobId) {
        return tx(() -> {
            int files = 0;
            int ingested = 0;
            int duplicates = 0;
            int quarantined = 0;
            int pending = 0;
            long passages = 0;
            List<JobSummary.Quarantined> q = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT path, state, outcome, reason, passages "
                    + "FROM ingest_job_item WHERE job_id = ? ORDER BY seq")) {
                ps.setLong(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        files++;
                        passages += rs.getInt(5);
                        String outcome = rs.getString(3);
                        if ("PENDING".equals(rs.getString(2)) || outcome == null) {
                            pending++;
                        } else {
                            switch (Outcome.valueOf(outcome)) {
                                case INGESTED -> ingested++;
                                case DUPLICATE -> duplicates++;
                                case QUARANTINED -> {
                                    quarantined++;
                                    q.add(new JobSummary.Quarantined(rs.getString(1), rs.getString(4)));
                                }
                            }
                        }
                    }
                }
            }
            return new JobSummary(files, ingested, duplicates, quarantined, q, passages, pending);
        });
    }

    /**
     * Counts for {@code sextant status}.
     *
     * @return the counts
     */
    public synchronized StoreStatus status() {
        return tx(() -> new StoreStatus(
                count("SELECT COUNT(*) FROM ingest_document"),
                count("SELECT COUNT(*) FROM ingest_document WHERE parent_id IS NULL"),
                count("SELECT COUNT(*) FROM ingest_passage"),
                count("SELECT COUNT(*) FROM ingest_quarantine"),
                count("SELECT COUNT(*) FROM ingest_job WHERE state = 'RUNNING'"),
                count("SELECT COUNT(*) FROM ingest_job_item i JOIN ingest_job j ON i.job_id = j.id "
                        + "WHERE j.state = 'RUNNING' AND i.state = 'PENDING'"),
                count("SELECT COUNT(*) FROM ingest_document WHERE needs_review"),
                count("SELECT COUNT(*) FROM ingest_outbox")));
    }

    /**
     * Feeds queued index changes to a sink, oldest first; each change leaves the outbox only after the sink accepted
     * it, so a crash in between repeats it (sinks are idempotent).
     *
     * @param sink the index
     * @return changes delivered
     */
    public synchronized int drainOutbox(PassageSink sink) {
        int delivered = 0;
        while (true) {
            List<long[]> batch = tx(() -> {
                List<long[]> out = new ArrayList<>();
                try (Statement s = db.createStatement();
                        ResultSet rs = s.executeQuery(
                                "SELECT seq, document_id, op FROM ingest_outbox ORDER BY seq LIMIT 100")) {
                    while (rs.next()) {
                        out.add(new long[] {rs.getLong(1), rs.getLong(2), "DELETE".equals(rs.getString(3)) ? 1 : 0});
                    }
                }
                return out;
            });
            if (batch.isEmpty()) {
                return delivered;
            }
            for (long[] change : batch) {
                if (change[2] == 1) {
                    sink.delete(change[1]);
                } else {
                    StoredDocument doc = tx(() -> StoreReads.document(db, change[1]));
                    if (doc != null) {
                        sink.upsert(doc, tx(() -> StoreReads.passages(db, parser, change[1])));
                    }
                }
                tx(() -> {
                    try (PreparedStatement ps = db.prepareStatement("DELETE FROM ingest_outbox WHERE seq = ?")) {
                        ps.setLong(1, change[0]);
                        ps.executeUpdate();
                    }
                    return null;
                });
                delivered++;
            }
        }
    }

    /**
     * All stored documents, in id order (for inspection and tests).
     *
     * @return documents
     */
    public synchronized List<StoredDocument> documents() {
        return tx(() -> StoreReads.documents(db));
    }

    /**
     * A document's passages.
     *
     * @param documentId the document
     * @return passages in order
     */
    public synchronized List<Passage> passages(long documentId) {
        return tx(() -> StoreReads.passages(db, parser, documentId));
    }

    /**
     * Quarantine entries: path (with {@code !embedded/path} for embedded documents) and reason label.
     *
     * @return entries in insertion order
     */
    public synchronized List<String[]> quarantine() {
        return tx(() -> StoreReads.quarantine(db));
    }

    private long existingTop(String sha) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM ingest_document WHERE top_sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void replacePrevious(String path, String collection) throws SQLException {
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
            outbox(id, "DELETE");
        }
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM ingest_document WHERE source_path = ? "
                + "AND collection = ? AND parent_id IS NULL")) {
            ps.setString(1, path);
            ps.setString(2, collection);
            ps.executeUpdate();
        }
    }

    private long insertDocument(PreparedDocument d, long parentId, JobItem item, String collection, String sha,
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

    private void insertPassages(long docId, List<Passage> passages) throws SQLException {
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

    private void quarantine(JobItem item, String embedded, String sha, QuarantineReason reason, String detail)
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

    private void markItem(JobItem item, Outcome outcome, QuarantineReason reason, int passages) throws SQLException {
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

    private void outbox(long docId, String op) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO ingest_outbox (document_id, op) VALUES (?, ?)")) {
            ps.setLong(1, docId);
            ps.setString(2, op);
            ps.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
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

    private static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private <T> T tx(SqlWork<T> work) {
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("ingest store: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("closing the ingest store: " + e.getMessage(), e);
        }
    }

    /** A unit of work inside one transaction. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}

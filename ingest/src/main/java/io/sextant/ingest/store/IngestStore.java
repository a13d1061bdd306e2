package io.sextant.ingest.store;

import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.Passage;
import io.sextant.ingest.PassageSink;
import io.sextant.ingest.QuarantineReason;
import io.sextant.ingest.StoredDocument;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
            DatabaseAccess db = DatabaseAccess.forDataDir(dataDir);
            Flyway.configure(IngestStore.class.getClassLoader())
                    .dataSource(db.url(), db.user(), db.password())
                    .table("flyway_ingest_history")
                    .locations("classpath:db/migration/ingest")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
            c.setAutoCommit(false);
            return new IngestStore(c);
        } catch (SQLException | RuntimeException e) {
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
                id = StoreWrites.generatedKey(ps);
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
            if (StoreWrites.existingTop(db, fileSha) != 0) {
                StoreWrites.markItem(db, item, Outcome.DUPLICATE, null, 0);
                return Outcome.DUPLICATE;
            }
            StoreWrites.replacePrevious(db, item.path().toString(), collection);
            long[] ids = new long[docs.size()];
            int passages = 0;
            for (int i = 0; i < docs.size(); i++) {
                PreparedDocument d = docs.get(i);
                ids[i] = StoreWrites.insertDocument(db, d, d.parentPart() < 0 ? 0 : ids[d.parentPart()], item, collection,
                        i == 0 ? fileSha : d.part().sha256(), i == 0 ? size : -1);
                StoreWrites.insertPassages(db, ids[i], d.passages());
                passages += d.passages().size();
                StoreWrites.outbox(db, ids[i], "UPSERT");
            }
            for (String[] f : failures) {
                StoreWrites.quarantine(db, item, f[0], fileSha, QuarantineReason.ofLabel(f[1]), f[2]);
            }
            StoreWrites.markItem(db, item, Outcome.INGESTED, null, passages);
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
            StoreWrites.quarantine(db, item, "", sha, reason, detail);
            StoreWrites.markItem(db, item, Outcome.QUARANTINED, reason, 0);
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
                StoreWrites.count(db, "SELECT COUNT(*) FROM ingest_document"),
                StoreWrites.count(db, "SELECT COUNT(*) FROM ingest_document WHERE parent_id IS NULL"),
                StoreWrites.count(db, "SELECT COUNT(*) FROM ingest_passage"),
                StoreWrites.count(db, "SELECT COUNT(*) FROM ingest_quarantine"),
                StoreWrites.count(db, "SELECT COUNT(*) FROM ingest_job WHERE state = 'RUNNING'"),
                StoreWrites.count(db, "SELECT COUNT(*) FROM ingest_job_item i JOIN ingest_job j ON i.job_id = j.id "
                        + "WHERE j.state = 'RUNNING' AND i.state = 'PENDING'"),
                StoreWrites.count(db, "SELECT COUNT(*) FROM ingest_document WHERE needs_review"),
                StoreWrites.count(db, "SELECT COUNT(*) FROM ingest_outbox")));
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

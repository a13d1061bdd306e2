package io.sextant.appliance.library;

import io.micronaut.serde.annotation.Serdeable;
import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.rollup.Rollup;
import io.sextant.guard.rollup.RollupException;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.job.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.security.SecureRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The library: uploads staged under {@code <data-dir>/uploads/<job>}, ingested one job at a time on a bounded queue
 * (ingest itself works on several files at once), the document list as each user may see it, and deletion. An upload
 * is recorded only once all its files are on disk, so a server killed mid-ingest resumes the recorded jobs at the next
 * start (ingest continues its own job, so nothing is stored twice) and drops staging folders that were never recorded.
 *
 * <p>A document is listed only when the user may see at least one of its passages (or, for a document without
 * passages, its overall marking); its marking is the roll-up of the passages the user may see, and its title and
 * file name are shown only when the user may see the overall marking.
 */
public final class Library implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Library.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Default collection of uploads that name none. */
    public static final String DEFAULT_COLLECTION = "library";

    private final Corpus corpus;
    private final LibraryStore store;
    private final AuditLog audit;
    private final Path uploads;
    private final MarkingParser parser;
    private final ThreadPoolExecutor runner;
    private volatile boolean closing;

    Library(Corpus corpus, LibraryStore store, AuditLog audit, Path uploads, int queue) {
        this.corpus = corpus;
        this.store = store;
        this.audit = audit;
        this.uploads = uploads.toAbsolutePath().normalize();
        this.parser = corpus.parser();
        this.runner = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "sextant-library-ingest");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the library over the appliance database.
     *
     * @param corpus     the corpus uploads go into
     * @param dataSource the appliance database
     * @param audit      the audit log
     * @param dataDir    the data directory
     * @param queue      how many uploads may wait
     * @return the library (call {@link #resume()} once the server is up)
     */
    public static Library open(Corpus corpus, javax.sql.DataSource dataSource, AuditLog audit, Path dataDir,
            int queue) {
        return new Library(corpus, LibraryStore.open(dataSource), audit, dataDir.resolve("uploads"), queue);
    }

    // ---------------------------------------------------------------- upload

    /** @return a fresh staging folder for one upload */
    Staging stage() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        return new Staging(id, uploads.resolve(id));
    }

    /**
     * Reads the marking an uploader declares for unmarked documents.
     *
     * @param text a portion mark such as {@code (U)} or a banner line such as {@code SECRET}
     * @return the marking
     * @throws InvalidMarkingException with position and reason when it is not a valid marking
     */
    Marking declared(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidMarkingException("a declared marking is required for unmarked documents", 0);
        }
        return parser.parse(text.strip()).marking();
    }

    /**
     * Records an upload refused before ingest (e.g. a malformed declared marking) in the audit log.
     *
     * @param owner  the uploader
     * @param jobId  the staging id it would have had
     * @param reason why (no document content)
     * @param remote the client address
     */
    void refused(String owner, String jobId, String reason, String remote) {
        audit.append(new AuditEvent(AuditEventType.INGEST, Outcome.FAILED, owner, jobId, reason, null, remote));
    }

    /**
     * Records a staged upload and queues its ingest.
     *
     * @param staging    the staged files
     * @param owner      the uploader
     * @param collection the collection
     * @param declared   the declared marking
     * @param remote     the client address for the audit row
     * @return the job id
     * @throws RejectedExecutionException when too many uploads are waiting (the staging is discarded)
     */
    String submit(Staging staging, String owner, String collection, Marking declared, String remote) {
        LibraryStore.Upload u = new LibraryStore.Upload(staging.id(), owner, LibraryStore.State.QUEUED, collection,
                MarkingFormatter.banner(declared), staging.files(), staging.staged().size(), Instant.now());
        if (runner.getQueue().remainingCapacity() == 0) {
            staging.discard();
            throw new RejectedExecutionException("too many uploads waiting");
        }
        store.create(u, staging.staged());
        audit.append(new AuditEvent(AuditEventType.INGEST, Outcome.OK, owner, u.id(),
                "files=" + u.filesTotal() + ";collection=" + collection + ";declared=" + u.declared(), null, remote));
        queue(u);
        return u.id();
    }

    private void queue(LibraryStore.Upload u) {
        runner.execute(() -> run(u));
    }

    private void run(LibraryStore.Upload u) {
        if (closing) {
            return;
        }
        store.setState(u.id(), LibraryStore.State.RUNNING);
        try {
            IngestRequest request = new IngestRequest(u.collection(), parser.parse(u.declared()).marking(), null);
            corpus.ingest(List.of(u.staging()), request, new ProgressListener() {
                @Override
                public void planned(int files, long bytes) {
                }

                @Override
                public void fileDone(Path file, io.sextant.ingest.store.Outcome outcome, long bytes, int passages,
                        String reason) {
                    store.fileDone(u.id(), file, outcome.name(), reason);
                }
            });
            store.settle(u.id());
            store.setState(u.id(), LibraryStore.State.DONE);
        } catch (RuntimeException e) {
            if (closing) {
                LOG.log(System.Logger.Level.INFO, "upload {0} interrupted by shutdown; it resumes at the next start",
                        u.id());
                return;
            }
            LOG.log(System.Logger.Level.ERROR, "upload " + u.id() + " failed", e);
            store.setState(u.id(), LibraryStore.State.FAILED);
        }
    }

    /**
     * Resumes uploads recorded but not finished (the server stopped during their ingest) and removes staging folders
     * that were never recorded (the server stopped during their transfer).
     *
     * @return uploads resumed
     */
    public int resume() {
        Set<String> known = store.uploadIds();
        if (Files.isDirectory(uploads)) {
            try (Stream<Path> s = Files.list(uploads)) {
                for (Path dir : s.toList()) {
                    if (!known.contains(dir.getFileName().toString())) {
                        Staging.deleteTree(dir);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cleaning unrecorded uploads: " + e.getMessage());
            }
        }
        List<LibraryStore.Upload> open = store.unfinished();
        for (LibraryStore.Upload u : open) {
            LOG.log(System.Logger.Level.INFO, "resuming upload {0} ({1} files)", u.id(), u.filesTotal());
            queue(u);
        }
        return open.size();
    }

    // ---------------------------------------------------------------- reads

    /**
     * A document as one user sees it in the library.
     *
     * @param id               document id
     * @param title            its title (empty when the user may not see the overall marking)
     * @param source           the file name it was uploaded under (same rule)
     * @param marking          roll-up of the passages the user may see (banner form)
     * @param status           ingested, needs review, or the ingest note
     * @param quarantineReason always null for stored documents (quarantined files are listed separately)
     * @param collection       collection
     * @param pages            page count, 0 when unknown
     * @param created          when stored (ISO-8601)
     * @param deletable        whether this user may delete it
     */
    @Serdeable
    public record DocumentView(long id, String title, String source, String marking, String status,
            String quarantineReason, String collection, int pages, String created, boolean deletable) {
    }

    /**
     * One of the user's own quarantined uploads.
     *
     * @param jobId      the upload
     * @param file       the name it was uploaded under
     * @param reason     why it was set aside
     * @param collection its collection
     * @param created    when uploaded (ISO-8601)
     */
    @Serdeable
    public record QuarantineView(String jobId, String file, String reason, String collection, String created) {
    }

    /**
     * The library as one user sees it.
     *
     * @param marking     banner: the roll-up of the listed documents' markings
     * @param documents   visible documents, newest first
     * @param quarantined the user's own quarantined files
     */
    @Serdeable
    public record Listing(String marking, List<DocumentView> documents, List<QuarantineView> quarantined) {
    }

    /**
     * An upload's progress.
     *
     * @param marking     banner of the documents listed
     * @param jobId       the job
     * @param state       queued, running, done or failed
     * @param filesTotal  files uploaded
     * @param filesDone   files processed
     * @param documents   the stored documents the user may see
     * @param quarantined files set aside, with reasons
     */
    @Serdeable
    public record JobView(String marking, String jobId, String state, int filesTotal, int filesDone,
            List<DocumentView> documents, List<FileReason> quarantined) {
    }

    /**
     * @param file   the name it was uploaded under
     * @param reason why it was set aside
     */
    @Serdeable
    public record FileReason(String file, String reason) {
    }

    /**
     * The documents a user may see, and the user's own quarantined files.
     *
     * @param user      who asks
     * @param clearance their clearance
     * @param isAdmin   whether the user is an admin (may delete any visible document)
     * @return the listing
     */
    public Listing list(String user, Clearance clearance, boolean isAdmin) {
        Shown shown = visible(user, clearance, isAdmin, null);
        List<QuarantineView> q = store.quarantinedOf(user).stream().map(x -> new QuarantineView(x.uploadId(),
                x.name(), x.reason(), x.collection(), String.valueOf(x.created()))).toList();
        return new Listing(shown.banner(), shown.documents(), q);
    }

    /**
     * An upload's progress, for its uploader or an admin; anyone else gets nothing, as for an unknown job.
     *
     * @param jobId     the job
     * @param user      who asks
     * @param clearance their clearance
     * @param isAdmin   admin role
     * @return the progress
     */
    public Optional<JobView> job(String jobId, String user, Clearance clearance, boolean isAdmin) {
        Optional<LibraryStore.Upload> found = store.upload(jobId);
        if (found.isEmpty() || !(isAdmin || found.get().owner().equals(user))) {
            return Optional.empty();
        }
        LibraryStore.Upload u = found.get();
        List<LibraryStore.StagedFile> files = store.files(jobId);
        Set<Long> ids = new java.util.HashSet<>();
        List<FileReason> q = new ArrayList<>();
        int done = 0;
        for (LibraryStore.StagedFile f : files) {
            if (f.outcome() != null) {
                done++;
            }
            if (f.documentId() != 0) {
                ids.add(f.documentId());
            }
            if ("QUARANTINED".equals(f.outcome())) {
                q.add(new FileReason(f.name(), f.reason()));
            }
        }
        Shown shown = ids.isEmpty() ? new Shown(List.of(), "UNCLASSIFIED") : visible(user, clearance, isAdmin, ids);
        return Optional.of(new JobView(shown.banner(), u.id(), u.state().name().toLowerCase(java.util.Locale.ROOT),
                u.filesTotal(), done, shown.documents(), q));
    }

    private record Shown(List<DocumentView> documents, String banner) {
    }

    private Shown visible(String user, Clearance clearance, boolean isAdmin, Set<Long> only) {
        Map<Long, String> owners = store.owners();
        Map<Long, String> names = store.uploadNames();
        List<DocumentView> out = new ArrayList<>();
        List<Marking> all = new ArrayList<>();
        for (LibraryStore.DocumentRow d : store.documents()) {
            if (only != null && !only.contains(d.id())) {
                continue;
            }
            Optional<Marking> m = trimmed(d, clearance);
            if (m.isEmpty()) {
                continue;
            }
            all.add(m.get());
            boolean overall = allowed(clearance, banner(d.marking()));
            String source = names.getOrDefault(d.id(), Path.of(d.sourcePath()).getFileName().toString());
            String status = d.needsReview() ? "needs review" : d.note().isBlank() ? "ingested" : d.note();
            out.add(new DocumentView(d.id(), overall ? d.title() : "", overall ? source : "",
                    MarkingFormatter.banner(m.get()), status, null, d.collection(), d.pages(),
                    String.valueOf(d.created()), isAdmin || user.equals(owners.get(d.id()))));
        }
        String banner = "UNCLASSIFIED";
        if (!all.isEmpty()) {
            try {
                banner = MarkingFormatter.banner(Rollup.of(all));
            } catch (RollupException e) {
                // No single banner covers what would be shown: show nothing rather than under-mark it.
                return new Shown(List.of(), "UNCLASSIFIED");
            }
        }
        return new Shown(out, banner);
    }

    /** @return the roll-up of the passages the user may see; empty when the document is hidden from the user */
    private Optional<Marking> trimmed(LibraryStore.DocumentRow d, Clearance clearance) {
        if (d.portions().isEmpty()) {
            Marking overall = banner(d.marking());
            return overall != null && allowed(clearance, overall) ? Optional.of(overall) : Optional.empty();
        }
        List<Marking> shown = new ArrayList<>();
        for (String p : d.portions()) {
            try {
                Marking m = parser.parsePortion(p).marking();
                if (allowed(clearance, m)) {
                    shown.add(m);
                }
            } catch (IllegalArgumentException e) {
                // unreadable portion mark: withheld
            }
        }
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Rollup.of(shown));
        } catch (RollupException e) {
            return Optional.empty();
        }
    }

    private Marking banner(String text) {
        try {
            return parser.parseBanner(text).marking();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean allowed(Clearance clearance, Marking m) {
        return m != null && AccessPolicy.decide(clearance, m) instanceof AccessDecision.Allow;
    }

    // ---------------------------------------------------------------- delete

    /**
     * Deletes a document: its record, passages and index entries. The uploader may delete their own documents, an
     * admin any document they may see; for anyone else the document does not exist.
     *
     * @param documentId the document
     * @param user       who asks
     * @param clearance  their clearance
     * @param isAdmin    admin role
     * @param remote     client address for the audit row
     * @return whether it was deleted
     */
    public boolean delete(long documentId, String user, Clearance clearance, boolean isAdmin, String remote) {
        Optional<LibraryStore.DocumentRow> row = store.documents().stream().filter(d -> d.id() == documentId)
                .findFirst();
        if (row.isEmpty()) {
            return false;
        }
        boolean owner = user.equals(store.owners().get(documentId));
        boolean visible = trimmed(row.get(), clearance).isPresent();
        if (!(owner || (isAdmin && visible))) {
            return false;
        }
        Optional<String> source = store.deleteDocument(documentId);
        if (source.isEmpty()) {
            return false;
        }
        corpus.sync();
        Path staged = Path.of(source.get()).toAbsolutePath().normalize();
        if (staged.startsWith(uploads)) {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove the uploaded original of document "
                        + documentId + ": " + e.getMessage());
            }
        }
        audit.append(new AuditEvent(AuditEventType.DOCUMENT_DELETED, Outcome.OK, user, Long.toString(documentId),
                owner ? "by=owner" : "by=admin", null, remote));
        return true;
    }

    @Override
    public void close() {
        closing = true;
        runner.shutdownNow();
        try {
            runner.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}

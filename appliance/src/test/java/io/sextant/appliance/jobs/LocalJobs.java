package io.sextant.appliance.jobs;

import io.sextant.appliance.audit.H2AuditLog;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.draft.DraftService;
import io.sextant.appliance.draft.DraftStore;
import io.sextant.appliance.draft.TemplateLibrary;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.grounding.GroundedWriter;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.appliance.security.Account;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.LockoutPolicy;
import io.sextant.appliance.security.PasswordHasher;
import io.sextant.guard.output.OutputGuard;
import java.nio.file.Path;
import java.time.Clock;

/** A job service over a data directory, wired as the CLI wires it, with a clock of the test's choosing. */
public final class LocalJobs implements AutoCloseable {

    public final Database db;
    public final Corpus corpus;
    public final Engines engines;
    public final JobService jobs;

    public LocalJobs(Path data, Clock clock, int workers, Engines.Config engineConfig) {
        db = Database.open(new DataDir(data));
        var audit = new H2AuditLog(db.dataSource(), clock);
        Accounts accounts = new Accounts(db.dataSource(), new PasswordHasher(), audit, LockoutPolicy.DEFAULT, clock);
        corpus = Corpus.open(data, Corpus.Options.defaults());
        engines = Engines.open(data, engineConfig);
        TemplateLibrary library = TemplateLibrary.load(TemplateLibrary.siteDirectory(new DataDir(data)));
        OutputGuard guard = OutputGuard.defaults();
        DraftService drafts = new DraftService(corpus, new GroundedWriter(engines, guard, clock), () -> library,
                DraftStore.open(db.dataSource()), guard, clock);
        jobs = new JobService(JobStore.open(db.dataSource()), drafts,
                u -> accounts.byName(u).filter(a -> !a.locked()).map(Account::analyst), audit, clock,
                data.resolve("jobs"), workers);
    }

    @Override
    public void close() throws Exception {
        jobs.close();
        engines.close();
        corpus.close();
        db.close();
    }
}

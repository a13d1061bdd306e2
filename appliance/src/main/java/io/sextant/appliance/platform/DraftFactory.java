package io.sextant.appliance.platform;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.draft.DraftService;
import io.sextant.appliance.draft.DraftStore;
import io.sextant.appliance.draft.TemplateLibrary;
import io.sextant.appliance.grounding.GroundedWriter;
import io.sextant.guard.output.OutputGuard;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/** The drafting service for the server: drafts in the appliance database, templates from the data directory. */
@Factory
final class DraftFactory {

    @Singleton
    DraftStore draftStore(Database db) {
        return DraftStore.open(db.dataSource());
    }

    @Singleton
    DraftService draftService(@Value("${sextant.data-dir}") String dataDir, Corpus corpus, GroundedWriter writer,
            DraftStore store, OutputGuard guard, Clock clock) {
        Path site = TemplateLibrary.siteDirectory(new DataDir(Path.of(dataDir)));
        return new DraftService(corpus, writer, () -> TemplateLibrary.load(site), store, guard, clock);
    }
}

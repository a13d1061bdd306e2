package io.sextant.appliance.platform;

import io.micronaut.context.annotation.Factory;
import io.sextant.appliance.analysis.AchStore;
import io.sextant.appliance.analysis.AnalysisService;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.grounding.GroundedWriter;
import io.sextant.guard.output.OutputGuard;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The analysis workflows for the server: ACH matrices in the appliance database, the server's engines. */
@Factory
final class AnalysisFactory {

    @Singleton
    AchStore achStore(Database db) {
        return AchStore.open(db.dataSource());
    }

    @Singleton
    AnalysisService analysisService(Corpus corpus, GroundedWriter writer, OutputGuard guard, AchStore store,
            AuditLog audit, Clock clock) {
        return new AnalysisService(corpus, writer.engines(), guard, store, audit, clock);
    }
}

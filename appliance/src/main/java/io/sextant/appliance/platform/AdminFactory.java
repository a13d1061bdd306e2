package io.sextant.appliance.platform;

import io.micronaut.context.annotation.Factory;
import io.sextant.appliance.admin.AuditBrowser;
import io.sextant.appliance.admin.CertificateAccounts;
import io.sextant.appliance.admin.ModelAdmin;
import io.sextant.appliance.admin.StatusProbe;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.grounding.Engines;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The admin pages' services: model administration, system status, the audit browser, client-certificate accounts. */
@Factory
final class AdminFactory {

    @Singleton
    ModelAdmin modelAdmin(Corpus corpus, Engines engines, AuditLog audit) {
        return new ModelAdmin(corpus.dataDir(), engines, audit);
    }

    @Singleton
    StatusProbe statusProbe(Corpus corpus, Engines engines) {
        return new StatusProbe(corpus, engines);
    }

    @Singleton
    CertificateAccounts certificateAccounts(Database db, AuditLog audit, Clock clock) {
        return CertificateAccounts.open(db.dataSource(), audit, clock);
    }

    @Singleton
    AuditBrowser auditBrowser(Database db, AuditLog audit) {
        return new AuditBrowser(db.dataSource(), audit);
    }
}

package io.sextant.appliance.platform;

import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import io.sextant.appliance.ask.AskService;
import io.sextant.appliance.ask.ConversationStore;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.grounding.GroundedWriter;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The Ask service for the server: conversations in the appliance database (their own Flyway history). */
@Factory
final class AskFactory {

    @Singleton
    ConversationStore conversationStore(Database db, JsonMapper json, Corpus corpus) {
        return ConversationStore.open(db.dataSource(), json, corpus.parser());
    }

    @Singleton
    AskService askService(Corpus corpus, GroundedWriter writer, ConversationStore store, AuditLog audit,
            Clock clock) {
        return new AskService(corpus, writer, store, audit, clock);
    }
}

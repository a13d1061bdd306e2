package io.sextant.appliance.platform;

import io.micronaut.context.annotation.Factory;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.entities.EntityExtractor;
import io.sextant.appliance.entities.EntityIndexer;
import io.sextant.appliance.entities.EntityService;
import io.sextant.appliance.entities.EntityStore;
import jakarta.inject.Singleton;

/**
 * The entity index for the server: mentions in the appliance database, filled by a follower of the passage index
 * (the corpus picks up every {@link io.sextant.ingest.PassageSink} bean as a follower), read through the
 * access-trimming service.
 */
@Factory
final class EntitiesFactory {

    @Singleton
    EntityStore entityStore(Database db) {
        return EntityStore.open(db.dataSource());
    }

    @Singleton
    EntityIndexer entityIndexer(EntityStore store) {
        return new EntityIndexer(new EntityExtractor(), store);
    }

    @Singleton
    EntityService entityService(EntityStore store, Corpus corpus) {
        return new EntityService(store, corpus.parser());
    }
}

package io.sextant.appliance.platform;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.library.Library;
import java.nio.file.Path;

/**
 * The library for the server, opened at start-up so uploads interrupted by a stop resume at once.
 */
@Factory
final class LibraryFactory {

    @Context
    @Bean(preDestroy = "close")
    Library library(@Value("${sextant.data-dir}") String dataDir, Corpus corpus, Database db, AuditLog audit,
            @Value("${sextant.library.queue:64}") int queue) {
        Library library = Library.open(corpus, db.dataSource(), audit, Path.of(dataDir), queue);
        library.resume();
        return library;
    }
}

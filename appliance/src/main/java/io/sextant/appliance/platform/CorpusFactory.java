package io.sextant.appliance.platform;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.grounding.GroundedWriter;
import io.sextant.guard.output.OutputGuard;
import io.sextant.ingest.PassageSink;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Opens the corpus (ingest store, index, embedding model) and the engines once for the server, and drains ingest's
 * outbox every few seconds so passages ingested from the console while the server runs become searchable. Every
 * {@link PassageSink} bean (the entity index) follows the passage index.
 */
@Factory
final class CorpusFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Corpus corpus(@Value("${sextant.data-dir}") String dataDir, List<PassageSink> followers) {
        return Corpus.open(Path.of(dataDir), Corpus.Options.defaults().withFollowers(followers));
    }

    @Singleton
    @Bean(preDestroy = "close")
    Engines engines(@Value("${sextant.data-dir}") String dataDir,
            @Value("${sextant.inference.gpu-layers:0}") int gpuLayers,
            @Value("${sextant.inference.context-size:8192}") int contextSize,
            @Value("${sextant.inference.parallel:4}") int parallel,
            @Value("${sextant.inference.remote.url:}") String remoteUrl,
            @Value("${sextant.inference.remote.model:}") String remoteModel) {
        return Engines.open(Path.of(dataDir), new Engines.Config(gpuLayers, contextSize, parallel,
                remoteUrl.isBlank() ? null : remoteUrl, remoteModel.isBlank() ? null : remoteModel));
    }

    @Singleton
    OutputGuard outputGuard() {
        return OutputGuard.defaults();
    }

    @Singleton
    GroundedWriter groundedWriter(Engines engines, OutputGuard guard, Clock clock) {
        return new GroundedWriter(engines, guard, clock);
    }

    /** Indexes what console commands ingested while the server held the index. */
    @Singleton
    static final class OutboxDrain {
        private final Corpus corpus;

        OutboxDrain(Corpus corpus) {
            this.corpus = corpus;
        }

        @Scheduled(fixedDelay = "5s", initialDelay = "5s")
        void drain() {
            corpus.sync();
        }
    }
}

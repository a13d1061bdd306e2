package io.sextant.ingest.job;

import io.sextant.ingest.chunk.ChunkSettings;
import java.nio.file.Path;
import java.util.List;

/** A real ingest process for the kill test: ingests a folder and prints one line per committed file. */
public final class IngestProcessMain {
    private IngestProcessMain() {
    }

    /**
     * Runs an ingest.
     *
     * @param args data directory, folder
     */
    public static void main(String[] args) {
        try (IngestEngine engine = IngestEngine.open(Path.of(args[0]), settings(), null)) {
            engine.service().ingest(List.of(Path.of(args[1])), KillResumeTest.request(), new ProgressListener() {
                @Override
                public void planned(int files, long bytes) {
                    System.out.println("PLANNED " + files);
                    System.out.flush();
                }

                @Override
                public void fileDone(Path file, io.sextant.ingest.store.Outcome outcome, long bytes, int passages,
                        String reason) {
                    System.out.println("DONE " + file.getFileName());
                    System.out.flush();
                }
            });
        }
        System.out.println("FINISHED");
    }

    static EngineSettings settings() {
        return new EngineSettings(EngineSettings.defaults().limits(), ChunkSettings.DEFAULTS, 1, 256, false);
    }
}

package io.sextant.appliance.cli;

import io.sextant.ingest.store.IngestStore;
import io.sextant.ingest.store.StoreStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant status}: what the data directory holds and which ingest jobs are still unfinished. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Counts of documents, passages, quarantined files and unfinished ingest jobs.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    private SextantCommand root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StoreStatus s;
        try (IngestStore store = IngestStore.open(root.dataDir())) {
            s = store.status();
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("sextant status: " + e.getMessage());
            return 1;
        }
        if (json) {
            out.println("{\"documents\": " + s.documents() + ", \"files\": " + s.topLevelDocuments()
                    + ", \"passages\": " + s.passages() + ", \"quarantined\": " + s.quarantined()
                    + ", \"unfinishedJobs\": " + s.unfinishedJobs() + ", \"pendingFiles\": " + s.pendingFiles()
                    + ", \"needsReview\": " + s.needsReview() + ", \"awaitingIndex\": " + s.outbox() + "}");
        } else {
            out.println("documents:        " + s.documents() + " (" + s.topLevelDocuments() + " files)");
            out.println("passages:         " + s.passages());
            out.println("quarantined:      " + s.quarantined());
            out.println("unfinished jobs:  " + s.unfinishedJobs() + " (" + s.pendingFiles()
                    + " files pending; rerun the ingest to resume)");
            out.println("marking review:   " + s.needsReview());
            out.println("awaiting index:   " + s.outbox());
        }
        out.flush();
        return 0;
    }
}

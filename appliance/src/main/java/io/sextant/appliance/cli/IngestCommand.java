package io.sextant.appliance.cli;

import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.entities.EntityIndexer;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.Database;
import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.EngineSettings;
import io.sextant.ingest.job.IngestReport;
import io.sextant.ingest.job.IngestRequest;
import io.sextant.ingest.store.JobSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sextant ingest}: ingests files and folders into the data directory. Bad files are quarantined with a reason
 * and never change the exit status; only usage errors do (status 2). Rerunning an interrupted command resumes it.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest files and folders (walked recursively): extract, mark, chunk and store them.")
final class IngestCommand implements Callable<Integer> {
    /** Environment variable holding the site's system-high banner, the marking unmarked input takes by default. */
    static final String SYSTEM_HIGH_ENV = "SEXTANT_SYSTEM_HIGH";

    @ParentCommand
    private SextantCommand root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders to ingest.")
    private List<Path> paths;

    @Option(names = "--marking", paramLabel = "PORTION_MARK",
            description = "Marking of unmarked input, as a portion mark, e.g. \"(U//FOUO)\". Required unless "
                    + SYSTEM_HIGH_ENV + " sets a system-high default.")
    private String marking;

    @Option(names = "--collection", paramLabel = "NAME", defaultValue = "default",
            description = "Collection the documents join (default: ${DEFAULT-VALUE}).")
    private String collection;

    @Option(names = "--json", description = "Print one JSON object with the totals on stdout.")
    private boolean json;

    @Option(names = "--workers", paramLabel = "N", description = "Parsing processes (default: cores, at most 4).")
    private Integer workers;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Per-file parsing time limit; a file over it is quarantined as \"timeout\" (default 120).")
    private Integer timeoutSeconds;

    @Override
    public Integer call() {
        MarkingParser parser = MarkingParser.defaultParser();
        Marking declared = parse(parser, marking, true, "--marking");
        String high = System.getenv(SYSTEM_HIGH_ENV);
        Marking systemHigh = high == null || high.isBlank() ? null : parse(parser, high, false, SYSTEM_HIGH_ENV);
        if (declared == null && systemHigh == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--marking is required for unmarked input "
                    + "(no system-high default is configured in " + SYSTEM_HIGH_ENV + ")");
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + p);
            }
        }
        IngestRequest request;
        try {
            request = new IngestRequest(collection, declared, systemHigh);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (timeoutSeconds != null && timeoutSeconds < 1 || workers != null && workers < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout and --workers must be >= 1");
        }
        EngineSettings d = EngineSettings.defaults();
        EngineSettings settings = new EngineSettings(
                timeoutSeconds == null ? d.limits() : d.limits().withTimeout(java.time.Duration.ofSeconds(timeoutSeconds)),
                d.chunks(), workers == null ? d.workers() : workers, d.childHeapMb(), d.ocr());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, !json && ProgressBar.isTerminal());
        IngestReport report;
        boolean indexed;
        try (Database db = Database.open(new DataDir(root.dataDir()));
             Corpus corpus = Corpus.open(root.dataDir(), new Corpus.Options(settings, true,
                     List.of(EntityIndexer.open(db.dataSource()))))) {
            indexed = corpus.indexesDirectly();
            report = corpus.ingest(paths, request, bar);
        } catch (RuntimeException e) {
            bar.finish();
            err.println("sextant ingest: stopped: " + e.getMessage() + " (rerun the same command to resume)");
            return 1;
        }
        bar.finish();
        JobSummary s = report.summary();
        if (json) {
            out.println(toJson(s, report.seconds()));
        } else {
            out.printf(Locale.ROOT, "%d files: %d ingested, %d duplicates, %d quarantined; %d passages in %.1f s%n",
                    s.files(), s.ingested(), s.duplicates(), s.quarantined(), s.passages(), report.seconds());
            for (JobSummary.Quarantined q : s.quarantine()) {
                out.println("  quarantined (" + q.reason() + "): " + q.path());
            }
            if (!indexed) {
                out.println("The running server holds the index; it makes the new passages searchable within seconds.");
            }
        }
        out.flush();
        return 0;
    }

    private Marking parse(MarkingParser parser, String text, boolean portion, String what) {
        if (text == null) {
            return null;
        }
        try {
            return portion ? parser.parsePortion(text.strip()).marking() : parser.parseBanner(text.strip()).marking();
        } catch (InvalidMarkingException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "invalid " + what + " at character " + e.position() + ": " + e.reason());
        }
    }

    static String toJson(JobSummary s, double seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"files\": ").append(s.files()).append(", \"ingested\": ").append(s.ingested())
                .append(", \"duplicates\": ").append(s.duplicates()).append(", \"quarantined\": ")
                .append(s.quarantined()).append(", \"quarantine\": [");
        for (int i = 0; i < s.quarantine().size(); i++) {
            JobSummary.Quarantined q = s.quarantine().get(i);
            sb.append(i == 0 ? "" : ", ").append("{\"path\": ").append(Json.string(q.path()))
                    .append(", \"reason\": ").append(Json.string(q.reason())).append('}');
        }
        sb.append("], \"passages\": ").append(s.passages()).append(", \"seconds\": ")
                .append(String.format(Locale.ROOT, "%.3f", seconds)).append('}');
        return sb.toString();
    }
}

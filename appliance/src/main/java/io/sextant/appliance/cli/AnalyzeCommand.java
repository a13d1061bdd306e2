package io.sextant.appliance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.appliance.analysis.AchStore;
import io.sextant.appliance.analysis.AnalysisException;
import io.sextant.appliance.analysis.AnalysisForms;
import io.sextant.appliance.analysis.AnalysisReport;
import io.sextant.appliance.analysis.AnalysisService;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.security.Account;
import io.sextant.guard.output.OutputGuard;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sextant analyze evaluate|ach|redcell|compare|pir}: runs an analysis workflow as a named user (their
 * clearance, never higher) and prints the guarded report — banner first and last, a portion mark on every paragraph,
 * the sources and the authority block — or, with {@code --json}, the same JSON the REST API answers.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analysis workflows: evaluate a report, ACH, red cell, compare two documents, PIR support.")
final class AnalyzeCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    private SextantCommand root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Options every workflow takes. */
    static final class Common {
        /** Picocli fills it. */
        Common() {
        }

        @Option(names = "--user", required = true, paramLabel = "NAME",
                description = "The requesting analyst (their clearance applies).")
        String user;

        @Option(names = "--scope", paramLabel = "SCOPE",
                description = "Collections and dates, e.g. \"collection=ops;from=2026-01-01\".")
        String scope;

        @Option(names = "--json", description = "Print the JSON the REST API answers.")
        boolean json;
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Split a report into claims and judge each against the corpus.")
    int evaluate(@CommandLine.Mixin Common c,
            @Option(names = "--text", paramLabel = "TEXT", description = "The report text.") String text,
            @Option(names = "--file", paramLabel = "FILE", description = "A text file with the report.") Path file,
            @Option(names = "--document", paramLabel = "ID", description = "A stored document.") String document)
            throws Exception {
        ObjectNode in = JSON.createObjectNode();
        in.put("text", file != null ? Files.readString(file) : text);
        in.put("documentId", document);
        return run("evaluate", c, in);
    }

    @Command(name = "ach", mixinStandardHelpOptions = true,
            description = "Analysis of competing hypotheses: a scored hypotheses × evidence matrix.")
    int ach(@CommandLine.Mixin Common c,
            @Option(names = "--hypothesis", required = true, paramLabel = "TEXT",
                    description = "A hypothesis (give 2 to 6).") List<String> hypotheses) throws Exception {
        ObjectNode in = JSON.createObjectNode();
        hypotheses.forEach(in.putArray("hypotheses")::add);
        return run("ach", c, in);
    }

    @Command(name = "redcell", mixinStandardHelpOptions = true,
            description = "Argue the opposing case of a plan or assessment from the same sources.")
    int redcell(@CommandLine.Mixin Common c,
            @Option(names = "--text", paramLabel = "TEXT", description = "The plan or assessment.") String text,
            @Option(names = "--file", paramLabel = "FILE", description = "A text file with it.") Path file)
            throws Exception {
        ObjectNode in = JSON.createObjectNode();
        in.put("text", file != null ? Files.readString(file) : text);
        return run("redcell", c, in);
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Notable differences in facts and judgements between two documents.")
    int compare(@CommandLine.Mixin Common c,
            @Parameters(index = "0", paramLabel = "DOC_A", description = "The first document id.") String a,
            @Parameters(index = "1", paramLabel = "DOC_B", description = "The second document id.") String b)
            throws Exception {
        ObjectNode in = JSON.createObjectNode();
        in.put("documentA", a);
        in.put("documentB", b);
        return run("compare", c, in);
    }

    @Command(name = "pir", mixinStandardHelpOptions = true,
            description = "Triage requirements and propose new PIRs with indicators, SIRs and LTIOV.")
    int pir(@CommandLine.Mixin Common c,
            @Option(names = "--topic", required = true, paramLabel = "TEXT", description = "The topic.") String topic,
            @Option(names = "--requirement", paramLabel = "TEXT", description = "An existing requirement.")
            List<String> requirements,
            @Option(names = "--ltiov-hours", paramLabel = "N", defaultValue = "72",
                    description = "Hours until information loses its value (default 72).") int ltiov)
            throws Exception {
        ObjectNode in = JSON.createObjectNode();
        in.put("topic", topic);
        in.put("ltiovHours", ltiov);
        (requirements == null ? List.<String>of() : requirements).forEach(in.putArray("requirements")::add);
        return run("pir", c, in);
    }

    private int run(String workflow, Common c, ObjectNode in) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        in.put("scope", c.scope);
        Path dataDir = root.dataDir();
        try (ConsoleServices services = ConsoleServices.open(dataDir)) {
            Account account = services.accounts().byName(c.user).orElse(null);
            if (account == null || account.locked() || account.isLockedAt(Instant.now())) {
                err.println("sextant analyze: no active account named '" + c.user + "'");
                err.flush();
                return 2;
            }
            Analyst analyst = account.analyst();
            try (Corpus corpus = Corpus.open(dataDir, Corpus.Options.defaults());
                 Engines engines = Engines.open(dataDir, Engines.Config.DEFAULTS)) {
                AnalysisService service = new AnalysisService(corpus, engines, OutputGuard.defaults(),
                        AchStore.open(services.database().dataSource()), services.audit(), Clock.systemUTC());
                AnalysisReport r = AnalysisForms.run(service, workflow, analyst, in, null);
                out.print(c.json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r.toJson()) + "\n"
                        : r.render());
                r.notices().forEach(n -> err.println("note: " + n));
                out.flush();
                err.flush();
                return 0;
            } catch (AnalysisException e) {
                err.println("sextant analyze " + workflow + ": " + e.getMessage());
                err.flush();
                return 1;
            }
        }
    }
}

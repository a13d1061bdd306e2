package io.sextant.appliance.cli;

import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.draft.DraftScope;
import io.sextant.appliance.draft.DraftService;
import io.sextant.appliance.draft.DraftStore;
import io.sextant.appliance.draft.DraftTemplate;
import io.sextant.appliance.draft.DraftUnavailableException;
import io.sextant.appliance.draft.MarkedDraft;
import io.sextant.appliance.draft.TemplateLibrary;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.appliance.grounding.Engines;
import io.sextant.appliance.grounding.GroundedWriter;
import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.security.Account;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.output.OutputGuard;
import io.sextant.inference.Cancellation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sextant draft}: drafts a product from a template as a given user (their clearance, never higher), stores it
 * for them and exports it marked: banner first and last, a portion mark on every paragraph, the authority block.
 */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = "Draft a product (SITREP, INTSUM, PIR, brief...) from a template as a user, and export it.")
final class DraftCommand implements Callable<Integer> {

    @ParentCommand
    private SextantCommand root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEMPLATE", description = "Template id, e.g. sitrep.")
    private String template;

    @Option(names = "--topic", paramLabel = "TEXT", description = "What the product is about.")
    private String topic;

    @Option(names = "--user", paramLabel = "NAME", description = "The requesting analyst (their clearance applies).")
    private String user;

    @Option(names = "--scope", paramLabel = "SCOPE",
            description = "Collections and dates, e.g. \"collection=ops,intel;from=2026-01-01;to=2026-02-01\".")
    private String scope;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the product.")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "md, docx or pdf (default: from --out).")
    private String format;

    @Option(names = "--list-templates", description = "List the templates and exit.")
    private boolean listTemplates;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dataDir = root.dataDir();
        TemplateLibrary library = TemplateLibrary.load(TemplateLibrary.siteDirectory(new DataDir(dataDir)));
        if (listTemplates) {
            for (DraftTemplate t : library.templates()) {
                stdout.printf("%-12s %s%n", t.id(), t.title());
            }
            library.problems().forEach(p -> err.println("template problem: " + p));
            stdout.flush();
            return 0;
        }
        if (template == null || topic == null || topic.isBlank() || user == null || out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "TEMPLATE, --topic, --user and --out are required (or --list-templates)");
        }
        String fmt = format != null ? format.toLowerCase(Locale.ROOT) : extension(out);
        if (!fmt.matches("md|markdown|docx|pdf")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format must be md, docx or pdf (or --out must end in one of them)");
        }
        DraftScope draftScope;
        try {
            Scope s = Scope.parse(scope);
            draftScope = new DraftScope(s.collections(), s.from(), s.to());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scope: " + e.getMessage());
        }
        if (out.toAbsolutePath().getParent() == null || !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out: no such folder: "
                    + out.toAbsolutePath().getParent());
        }
        try (ConsoleServices services = ConsoleServices.open(dataDir)) {
            Account account = services.accounts().byName(user).orElse(null);
            if (account == null || account.locked() || account.isLockedAt(Instant.now())) {
                err.println("sextant draft: no active account named '" + user + "'");
                return 2;
            }
            Analyst analyst = account.analyst();
            try (Corpus corpus = Corpus.open(dataDir, Corpus.Options.defaults());
                 Engines engines = Engines.open(dataDir, Engines.Config.DEFAULTS)) {
                Clock clock = Clock.systemUTC();
                OutputGuard guard = OutputGuard.defaults();
                DraftService service = new DraftService(corpus, new GroundedWriter(engines, guard, clock),
                        () -> library, DraftStore.open(services.database().dataSource()), guard, clock);
                long t0 = System.nanoTime();
                DraftService.Drafted drafted = service.draft(analyst, template, topic, draftScope,
                        Cancellation.create());
                drafted.notices().forEach(n -> err.println("note: " + n));
                MarkedDraft marked = service.export(analyst, drafted.draft(), fmt, out);
                String banner = MarkingFormatter.banner(marked.product().banner());
                services.audit().append(new AuditEvent(AuditEventType.DRAFT, Outcome.OK, user,
                        "draft " + drafted.draft().id() + " (" + template + ") via " + ConsoleServices.actor(),
                        "exported " + fmt + " to " + out.toAbsolutePath(), banner, null));
                stdout.printf(Locale.ROOT, "%s drafted as %s in %.1f s with %s: %s (%s)%n", template, user,
                        (System.nanoTime() - t0) / 1e9, engines.status().info().kind(), out, banner);
                stdout.flush();
                return 0;
            } catch (DraftUnavailableException e) {
                services.audit().append(new AuditEvent(AuditEventType.DRAFT, Outcome.FAILED, user,
                        "draft (" + template + ") via " + ConsoleServices.actor(), e.getMessage(), null, null));
                err.println("sextant draft: " + e.getMessage());
                return 1;
            }
        }
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}

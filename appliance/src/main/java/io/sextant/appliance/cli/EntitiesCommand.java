package io.sextant.appliance.cli;

import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.entities.EntityExtractor;
import io.sextant.appliance.entities.EntityIndexer;
import io.sextant.appliance.entities.EntityService;
import io.sextant.appliance.entities.EntityStore;
import io.sextant.appliance.entities.EntityType;
import io.sextant.appliance.security.Account;
import io.sextant.guard.access.Action;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Classification;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.ingest.job.EngineSettings;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sextant entities}: the most mentioned entities as one user may see them (their clearance trims every count;
 * without {@code --user}, only what the lowest access may see), and {@code sextant entities reindex} to rebuild the
 * entity index from the stored passages.
 */
@Command(name = "entities", mixinStandardHelpOptions = true,
        description = "List the most mentioned entities as a user may see them; 'reindex' rebuilds the entity index.",
        subcommands = EntitiesCommand.Reindex.class)
final class EntitiesCommand implements Callable<Integer> {

    /** The access of a console listing without {@code --user}: unclassified, no country. */
    static final Clearance LOWEST = new Clearance(Classification.U, Set.of(), Set.of(), Set.of(), "XXX", Set.of(),
            Action.VIEW, false, false);

    @ParentCommand
    private SextantCommand root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--user", paramLabel = "NAME", description = "List as this user sees the corpus.")
    private String user;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Only person, organization, place, equipment or date.")
    private String type;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "How many (default 50).")
    private int limit;

    @Option(names = "--json", description = "Print the listing as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EntityType t;
        try {
            t = type == null ? null : EntityType.parse(type);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--type must be person, organization, place, equipment or date");
        }
        try (ConsoleServices services = ConsoleServices.open(root.dataDir())) {
            Clearance clearance = LOWEST;
            String actor = ConsoleServices.actor();
            if (user != null) {
                Account account = services.accounts().byName(user).orElse(null);
                if (account == null || account.locked() || account.isLockedAt(Instant.now())) {
                    err.println("sextant entities: no active account named '" + user + "'");
                    return 2;
                }
                clearance = account.analyst().clearance();
            }
            EntityService service = new EntityService(EntityStore.open(services.database().dataSource()),
                    MarkingParser.defaultParser());
            EntityService.Listing listing = service.list(clearance, t, null, limit);
            services.audit().append(new AuditEvent(AuditEventType.ENTITIES, Outcome.OK, user == null ? actor : user,
                    "list via " + actor, "type=" + (t == null ? "" : t.label()) + " shown="
                    + listing.entities().size(), listing.marking(), null));
            if (json) {
                out.println(toJson(listing));
            } else {
                out.println(listing.marking());
                for (EntityService.EntitySummary e : listing.entities()) {
                    out.printf(Locale.ROOT, "%6d  %-12s %s%n", e.mentions(), e.type(), e.name());
                }
                out.println(listing.marking());
            }
            out.flush();
            return 0;
        }
    }

    static String toJson(EntityService.Listing listing) {
        return "{\"marking\":" + Json.string(listing.marking()) + ",\"entities\":[" + listing.entities().stream()
                .map(e -> "{\"id\":" + e.id() + ",\"name\":" + Json.string(e.name()) + ",\"type\":"
                        + Json.string(e.type()) + ",\"mentions\":" + e.mentions() + "}")
                .collect(Collectors.joining(",")) + "]}";
    }

    /** {@code sextant entities reindex}: rebuilds every mention from the stored passages. */
    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = "Rebuild the entity index from the stored passages.")
    static final class Reindex implements Callable<Integer> {

        @ParentCommand
        private EntitiesCommand parent;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            try (ConsoleServices services = ConsoleServices.open(parent.root.dataDir());
                 Corpus corpus = Corpus.open(parent.root.dataDir(),
                         new Corpus.Options(EngineSettings.defaults(), false, List.of()))) {
                EntityIndexer indexer = new EntityIndexer(new EntityExtractor(),
                        EntityStore.open(services.database().dataSource()));
                int docs = indexer.reindex(corpus.store());
                services.audit().append(new AuditEvent(AuditEventType.ENTITIES, Outcome.OK, ConsoleServices.actor(),
                        "reindex", "documents=" + docs, null, null));
                out.printf(Locale.ROOT, "entities reindexed from %d documents in %.1f s%n", docs,
                        (System.nanoTime() - t0) / 1e9);
                out.flush();
                return 0;
            }
        }
    }
}

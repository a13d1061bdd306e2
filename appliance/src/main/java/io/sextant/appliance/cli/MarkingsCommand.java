package io.sextant.appliance.cli;

import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.ParsedMarking;
import io.sextant.guard.marking.Profile;
import io.sextant.guard.marking.Vocabulary;
import io.sextant.guard.rollup.Rollup;
import io.sextant.guard.vectors.VectorSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sextant markings}: the classification guard from the command line. A thin shell over the guard module:
 * every rule lives in {@code io.sextant.guard}. Results go to standard output; errors to standard error with exit
 * status 2.
 */
@Command(name = "markings", mixinStandardHelpOptions = true,
        description = "Check, normalize, roll up and test access against classification markings.",
        subcommands = {MarkingsCommand.Check.class, MarkingsCommand.Normalize.class, MarkingsCommand.RollupCmd.class,
            MarkingsCommand.Access.class})
final class MarkingsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand shares: the profile and an optional site vocabulary directory. */
    static class GuardOptions {
        @Option(names = "--profile", paramLabel = "IC|DOD", defaultValue = "IC",
                description = "Rule profile where IC and DoD differ (default: ${DEFAULT-VALUE}).")
        Profile profile;

        @Option(names = "--vocab-dir", paramLabel = "DIR",
                description = "Directory with site vocabulary files that add to the built-in ones.")
        Path vocabDir;

        MarkingParser parser() throws IOException {
            Vocabulary v = vocabDir == null ? Vocabulary.defaults() : Vocabulary.load(vocabDir);
            return new MarkingParser(v, profile);
        }
    }

    /** Base of the subcommands: output streams and the error convention. */
    abstract static class Sub implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        GuardOptions options = new GuardOptions();

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public Integer call() {
            try {
                return run(options.parser());
            } catch (IOException | RuntimeException e) {
                err().println("error: " + e.getMessage());
                err().flush();
                return 2;
            }
        }

        abstract int run(MarkingParser parser) throws IOException;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Run test vectors (case_id, kind, input, expected); print each failing case and a summary."
                    + " Exit 0 only if every case passes, 1 if some fail, 2 on a usage error.")
    static final class Check extends Sub {
        @Parameters(paramLabel = "FILE.tsv", description = "Vector file in the format of vectors-public.tsv.")
        Path file;

        @Override
        int run(MarkingParser parser) throws IOException {
            if (!Files.isRegularFile(file)) {
                err().println("error: no such vector file: " + file);
                err().flush();
                return 2;
            }
            VectorSuite.Report report = new VectorSuite(parser).run(VectorSuite.read(file));
            for (VectorSuite.Outcome o : report.failures()) {
                out().println(VectorSuite.describe(o));
            }
            out().println(report.passed() + " passed, " + report.failed() + " failed");
            out().flush();
            return report.failed() == 0 ? 0 : 1;
        }
    }

    @Command(name = "normalize", mixinStandardHelpOptions = true,
            description = "Print the canonical form of a portion mark or banner line; repairs go to stderr.")
    static final class Normalize extends Sub {
        @Parameters(paramLabel = "MARKING", description = "A portion mark \"(S//NF)\" or a banner line.")
        String marking;

        @Override
        int run(MarkingParser parser) {
            ParsedMarking p = parser.parse(marking);
            for (String w : p.warnings()) {
                err().println("warning: " + w);
            }
            err().flush();
            boolean portion = marking.strip().startsWith("(");
            out().println(portion ? MarkingFormatter.portion(p.marking()) : MarkingFormatter.banner(p.marking()));
            out().flush();
            return 0;
        }
    }

    @Command(name = "rollup", mixinStandardHelpOptions = true,
            description = "Print the banner line rolled up from the given portion marks (fail closed).")
    static final class RollupCmd extends Sub {
        @Parameters(paramLabel = "PORTION", arity = "1..*", description = "Portion marks, e.g. \"(S//NF)\".")
        List<String> portions;

        @Override
        int run(MarkingParser parser) {
            Marking banner = Rollup.ofPortionMarks(portions, parser);
            out().println(MarkingFormatter.banner(banner));
            out().flush();
            return 0;
        }
    }

    @Command(name = "access", mixinStandardHelpOptions = true,
            description = "Print ALLOW or DENY: reason for a portion mark and a clearance.")
    static final class Access extends Sub {
        @Parameters(paramLabel = "PORTION", description = "A portion mark, e.g. \"(S//REL TO USA, GBR)\".")
        String portion;

        @Option(names = "--clearance", required = true, paramLabel = "SPEC",
                description = "level=S;sci=SI,TK;country=USA[;sap=..;aea=..;orgs=..;action=view|release;"
                        + "nato=true;orcon=true]")
        String clearance;

        @Override
        int run(MarkingParser parser) {
            Clearance c = Clearance.parse(clearance, parser.vocabulary());
            Marking m;
            try {
                m = parser.parsePortion(portion).marking();
            } catch (InvalidMarkingException e) {
                out().println("DENY: invalid marking (" + e.getMessage() + ")");
                out().flush();
                err().println("error: " + e.getMessage());
                err().flush();
                return 2;
            }
            AccessDecision d = AccessPolicy.decide(c, m);
            out().println(d);
            out().flush();
            return 0;
        }
    }
}

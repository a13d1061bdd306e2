package io.sextant.appliance.cli;

import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditRecord;
import io.sextant.appliance.audit.ChainStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sextant audit verify|tail}: check the audit log's hash chain, or read its end. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Read and verify the tamper-evident audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Tail.class})
final class AuditCommand implements Runnable {

    @ParentCommand
    SextantCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the whole hash chain; names the first broken row and exits 1 if there is one.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (ConsoleServices s = ConsoleServices.open(audit.root.dataDir())) {
                PrintWriter out = spec.commandLine().getOut();
                return switch (s.audit().verify()) {
                    case ChainStatus.Intact ok -> {
                        out.println("audit chain intact: " + ok.rows() + " rows, head " + ok.headHash());
                        out.flush();
                        yield 0;
                    }
                    case ChainStatus.Broken broken -> {
                        PrintWriter err = spec.commandLine().getErr();
                        err.println("audit chain BROKEN at row " + broken.seq() + ": " + broken.reason());
                        err.flush();
                        yield 1;
                    }
                };
            }
        }
    }

    @Command(name = "tail", mixinStandardHelpOptions = true, description = "Print the last rows of the audit log.")
    static final class Tail implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "-n", paramLabel = "N", defaultValue = "20", description = "How many rows (default 20).")
        int n;

        @Override
        public Integer call() {
            try (ConsoleServices s = ConsoleServices.open(audit.root.dataDir())) {
                PrintWriter out = spec.commandLine().getOut();
                for (AuditRecord r : s.audit().tail(n)) {
                    AuditEvent e = r.event();
                    out.printf("%6d %s %-16s %-7s actor=%s%s%s%s%s%n", r.seq(), r.at(), e.type(), e.outcome(),
                            e.actor(), opt(" subject=", e.subject()), opt(" ", e.detail()),
                            opt(" markings=", e.markings()), opt(" from=", e.remote()));
                }
                out.flush();
                return 0;
            }
        }

        private static String opt(String label, String v) {
            return v == null ? "" : label + v;
        }
    }
}

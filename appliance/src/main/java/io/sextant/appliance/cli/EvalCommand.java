package io.sextant.appliance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sextant eval}: groups the evaluation commands. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate Sextant's parts on test collections.",
        subcommands = {EvalRetrievalCommand.class, CommandLine.HelpCommand.class})
final class EvalCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

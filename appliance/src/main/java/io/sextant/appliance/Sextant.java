package io.sextant.appliance;

import io.sextant.appliance.cli.SextantCommand;
import picocli.CommandLine;

/**
 * Entry point of the {@code sextant} command. Every subcommand exits the JVM explicitly: native libraries loaded by
 * some commands (java-llama.cpp) leave non-daemon threads behind, and a console tool must not hang after its work.
 */
public final class Sextant {

    private Sextant() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int status = SextantCommand.commandLine().execute(args);
        System.exit(status);
    }
}

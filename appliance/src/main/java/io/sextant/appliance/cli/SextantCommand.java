package io.sextant.appliance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root {@code sextant} command: holds the options every subcommand shares (where state lives) and lists the
 * subcommands. Each subcommand is its own class in this package with its own {@code --help}.
 */
@Command(
        name = "sextant",
        mixinStandardHelpOptions = true,
        versionProvider = SextantCommand.Version.class,
        description = "Sextant: an air-gapped assistant appliance for intelligence analysts.",
        subcommands = {
            ServeCommand.class,
            SearchCommand.class,
            EvalCommand.class,
            UsersCommand.class,
            AuditCommand.class,
            MarkingsCommand.class,
            ModelsCommand.class,
            DraftCommand.class,
            EntitiesCommand.class,
            BatchCommand.class,
            AnalyzeCommand.class,
            IngestCommand.class,
            StatusCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SextantCommand implements Runnable {

    /** Where all state lives when nothing else is said: relative to the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Where all state lives (database, index, models, certificates). "
                    + "Default: ./data, or /var/lib/sextant when installed (SEXTANT_DATA_DIR).")
    private Path dataDir;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * The data directory chosen on the command line, else {@code SEXTANT_DATA_DIR}, else {@code ./data}.
     *
     * @return the data directory (not created here)
     */
    public Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("SEXTANT_DATA_DIR");
        return env == null || env.isBlank() ? DEFAULT_DATA_DIR : Path.of(env);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with Sextant's conventions: usage errors exit with status 2.
     *
     * @return a ready command line
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SextantCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Reads the version that Maven filtered into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = SextantCommand.class.getResourceAsStream("/io/sextant/appliance/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"sextant " + p.getProperty("version", "unknown")};
        }
    }
}

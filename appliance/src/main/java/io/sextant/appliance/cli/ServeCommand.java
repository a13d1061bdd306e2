package io.sextant.appliance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant serve}: starts the appliance server on embedded defaults. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Sextant server (HTTPS on port 8443 by default) with its state under --data-dir.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private SextantCommand root;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8443).")
    private Integer port;

    @Override
    public Integer call() {
        System.err.println("sextant serve: the server is not built yet (see the appliance issue); data dir would be "
                + root.dataDir().toAbsolutePath());
        return 3;
    }
}

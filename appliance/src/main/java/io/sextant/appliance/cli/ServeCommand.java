package io.sextant.appliance.cli;

import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.ServerLauncher;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant serve}: starts the appliance server on embedded defaults and runs until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the Sextant server (HTTPS on port 8443 by default) with its state under --data-dir.",
            "At first start it creates a self-signed certificate in <data-dir>/tls/ and, when there are no accounts,",
            "the 'admin' account, whose one-time password it prints once."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private SextantCommand root;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N",
            description = "Port to listen on (default 8443 for HTTPS, 8080 with --plain-http; 0 picks a free port).")
    private Integer port;

    @Option(names = "--plain-http",
            description = "Serve plain HTTP instead of HTTPS (only behind a TLS-terminating proxy, or for testing).")
    private boolean plainHttp;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 0 || port > 65535)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--port must be between 0 and 65535, got " + port);
        }
        DataDir dataDir = new DataDir(root.dataDir());
        ServerLauncher.Running running = ServerLauncher.start(
                ServerLauncher.Options.standard(dataDir, port, plainHttp), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "sextant-shutdown"));
        stopped.await();
        return 0;
    }
}

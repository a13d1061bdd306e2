package io.sextant.appliance.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.sextant.appliance.security.Accounts;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the appliance: opens the database (migrating it), prepares TLS, creates the first administrator when there
 * are no accounts (printing its one-time password once on the console), then starts Micronaut on Netty. HTTPS is the
 * default; plain HTTP only when asked for explicitly.
 */
public final class ServerLauncher {

    /** HTTPS port when none is given. */
    public static final int DEFAULT_HTTPS_PORT = 8443;
    /** HTTP port when none is given with {@code --plain-http}. */
    public static final int DEFAULT_HTTP_PORT = 8080;

    private ServerLauncher() {
    }

    /**
     * What to start.
     *
     * @param dataDir the data directory
     * @param port the port, null for the default, 0 for any free port
     * @param plainHttp serve plain HTTP instead of HTTPS
     * @param configFiles site configuration files, lowest priority first
     */
    public record Options(DataDir dataDir, Integer port, boolean plainHttp, List<Path> configFiles) {
        /**
         * The standard configuration files for a data directory.
         *
         * @param dataDir the data directory
         * @param port the port or null
         * @param plainHttp plain HTTP
         * @return options reading /etc/sextant/sextant.yml and the data directory's sextant.yml
         */
        public static Options standard(DataDir dataDir, Integer port, boolean plainHttp) {
            return new Options(dataDir, port, plainHttp, List.of(SiteConfigFiles.ETC,
                    dataDir.root().resolve("sextant.yml")));
        }
    }

    /**
     * A running appliance.
     *
     * @param context the application context
     * @param server the embedded server
     * @param url where it listens
     * @param database the database it opened
     */
    public record Running(ApplicationContext context, EmbeddedServer server, URI url, Database database)
            implements AutoCloseable {
        @Override
        public void close() {
            context.close();
            database.close();
        }
    }

    /**
     * @param options what to start
     * @param console where to print the URL and the first administrator's one-time password
     * @return the running appliance
     */
    public static Running start(Options options, PrintStream console) {
        DataDir dataDir = options.dataDir();
        SiteConfigFiles site = SiteConfigFiles.load(options.configFiles());
        Map<String, Object> props = new HashMap<>();
        props.put("sextant.data-dir", dataDir.root().toString());
        if (options.plainHttp()) {
            props.put("micronaut.server.ssl.enabled", false);
            props.put("micronaut.server.port", port(options.port(), DEFAULT_HTTP_PORT));
        } else {
            String path = site.get("sextant.tls.key-store.path");
            String password = site.get("sextant.tls.key-store.password");
            String type = Optional.ofNullable(site.get("sextant.tls.key-store.type")).orElse("PKCS12");
            if (path == null) {
                SelfSignedCertificate.Keystore ks = SelfSignedCertificate.ensure(dataDir);
                path = ks.path().toString();
                password = ks.password();
                type = "PKCS12";
            }
            props.put("micronaut.server.ssl.enabled", true);
            props.put("micronaut.server.ssl.build-self-signed", false);
            props.put("micronaut.server.ssl.port", port(options.port(), DEFAULT_HTTPS_PORT));
            props.put("micronaut.server.ssl.key-store.path", path.startsWith("classpath:") ? path : "file:" + path);
            props.put("micronaut.server.ssl.key-store.password", password == null ? "" : password);
            props.put("micronaut.server.ssl.key-store.type", type);
            props.putAll(io.sextant.appliance.admin.ClientCaTrust.serverProperties(
                    io.sextant.appliance.admin.ClientAuth.parse(site.get("sextant.tls.client-auth")),
                    dataDir.tls(), site.get("sextant.tls.client-ca")));
        }
        Database db = Database.open(dataDir);
        ApplicationContext ctx;
        try {
            ctx = ApplicationContext.builder()
                    .banner(false)
                    .deduceEnvironment(false)
                    .propertySources(site.propertySources())
                    .properties(props)
                    .singletons(db)
                    .start();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        try {
            Optional<String> firstPassword = ctx.getBean(Accounts.class).createFirstAdmin();
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
            URI url = URI.create(server.getScheme() + "://localhost:" + server.getPort() + "/");
            firstPassword.ifPresent(pw -> {
                console.println("sextant: first start: created the administrator account 'admin'.");
                console.println("sextant: one-time password: " + pw);
                console.println("sextant: it is shown only this once; sign in and change it now.");
            });
            console.println("sextant: listening on " + url + " (data in " + dataDir.root() + ")");
            console.flush();
            return new Running(ctx, server, url, db);
        } catch (RuntimeException e) {
            ctx.close();
            db.close();
            throw e;
        }
    }

    private static int port(Integer requested, int fallback) {
        if (requested == null) {
            return fallback;
        }
        return requested == 0 ? -1 : requested;
    }
}

package io.sextant.appliance.testing;

import io.sextant.appliance.platform.DataDir;
import io.sextant.appliance.platform.SelfSignedCertificate;
import io.sextant.appliance.platform.ServerLauncher;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real appliance for tests: {@link ServerLauncher} on a free port with a temporary data directory (real H2 file,
 * real TLS with the generated certificate). Clients trust exactly that certificate.
 */
public final class TestServer implements AutoCloseable {

    private final DataDir dataDir;
    private final ServerLauncher.Running running;
    private final String console;

    private TestServer(DataDir dataDir, ServerLauncher.Running running, String console) {
        this.dataDir = dataDir;
        this.running = running;
        this.console = console;
    }

    /**
     * @param dir the data directory
     * @param plainHttp serve plain HTTP
     * @param siteYaml content of the data directory's sextant.yml, or null
     * @return the started server
     */
    public static TestServer start(Path dir, boolean plainHttp, String siteYaml) {
        try {
            DataDir dataDir = new DataDir(dir);
            if (siteYaml != null) {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("sextant.yml"), siteYaml);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
            ServerLauncher.Running r = ServerLauncher.start(
                    new ServerLauncher.Options(dataDir, 0, plainHttp, List.of(dir.resolve("sextant.yml"))), ps);
            return new TestServer(dataDir, r, out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return what the launcher printed on its console */
    public String console() {
        return console;
    }

    /** @return the base URL */
    public URI url() {
        return running.url();
    }

    /** @return the data directory */
    public DataDir dataDir() {
        return dataDir;
    }

    /** @return the running appliance */
    public ServerLauncher.Running running() {
        return running;
    }

    /**
     * @param type a bean type
     * @param <T> the type
     * @return the bean from the server's context
     */
    public <T> T bean(Class<T> type) {
        return running.context().getBean(type);
    }

    /** @return the first administrator's one-time password as printed on the console */
    public String firstAdminPassword() {
        var m = java.util.regex.Pattern.compile("one-time password: (\\S+)").matcher(console);
        if (!m.find()) {
            throw new IllegalStateException("no one-time password on the console: " + console);
        }
        return m.group(1);
    }

    /** @return a fresh client (its own cookie jar) trusting this server's certificate */
    public WebClient client() {
        return new WebClient(url(), sslContext());
    }

    /**
     * Creates an account and completes its forced password change, returning a signed-in client.
     *
     * @param name account name
     * @param role role
     * @param clearance clearance
     * @param password the password it ends up with
     * @return a client signed in as that account
     */
    public WebClient signedInAs(String name, Role role, String clearance, String password) {
        String otp = bean(Accounts.class).create(name, role, clearance, null, "test", null).oneTimePassword();
        WebClient c = client();
        WebClient.Response r = c.login(name, otp);
        if (r.status() != 303 || !"/account/password".equals(r.header("location"))) {
            throw new IllegalStateException("first sign-in of " + name + " gave " + r.status());
        }
        String csrf = c.csrfFrom("/account/password");
        r = c.postForm("/account/password", Map.of("_csrf", csrf, "current", otp, "replacement", password,
                "confirm", password));
        if (r.status() != 303) {
            throw new IllegalStateException("password change of " + name + " gave " + r.status() + ": " + r.body());
        }
        return c;
    }

    /** @return an SSL context trusting the data directory's self-signed certificate (or the default one) */
    public SSLContext sslContext() {
        try {
            Path crt = dataDir.tls().resolve(SelfSignedCertificate.CERTIFICATE);
            if (!Files.exists(crt)) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(crt)) {
                trust.setCertificateEntry("sextant", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running.close();
    }
}

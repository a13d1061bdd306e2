package io.sextant.appliance.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant serve}: HTTPS with the generated certificate by default, plain HTTP only on request, first start. */
class ServeTest {

    @TempDir
    Path dir;

    @Test
    void servesHttpsWithTheGeneratedCertificateAndPrintsTheAdminPasswordOnlyAtFirstStart() throws Exception {
        String firstPassword;
        try (TestServer server = TestServer.start(dir, false, null)) {
            assertThat(server.url().getScheme()).isEqualTo("https");
            assertThat(server.console()).contains("listening on " + server.url());
            firstPassword = server.firstAdminPassword();
            assertThat(server.console().split("one-time password", -1)).hasSize(2);

            WebClient trusting = server.client();
            assertThat(trusting.get("/api/health").status()).isEqualTo(200);
            WebClient.Response login = trusting.login("admin", firstPassword);
            assertThat(login.status()).isEqualTo(303);
            assertThat(login.header("location")).isEqualTo("/account/password");
            assertThat(trusting.get("/", "Accept", "text/html").header("location")).isEqualTo("/account/password");

            HttpClient client = HttpClient.newBuilder().sslContext(server.sslContext()).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.url().resolve("/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            SSLSession tls = r.sslSession().orElseThrow();
            X509Certificate cert = (X509Certificate) tls.getPeerCertificates()[0];
            assertThat(cert.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList())
                    .contains("localhost", "127.0.0.1");
            assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();

            HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(server.url().resolve("/api/health"))
                    .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);

            URI plain = URI.create("http://localhost:" + server.url().getPort() + "/api/health");
            assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
        Path tls = dir.resolve("tls");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("sextant.p12.password"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("sextant.p12"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("db"))))
                .isEqualTo("rwx------");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("sextant.p12"))) {
            ks.load(in, Files.readString(tls.resolve("sextant.p12.password")).strip().toCharArray());
        }
        byte[] firstCert = ks.getCertificate("sextant").getEncoded();

        try (TestServer again = TestServer.start(dir, false, null)) {
            assertThat(again.console()).doesNotContain("one-time password").doesNotContain(firstPassword)
                    .contains("listening on https://");
            assertThat(again.client().login("admin", firstPassword).status()).isEqualTo(303);
            ks.load(Files.newInputStream(tls.resolve("sextant.p12")),
                    Files.readString(tls.resolve("sextant.p12.password")).strip().toCharArray());
            assertThat(ks.getCertificate("sextant").getEncoded()).as("certificate kept").isEqualTo(firstCert);
        }
    }

    @Test
    void servesPlainHttpOnlyWithTheFlag() {
        try (TestServer server = TestServer.start(dir, true, null)) {
            assertThat(server.url().getScheme()).isEqualTo("http");
            WebClient c = server.client();
            WebClient.Response r = c.get("/login");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Strict-Transport-Security")).isNull();
            assertThat(r.setCookies().get(0)).doesNotContain("Secure").contains("HTTPOnly");
            assertThat(Files.exists(dir.resolve("tls/sextant.p12"))).isFalse();
        }
    }

    @Test
    void siteConfigurationFilesOverrideTheEmbeddedDefaults() throws IOException {
        Path etc = dir.resolve("etc.yml");
        Files.writeString(etc, "sextant:\n  site:\n    accreditation: TOP SECRET//SI\n    name: Etc Name\n");
        Path local = dir.resolve("sextant.yml");
        Files.writeString(local, "sextant:\n  site:\n    name: Local Name\n");
        SiteConfigFiles files = SiteConfigFiles.load(List.of(etc, local, dir.resolve("absent.yml")));
        assertThat(files.get("sextant.site.name")).isEqualTo("Local Name");
        assertThat(files.get("sextant.site.accreditation")).isEqualTo("TOP SECRET//SI");
        Files.writeString(local, "- not\n- a mapping\n");
        assertThatThrownBy(() -> SiteConfigFiles.load(List.of(local)))
                .hasMessageContaining("expected a YAML mapping");
    }
}

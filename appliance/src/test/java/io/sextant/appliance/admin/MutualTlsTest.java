package io.sextant.appliance.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.platform.SelfSignedCertificate;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.testing.ConsoleRun;
import io.sextant.appliance.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutualTlsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("SEXTANT_SESSION=([^;]*)");

    @TempDir
    static Path tmp;

    private static TestServer server;
    private static TestPki.Issued ca;
    private static TestPki.Issued annCert;
    private static TestPki.Issued bossCert;
    private static TestPki.Issued strangerCert;
    private static TestPki.Issued rogueCa;
    private static TestPki.Issued rogueAnn;

    @BeforeAll
    static void start() throws IOException {
        ca = TestPki.ca("CN=Test Root CA,O=Example");
        annCert = TestPki.client(ca, "CN=Ann Analyst,OU=J2,O=Example");
        bossCert = TestPki.client(ca, "CN=Boss Admin,OU=J6,O=Example");
        strangerCert = TestPki.client(ca, "CN=Nobody Mapped,O=Example");
        rogueCa = TestPki.ca("CN=Test Root CA,O=Example");
        rogueAnn = TestPki.client(rogueCa, "CN=Ann Analyst,OU=J2,O=Example");
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("tls"));
        Files.writeString(data.resolve("tls").resolve(ClientCaTrust.DEFAULT_BUNDLE), TestPki.pem(ca.cert()));
        server = TestServer.start(data, false, "sextant:\n  tls:\n    client-auth: want\n");
        Accounts accounts = server.bean(Accounts.class);
        accounts.create("ann", Role.ANALYST, "level=S;country=USA", null, "test", null);
        accounts.create("boss", Role.ADMIN, "level=TS;country=USA", null, "test", null);
        // the console command, with the subject spelled differently from the certificate (case, spaces)
        ConsoleRun set = ConsoleRun.run(data, "users", "set-certificate", "ann", "--subject",
                "cn=Ann Analyst, ou=J2, o=Example");
        assertThat(set.status()).as(set.err()).isZero();
        assertThat(set.out()).contains("ann: client certificate subject cn=ann analyst,ou=j2,o=example");
        server.bean(CertificateAccounts.class).set(accounts.byName("boss").orElseThrow(),
                "CN=Boss Admin,OU=J6,O=Example", "test", null);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpClient client(TestPki.Issued cert, TestPki.Issued issuer) {
        SSLContext ctx = TestPki.context(server.dataDir().tls().resolve(SelfSignedCertificate.CERTIFICATE), cert,
                issuer);
        return HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(20)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(server.url().resolve(path)).GET();
    }

    @Test
    void anApiCallWithAMappedCertificateIsThatAccount() throws Exception {
        HttpResponse<String> me = send(client(annCert, ca), get("/api/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"ann\"");
        assertThat(send(client(annCert, ca), get("/api/admin/status")).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutACertificateOrWithAnUnmappedOneTheApiStillNeedsCredentials() throws Exception {
        assertThat(send(client(null, null), get("/api/me")).statusCode()).isEqualTo(401);
        assertThat(send(client(strangerCert, ca), get("/api/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void aCertificateFromAnotherCaWithTheSameSubjectFailsTheHandshake() {
        assertThatThrownBy(() -> send(client(rogueAnn, rogueCa), get("/api/me"))).isInstanceOf(IOException.class);
    }

    @Test
    void aStateChangingCallOnTheCertificateAloneMustSendXRequestedWith() throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(server.url().resolve("/api/admin/models/default"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        HttpResponse<String> bare = send(client(bossCert, ca), post);
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(bare.body()).contains("X-Requested-With");
        HttpResponse<String> marked = send(client(bossCert, ca), post.header("X-Requested-With", "sextant-cli"));
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(400);
        assertThat(marked.body()).contains("name the model");
    }

    @Test
    void theSignInPageOffersCertificateSignInWhichStartsASession() throws Exception {
        HttpClient http = client(annCert, ca);
        HttpResponse<String> login = send(http, get("/login").header("Accept", "text/html"));
        assertThat(login.body()).contains("id=\"sign-in-certificate\"").contains("Sign in with certificate");
        String anon = cookie(login);
        Matcher m = CSRF.matcher(login.body());
        assertThat(m.find()).isTrue();
        HttpRequest.Builder post = HttpRequest.newBuilder(server.url().resolve("/login/certificate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "SEXTANT_SESSION=" + anon)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + m.group(1) + "&acknowledge=yes"));
        HttpResponse<String> signedIn = send(http, post);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String session = cookie(signedIn);
        assertThat(session).isNotBlank().isNotEqualTo(anon);
        // a new account must still set a password first; the page is served to the signed-in account
        assertThat(signedIn.headers().firstValue("location")).hasValue("/account/password");
        HttpResponse<String> page = send(client(null, null), get("/account/password").header("Accept", "text/html")
                .header("Cookie", "SEXTANT_SESSION=" + session));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(server.bean(AuditLog.class).tail(20)).anySatisfy(r -> {
            assertThat(r.event().type()).isEqualTo(AuditEventType.LOGIN);
            assertThat(r.event().actor()).isEqualTo("ann");
            assertThat(r.event().detail()).isEqualTo("method=certificate");
        });

        // an unmapped certificate is refused and audited
        HttpClient stranger = client(strangerCert, ca);
        HttpResponse<String> l2 = send(stranger, get("/login").header("Accept", "text/html"));
        Matcher m2 = CSRF.matcher(l2.body());
        assertThat(m2.find()).isTrue();
        HttpResponse<String> refused = send(stranger, HttpRequest.newBuilder(server.url().resolve("/login/certificate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "SEXTANT_SESSION=" + cookie(l2))
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + m2.group(1) + "&acknowledge=yes")));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(cookieOrNull(refused)).isNull();
        assertThat(server.bean(AuditLog.class).tail(20)).anySatisfy(r -> {
            assertThat(r.event().type()).isEqualTo(AuditEventType.LOGIN);
            assertThat(r.event().detail()).isEqualTo("method=certificate;reason=unmapped");
        });
    }

    @Test
    void browserScriptsAfterCertificateSignInKeepTheirSessionAndItsCsrfCheck() throws Exception {
        String otp = server.bean(Accounts.class).create("dora", Role.ADMIN, "level=S;country=USA", null, "test", null)
                .oneTimePassword();
        TestPki.Issued dora = TestPki.client(ca, "CN=Dora,O=Example");
        server.bean(CertificateAccounts.class).set(server.bean(Accounts.class).byName("dora").orElseThrow(),
                "CN=Dora,O=Example", "test", null);
        HttpClient http = client(dora, ca);
        HttpResponse<String> login = send(http, get("/login").header("Accept", "text/html"));
        Matcher m = CSRF.matcher(login.body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> signedIn = send(http, form("/login/certificate", cookie(login),
                "_csrf=" + m.group(1) + "&acknowledge=yes"));
        String session = cookie(signedIn);
        HttpResponse<String> pw = send(http, get("/account/password").header("Accept", "text/html")
                .header("Cookie", "SEXTANT_SESSION=" + session));
        Matcher pm = CSRF.matcher(pw.body());
        assertThat(pm.find()).isTrue();
        String csrf = pm.group(1);
        String fresh = "a long enough passphrase 42";
        HttpResponse<String> changed = send(http, form("/account/password", session, "_csrf=" + csrf + "&current="
                + java.net.URLEncoder.encode(otp, java.nio.charset.StandardCharsets.UTF_8) + "&replacement="
                + fresh.replace(' ', '+') + "&confirm=" + fresh.replace(' ', '+')));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
        session = cookie(changed);
        Matcher fm = CSRF.matcher(send(http, get("/account/password").header("Accept", "text/html")
                .header("Cookie", "SEXTANT_SESSION=" + session)).body());
        assertThat(fm.find()).isTrue();
        csrf = fm.group(1);
        HttpRequest.Builder post = HttpRequest.newBuilder(server.url().resolve("/api/admin/models/default"))
                .header("Content-Type", "application/json").header("Cookie", "SEXTANT_SESSION=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(send(http, post).statusCode()).as("no CSRF header").isEqualTo(403);
        HttpResponse<String> withToken = send(http, post.header("X-CSRF-Token", csrf));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(400);
    }

    private static HttpRequest.Builder form(String path, String session, String body) {
        return HttpRequest.newBuilder(server.url().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "SEXTANT_SESSION=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void aLockedAccountsCertificateIsRefused() throws Exception {
        Accounts accounts = server.bean(Accounts.class);
        accounts.create("carl", Role.ANALYST, "level=S;country=USA", null, "test", null);
        TestPki.Issued carl = TestPki.client(ca, "CN=Carl,O=Example");
        server.bean(CertificateAccounts.class).set(accounts.byName("carl").orElseThrow(), "CN=Carl,O=Example",
                "test", null);
        assertThat(send(client(carl, ca), get("/api/me")).statusCode()).isEqualTo(200);
        accounts.setLocked("carl", true, "test", null);
        assertThat(send(client(carl, ca), get("/api/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void needRefusesTheHandshakeWithoutACertificateAndAMissingBundleStopsTheStart() throws Exception {
        Path data = tmp.resolve("need");
        Files.createDirectories(data.resolve("tls"));
        assertThatThrownBy(() -> TestServer.start(data, false, "sextant:\n  tls:\n    client-auth: need\n"))
                .hasMessageContaining("client CA bundle").hasMessageContaining("does not exist");
        Path bundle = Files.writeString(tmp.resolve("site-ca.pem"), TestPki.pem(ca.cert()));
        try (TestServer need = TestServer.start(data, false,
                "sextant:\n  tls:\n    client-auth: need\n    client-ca: " + bundle + "\n")) {
            Path crt = need.dataDir().tls().resolve(SelfSignedCertificate.CERTIFICATE);
            HttpClient without = HttpClient.newBuilder().sslContext(TestPki.context(crt, null, null))
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
            assertThatThrownBy(() -> without.send(HttpRequest.newBuilder(need.url().resolve("/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            HttpClient with = HttpClient.newBuilder().sslContext(TestPki.context(crt, strangerCert, ca))
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
            assertThat(with.send(HttpRequest.newBuilder(need.url().resolve("/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    private static String cookie(HttpResponse<?> r) {
        String c = cookieOrNull(r);
        assertThat(c).as("session cookie in " + r.headers().allValues("set-cookie")).isNotNull();
        return c;
    }

    private static String cookieOrNull(HttpResponse<?> r) {
        List<String> all = r.headers().allValues("set-cookie");
        for (String s : all) {
            Matcher m = COOKIE.matcher(s);
            if (m.find() && !m.group(1).isEmpty()) {
                return m.group(1);
            }
        }
        return null;
    }
}

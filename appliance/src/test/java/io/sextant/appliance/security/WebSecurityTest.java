package io.sextant.appliance.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.AuditRecord;
import io.sextant.appliance.audit.ChainStatus;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.testing.TestServer;
import io.sextant.appliance.testing.WebClient;
import io.sextant.appliance.testing.WebClient.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The authentication and request defences of a real appliance over HTTPS with a real H2 file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebSecurityTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;

    TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(dir, false, """
                sextant:
                  site:
                    accreditation: SECRET
                    notice: "TEST NOTICE: this system is monitored."
                  security:
                    lockout-max-failures: 3
                    lockout-duration: 10m
                    login-attempts-per-minute: 60
                """);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void healthAnswersWithoutAuthenticationAndSaysOnlyTheStatus() {
        Response r = server.client().get("/api/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void everythingElseIsDeniedWithoutAuthentication() {
        WebClient c = server.client();
        assertThat(c.get("/api/me").status()).isEqualTo(401);
        assertThat(c.get("/api/me").header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(c.get("/api/anything-not-routed").status()).isEqualTo(401);
        for (String page : List.of("/", "/admin/users", "/account/password", "/no-such-page")) {
            Response r = c.get(page, "Accept", "text/html");
            assertThat(r.status()).as(page).isEqualTo(303);
            assertThat(r.header("location")).as(page).isEqualTo("/login");
        }
        assertThat(c.postForm("/admin/users", Map.of("username", "x")).status()).isEqualTo(401);
        assertThat(c.get("/static/sextant.css").status()).isEqualTo(200);
    }

    @Test
    void theSignInPageShowsNoticeAccreditationAndAnUnclassifiedBanner() {
        Response r = server.client().get("/login", "Accept", "text/html");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("TEST NOTICE: this system is monitored.")
                .contains("id=\"accreditation\" class=\"level banner-s\">SECRET<")
                .contains("id=\"banner-top\" role=\"note\">UNCLASSIFIED<")
                .contains("id=\"banner-bottom\" role=\"note\">UNCLASSIFIED<");
        String cookie = r.setCookies().get(0);
        assertThat(cookie).startsWith(Sessions.COOKIE + "=").contains("HTTPOnly").contains("Secure")
                .contains("SameSite=Strict");
    }

    @Test
    void signInWorksAndTheHomePageShowsBannerAndClearance() {
        WebClient c = server.signedInAs("ana", Role.ANALYST, "level=TS;sci=TK,SI;country=usa", PASSWORD);
        Response home = c.get("/", "Accept", "text/html");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"user-name\">ana<")
                .contains("id=\"user-clearance\" class=\"clearance\">level=TS;sci=SI,TK;country=USA<")
                .contains("id=\"banner-top\" role=\"note\">UNCLASSIFIED<");
        c.cookies().clear();
        Response again = c.login("ana", PASSWORD);
        assertThat(again.status()).isEqualTo(303);
        assertThat(again.header("location")).isEqualTo("/");
        assertThat(c.get("/api/me").body()).contains("\"name\":\"ana\"");
    }

    @Test
    void signInRotatesTheSessionId() {
        server.signedInAs("rot", Role.ANALYST, "level=S;country=USA", PASSWORD);
        WebClient c = server.client();
        c.csrfFrom("/login");
        String anonymous = c.cookies().get(Sessions.COOKIE);
        assertThat(c.login("rot", PASSWORD).status()).isEqualTo(303);
        assertThat(c.cookies().get(Sessions.COOKIE)).isNotBlank().isNotEqualTo(anonymous);
    }

    @Test
    void aWrongPasswordFailsWithAGenericMessageAndIsAudited() {
        server.signedInAs("bob", Role.ANALYST, "level=S;country=USA", PASSWORD);
        WebClient c = server.client();
        Response r = c.login("bob", "wrong password!");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("Sign-in failed").doesNotContain("wrong password!");
        assertThat(c.get("/", "Accept", "text/html").status()).isEqualTo(303);
        Response unknown = c.login("nobody", "whatever password");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).contains("Sign-in failed");
        List<AuditRecord> tail = server.bean(AuditLog.class).tail(50);
        assertThat(tail).anyMatch(a -> a.event().type() == AuditEventType.LOGIN
                && a.event().outcome() == Outcome.FAILED && a.event().actor().equals("bob"));
        assertThat(tail).allMatch(a -> a.event().detail() == null || !a.event().detail().contains("wrong"));
    }

    @Test
    void signInRequiresTheNoticeToBeAcknowledged() {
        server.signedInAs("ack", Role.ANALYST, "level=U;country=USA", PASSWORD);
        WebClient c = server.client();
        String csrf = c.csrfFrom("/login");
        Response r = c.postForm("/login", Map.of("_csrf", csrf, "username", "ack", "password", PASSWORD));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("acknowledge the notice");
        assertThat(c.get("/", "Accept", "text/html").status()).isEqualTo(303);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPasswordUntilUnlocked() {
        server.signedInAs("carol", Role.ANALYST, "level=S;country=USA", PASSWORD);
        WebClient c = server.client();
        for (int i = 0; i < 3; i++) {
            assertThat(c.login("carol", "not the password " + i).status()).isEqualTo(401);
        }
        assertThat(c.login("carol", PASSWORD).status()).as("locked out").isEqualTo(401);
        assertThat(server.bean(Accounts.class).byName("carol").orElseThrow().lockedUntil()).isNotNull();
        server.bean(Accounts.class).setLocked("carol", false, "test", null);
        assertThat(c.login("carol", PASSWORD).status()).isEqualTo(303);
        assertThat(server.bean(AuditLog.class).tail(20)).anyMatch(a ->
                a.event().type() == AuditEventType.ACCOUNT_LOCKED && "carol".equals(a.event().subject()));
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRejected() {
        WebClient anon = server.client();
        anon.csrfFrom("/login");
        Response noToken = anon.postForm("/login",
                Map.of("username", "x", "password", "y", "acknowledge", "yes"));
        assertThat(noToken.status()).isEqualTo(403);

        String adminPw = "admin password 123";
        WebClient admin = server.signedInAs("root2", Role.ADMIN, "level=TS;country=USA", adminPw);
        Response forged = admin.postForm("/admin/users",
                Map.of("_csrf", "forged", "username", "evil", "role", "admin", "clearance", "level=TS;country=USA"));
        assertThat(forged.status()).isEqualTo(403);
        Response missing = admin.postForm("/admin/users",
                Map.of("username", "evil", "role", "admin", "clearance", "level=TS;country=USA"));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(server.bean(Accounts.class).byName("evil")).isEmpty();

        WebClient other = server.client();
        String otherToken = other.csrfFrom("/login");
        Response crossSession = admin.postForm("/admin/users",
                Map.of("_csrf", otherToken, "username", "evil", "role", "admin", "clearance", "level=TS;country=USA"));
        assertThat(crossSession.status()).isEqualTo(403);

        String good = admin.csrfFrom("/admin/users");
        Response ok = admin.postForm("/admin/users",
                Map.of("_csrf", good, "username", "dave", "role", "analyst", "clearance", "level=C;country=GBR"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("id=\"one-time-password\"");
        assertThat(server.bean(Accounts.class).byName("dave").orElseThrow().clearance())
                .isEqualTo("level=C;country=GBR");
    }

    @Test
    void aPageFormLargerThanFourMegabytesIsRefusedBeforeAnythingBuffersIt() {
        WebClient anon = server.client();
        String token = anon.csrfFrom("/login");
        Response huge = anon.postForm("/login", Map.of("_csrf", token, "username", "x", "password", "y".repeat(5_000_000),
                "acknowledge", "yes"));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).doesNotContain("yyyy");
        assertThat(server.client().get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void scriptsCallingTheApiWithTheCookieMustSendTheCsrfHeader() {
        WebClient analyst = server.signedInAs("scripter", Role.ANALYST, "level=S;country=USA", PASSWORD);
        String token = analyst.csrfFrom("/");
        assertThat(analyst.get("/", "Accept", "text/html").body())
                .contains("<meta name=\"csrf-token\" content=\"" + token + "\">");
        Response bare = analyst.postForm("/api/no-such-endpoint", Map.of("a", "b"));
        assertThat(bare.status()).isEqualTo(403);
        assertThat(bare.body()).contains("CSRF");
        Response forged = analyst.postForm("/api/no-such-endpoint", Map.of("a", "b"), "X-CSRF-Token", "forged");
        assertThat(forged.status()).isEqualTo(403);
        Response withHeader = analyst.postForm("/api/no-such-endpoint", Map.of("a", "b"), "X-CSRF-Token", token);
        assertThat(withHeader.status()).isEqualTo(404);
        Response v1 = analyst.postForm("/v1/chat/completions", Map.of("a", "b"));
        assertThat(v1.status()).isEqualTo(403);
    }

    @Test
    void aFormBodyArrivingAfterTheHeadersIsCheckedLikeAnyOther() throws Exception {
        server.signedInAs("slow", Role.ANALYST, "level=S;country=USA", PASSWORD);
        for (boolean valid : new boolean[] {true, false}) {
            WebClient c = server.client();
            String csrf = c.csrfFrom("/login");
            String body = "_csrf=" + (valid ? csrf : "forged") + "&username=slow&password="
                    + PASSWORD.replace(' ', '+') + "&acknowledge=yes";
            String status;
            try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) server.sslContext().getSocketFactory()
                    .createSocket("localhost", server.url().getPort())) {
                socket.setSoTimeout(30_000);
                var out = socket.getOutputStream();
                out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                        + "Cookie: " + Sessions.COOKIE + "=" + c.cookies().get(Sessions.COOKIE) + "\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
                out.write(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            }
            assertThat(status).as("valid token: " + valid).startsWith(valid ? "HTTP/1.1 303" : "HTTP/1.1 403");
        }
    }

    @Test
    void securityHeadersAreOnEveryResponse() {
        WebClient c = server.client();
        for (Response r : List.of(c.get("/api/health"), c.get("/login"), c.get("/"), c.get("/api/me"),
                c.get("/static/sextant.css"), c.get("/static/missing.css"))) {
            assertThat(r.header("Content-Security-Policy")).as("status " + r.status())
                    .contains("default-src 'self'").contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("Strict-Transport-Security")).startsWith("max-age=");
        }
    }

    @Test
    void errorsCarryNoStackTraceOrExceptionText() {
        WebClient admin = server.signedInAs("root3", Role.ADMIN, "level=TS;country=USA", "admin password 456");
        Response r = admin.get("/api/no-such-thing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("Not Found").doesNotContain("Exception").doesNotContain("at io.");
        Response page = admin.get("/no-such-page", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("404").contains("banner-top").doesNotContain("Exception");
    }

    @Test
    void analystsCannotReachAdministration() {
        WebClient c = server.signedInAs("eve", Role.ANALYST, "level=TS;country=USA", PASSWORD);
        assertThat(c.get("/admin/users", "Accept", "text/html").status()).isEqualTo(403);
        String csrf = c.csrfFrom("/account/password");
        assertThat(c.postForm("/admin/users/eve/clearance", Map.of("_csrf", csrf, "clearance", "level=TS;sci=SI;country=USA"))
                .status()).isEqualTo(403);
        assertThat(server.bean(Accounts.class).byName("eve").orElseThrow().clearance()).isEqualTo("level=TS;country=USA");
        assertThat(server.bean(AuditLog.class).tail(10)).anyMatch(a ->
                a.event().type() == AuditEventType.ACCESS_DENIED && a.event().actor().equals("eve"));
    }

    @Test
    void bearerTokensAuthenticateTheApiUntilRevoked() {
        Accounts accounts = server.bean(Accounts.class);
        accounts.create("batch", Role.ANALYST, "level=S;country=USA", null, "test", null);
        ApiTokens tokens = server.bean(ApiTokens.class);
        ApiTokens.Issued t = tokens.issue(accounts.byName("batch").orElseThrow(), "test");
        WebClient c = server.client();
        Response me = c.get("/api/me", "Authorization", "Bearer " + t.token());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"batch\"").contains("level=S;country=USA");
        assertThat(c.get("/api/me", "Authorization", "Bearer " + t.token() + "x").status()).isEqualTo(401);
        assertThat(c.get("/api/me", "Authorization", "Basic YmF0Y2g6eA==").status()).isEqualTo(401);
        assertThat(tokens.revoke(t.id(), accounts, "test")).isEqualTo(1);
        assertThat(c.get("/api/me", "Authorization", "Bearer " + t.token()).status()).isEqualTo(401);
    }

    @Test
    void theConsoleCommandsWorkOnTheDatabaseOfTheRunningServer() throws Exception {
        io.sextant.appliance.testing.ConsoleRun add = io.sextant.appliance.testing.ConsoleRun.run(dir, "users", "add",
                "cliuser", "--role", "analyst", "--clearance", "level=C;country=CAN");
        assertThat(add.status()).as(add.err()).isZero();
        io.sextant.appliance.testing.ConsoleRun token = io.sextant.appliance.testing.ConsoleRun.inNewJvm(dir,
                "users", "token", "cliuser");
        assertThat(token.status()).as(token.err()).isZero();
        String bearer = token.out().lines().filter(l -> l.startsWith("sxt_")).findFirst().orElseThrow();
        Response me = server.client().get("/api/me", "Authorization", "Bearer " + bearer);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"cliuser\"").contains("level=C;country=CAN");
        assertThat(io.sextant.appliance.testing.ConsoleRun.run(dir, "users", "lock", "cliuser").status()).isZero();
        assertThat(server.client().get("/api/me", "Authorization", "Bearer " + bearer).status()).isEqualTo(401);
        io.sextant.appliance.testing.ConsoleRun verify = io.sextant.appliance.testing.ConsoleRun.run(dir, "audit",
                "verify");
        assertThat(verify.status()).as(verify.err()).isZero();
    }

    @Test
    void aLockedAccountLosesItsSessionAtOnce() {
        WebClient c = server.signedInAs("frank", Role.ANALYST, "level=S;country=USA", PASSWORD);
        assertThat(c.get("/api/me").status()).isEqualTo(200);
        server.bean(Accounts.class).setLocked("frank", true, "test", null);
        assertThat(c.get("/api/me").status()).isEqualTo(401);
        assertThat(c.login("frank", PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession() {
        WebClient c = server.signedInAs("gina", Role.ANALYST, "level=S;country=USA", PASSWORD);
        String csrf = c.csrfFrom("/");
        String session = c.cookies().get(Sessions.COOKIE);
        Response r = c.postForm("/logout", Map.of("_csrf", csrf));
        assertThat(r.status()).isEqualTo(303);
        c.cookies().put(Sessions.COOKIE, session);
        assertThat(c.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void theAuditChainOfAllThisIsIntact() {
        assertThat(server.bean(AuditLog.class).verify()).isInstanceOf(ChainStatus.Intact.class);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void signInIsRateLimitedPerClientAddress() {
        WebClient c = server.client();
        int limited = 0;
        for (int i = 0; i < 70 && limited == 0; i++) {
            // Without the acknowledgement an attempt is refused before any password hashing: fast, yet counted.
            Response r = c.postForm("/login", Map.of("_csrf", c.csrfFrom("/login"), "username", "nobody",
                    "password", "x"));
            if (r.status() == 429) {
                limited = i;
                assertThat(r.header("Retry-After")).isEqualTo("60");
            }
        }
        assertThat(limited).as("attempt that was refused").isPositive().isLessThanOrEqualTo(60);
    }
}

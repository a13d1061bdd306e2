package io.sextant.appliance.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.security.Account;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.LoginRateLimiter;
import io.sextant.appliance.security.Sessions;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;

/**
 * "Sign in with certificate": after the notice is acknowledged, the client certificate of the TLS session (checked
 * against the site's CA bundle by the handshake) is mapped to its account and a normal cookie session begins. Offered
 * on the sign-in page when {@code sextant.tls.client-auth} is want or need. Every attempt is audited as LOGIN.
 */
@Controller("/login/certificate")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CertificateLoginController {

    /** The request attribute {@code AuthFilter} stores the cookie's session under. */
    private static final String SESSION_ATTRIBUTE = "sextant.session";

    private final CertificateAccounts certificates;
    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginRateLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;

    CertificateLoginController(CertificateAccounts certificates, Accounts accounts, Sessions sessions,
                               LoginRateLimiter limiter, AuditLog audit, Clock clock) {
        this.certificates = certificates;
        this.accounts = accounts;
        this.sessions = sessions;
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param acknowledge present when the notice was acknowledged */
    @Serdeable
    record Form(@Nullable String acknowledge) {
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body Form form) {
        String remote = AdminPagesController.remote(request);
        Optional<Sessions.Session> anonymous = request.getAttribute(SESSION_ATTRIBUTE, Sessions.Session.class)
                .filter(s -> s.accountId().isEmpty());
        if (anonymous.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/login"));
        }
        if (!limiter.tryAcquire(remote)) {
            audit.append(new AuditEvent(AuditEventType.LOGIN, Outcome.DENIED, "(rate-limited)", null,
                    "method=certificate;reason=rate-limit", null, remote));
            throw new HttpStatusException(HttpStatus.TOO_MANY_REQUESTS, "rate limited");
        }
        if (form == null || form.acknowledge() == null) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "the notice must be acknowledged");
        }
        Optional<Certificate> cert = request.getCertificate();
        String subject = cert.filter(X509Certificate.class::isInstance)
                .map(c -> ((X509Certificate) c).getSubjectX500Principal().getName()).orElse(null);
        Optional<Account> account = cert.flatMap(certificates::accountFor).flatMap(accounts::byId);
        if (account.isEmpty() || account.get().isLockedAt(clock.instant())) {
            String reason = cert.isEmpty() ? "no-certificate" : account.isEmpty() ? "unmapped" : "locked";
            audit.append(new AuditEvent(AuditEventType.LOGIN, Outcome.FAILED,
                    account.map(Account::username).orElse("(certificate)"), subject,
                    "method=certificate;reason=" + reason, null, remote));
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "certificate sign-in refused");
        }
        sessions.invalidate(anonymous.get().id());
        Sessions.Session session = sessions.signedIn(account.get().id());
        audit.append(new AuditEvent(AuditEventType.LOGIN, Outcome.OK, account.get().username(), subject,
                "method=certificate", null, remote));
        String next = account.get().mustChangePassword() ? "/account/password" : "/";
        return HttpResponse.seeOther(URI.create(next)).cookie(Cookie.of(Sessions.COOKIE, session.id())
                .httpOnly(true).secure(request.isSecure()).sameSite(SameSite.Strict).path("/"));
    }
}

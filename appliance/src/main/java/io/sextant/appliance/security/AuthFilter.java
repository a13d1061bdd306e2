package io.sextant.appliance.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.admin.CertificateAccounts;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.security.Sessions.Session;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Deny by default: resolves who is calling (a bearer token, else — for the API — a mapped client certificate, else
 * the session cookie) and refuses every request that
 * is not on {@link PublicRoutes} without a principal — 401 for the API, a redirect to the sign-in page for the UI.
 * The account is re-read on every request so locks, role and clearance changes apply immediately.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class AuthFilter implements Ordered {

    /** Request attribute holding the {@link Principal}. */
    static final String PRINCIPAL = "sextant.principal";
    /** Request attribute holding the cookie's {@link Session}, anonymous or not. */
    static final String SESSION = "sextant.session";

    private final ApiTokens tokens;
    private final Sessions sessions;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final CertificateAccounts certificates;

    AuthFilter(ApiTokens tokens, Sessions sessions, Accounts accounts, AuditLog audit, Clock clock,
               CertificateAccounts certificates) {
        this.certificates = certificates;
        this.tokens = tokens;
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        boolean api = PublicRoutes.isApi(path);
        Principal principal = null;
        Optional<String> authorization = request.getHeaders().getAuthorization();
        if (authorization.isPresent()) {
            String value = authorization.get();
            Optional<Account> account = value.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? tokens.accountFor(value.substring(7).strip()).flatMap(accounts::byId)
                    : Optional.empty();
            if (account.isEmpty() || account.get().locked()) {
                return unauthorized(request, api);
            }
            principal = new Principal(account.get(), null);
        } else {
            Optional<Session> session = request.getCookies().findCookie(Sessions.COOKIE)
                    .map(Cookie::getValue).flatMap(sessions::find);
            boolean signedIn = session.isPresent() && session.get().accountId().isPresent();
            // Mutual TLS: an API call with a client certificate mapped to an account, unless a signed-in session
            // cookie came too (browser scripts on pages opened by "Sign in with certificate" keep their session and
            // its CSRF check). A certificate never opens a page by itself, so the notice is always acknowledged.
            Optional<Long> byCertificate = api && !signedIn
                    ? request.getCertificate().flatMap(certificates::accountFor) : Optional.empty();
            if (byCertificate.isPresent()) {
                Optional<Account> account = accounts.byId(byCertificate.get());
                if (account.isEmpty() || account.get().isLockedAt(clock.instant())) {
                    return unauthorized(request, api);
                }
                // Browsers send certificates on cross-site requests too: a state-changing call authenticated only
                // by one must carry X-Requested-With, which a cross-site form cannot set without a CORS preflight.
                if (!CsrfFilter.SAFE.contains(request.getMethod())
                        && request.getHeaders().get("X-Requested-With") == null) {
                    return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                            .body(Map.of("error", "certificate calls that change state must send X-Requested-With"));
                }
                principal = new Principal(account.get(), null);
            } else if (session.isPresent()) {
                request.setAttribute(SESSION, session.get());
                Optional<Long> id = session.get().accountId();
                if (id.isPresent()) {
                    Optional<Account> account = accounts.byId(id.get());
                    if (account.isPresent() && !account.get().isLockedAt(clock.instant())) {
                        principal = new Principal(account.get(), session.get());
                    } else {
                        sessions.invalidate(session.get().id());
                    }
                }
            }
        }
        if (principal != null) {
            request.setAttribute(PRINCIPAL, principal);
        }
        if (PublicRoutes.isPublic(request.getMethod(), path)) {
            return null;
        }
        if (principal == null) {
            return unauthorized(request, api);
        }
        if (!principal.viaToken() && principal.account().mustChangePassword()
                && !PublicRoutes.allowedBeforePasswordChange(path)) {
            return api ? HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("error", "password change required"))
                    : HttpResponse.seeOther(URI.create("/account/password"));
        }
        if (PublicRoutes.isAdmin(path) && principal.account().role() != Role.ADMIN) {
            audit.append(new AuditEvent(AuditEventType.ACCESS_DENIED, Outcome.DENIED, principal.name(), null,
                    "path=" + path + ";reason=role", null, remote(request)));
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("error", "forbidden"));
        }
        return null;
    }

    private static HttpResponse<?> unauthorized(HttpRequest<?> request, boolean api) {
        // Only a page navigation is sent to the sign-in form; a sub-resource (favicon, script) that followed the
        // redirect would mint a second anonymous session and invalidate the form's CSRF token.
        boolean navigation = request.getMethod() == io.micronaut.http.HttpMethod.GET && request.getHeaders().accept()
                .stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
        if (api || !navigation) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("error", "authentication required"));
        }
        return HttpResponse.seeOther(URI.create("/login"));
    }

    static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}

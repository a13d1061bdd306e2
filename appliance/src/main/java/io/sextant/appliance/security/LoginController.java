package io.sextant.appliance.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Sessions.Session;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in and sign-out of the web UI. The sign-in page shows the site's notice and consent, which must be
 * acknowledged, and the level the system is accredited for; its banner is UNCLASSIFIED because it shows no content.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class LoginController {

    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginRateLimiter limiter;
    private final AuditLog audit;
    private final SiteConfig site;

    private final boolean certificateLogin;

    LoginController(Accounts accounts, Sessions sessions, LoginRateLimiter limiter, AuditLog audit, SiteConfig site,
                    @io.micronaut.context.annotation.Value("${sextant.tls.client-auth:none}") String clientAuth) {
        this.certificateLogin = io.sextant.appliance.admin.ClientAuth.parse(clientAuth)
                != io.sextant.appliance.admin.ClientAuth.NONE;
        this.accounts = accounts;
        this.sessions = sessions;
        this.limiter = limiter;
        this.audit = audit;
        this.site = site;
    }

    /**
     * The sign-in form fields.
     *
     * @param username the name
     * @param password the password
     * @param acknowledge present when the notice checkbox was ticked
     */
    @Serdeable
    record LoginForm(@Nullable String username, @Nullable String password, @Nullable String acknowledge) {
    }

    @Get("/login")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> form(HttpRequest<?> request) {
        if (request.getAttribute(AuthFilter.PRINCIPAL).isPresent()) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        Optional<Session> existing = request.getAttribute(AuthFilter.SESSION, Session.class)
                .filter(s -> s.accountId().isEmpty());
        Session session = existing.orElseGet(sessions::anonymous);
        MutableHttpResponse<?> response = page(session, null, HttpStatus.OK);
        return existing.isPresent() ? response : response.cookie(cookie(request, session.id()));
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body LoginForm form) {
        Session anonymous = request.getAttribute(AuthFilter.SESSION, Session.class).orElseThrow();
        String remote = AuthFilter.remote(request);
        if (!limiter.tryAcquire(remote)) {
            audit.append(new AuditEvent(AuditEventType.LOGIN, Outcome.DENIED, "(rate-limited)", null,
                    "reason=rate-limit", null, remote));
            return page(anonymous, "login.rateLimited", HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60");
        }
        if (form.acknowledge() == null) {
            return page(anonymous, "login.mustAcknowledge", HttpStatus.BAD_REQUEST);
        }
        char[] password = form.password() == null ? new char[0] : form.password().toCharArray();
        String name = form.username() == null ? null : form.username().strip();
        Accounts.SignIn result = accounts.signIn(name, password, remote);
        return switch (result) {
            case Accounts.SignIn.Refused r -> page(anonymous, "login.failed", HttpStatus.UNAUTHORIZED);
            case Accounts.SignIn.Ok ok -> {
                sessions.invalidate(anonymous.id());
                Session session = sessions.signedIn(ok.account().id());
                String next = ok.account().mustChangePassword() ? "/account/password" : "/";
                yield HttpResponse.seeOther(URI.create(next)).cookie(cookie(request, session.id()));
            }
        };
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(HttpRequest<?> request, Principal principal) {
        if (principal.session() != null) {
            sessions.invalidate(principal.session().id());
        }
        audit.append(new AuditEvent(AuditEventType.LOGOUT, Outcome.OK, principal.name(), null, null, null,
                AuthFilter.remote(request)));
        return HttpResponse.seeOther(URI.create("/login")).cookie(cookie(request, "").maxAge(0));
    }

    private MutableHttpResponse<?> page(Session session, String errorKey, HttpStatus status) {
        Map<String, Object> model = PageModel.of(null, session, site, Banner.UNCLASSIFIED);
        model.put("error", errorKey);
        model.put("accreditation", Banner.of(site.accreditation()));
        model.put("certificateLogin", certificateLogin);
        return HttpResponse.status(status).body(new ModelAndView<>("login", model));
    }

    static Cookie cookie(HttpRequest<?> request, String value) {
        return Cookie.of(Sessions.COOKIE, value).httpOnly(true).secure(request.isSecure())
                .sameSite(SameSite.Strict).path("/");
    }
}

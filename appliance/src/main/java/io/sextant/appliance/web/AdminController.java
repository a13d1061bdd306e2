package io.sextant.appliance.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.AccountException;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.security.Sessions;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Account administration: list, create (with a one-time password shown once), set clearance, lock and unlock. The
 * admin role is enforced by the authentication filter for everything under {@code /admin}.
 */
@Controller("/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AdminController {

    private final Accounts accounts;
    private final Sessions sessions;
    private final SiteConfig site;
    private final Clock clock;

    AdminController(Accounts accounts, Sessions sessions, SiteConfig site, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.site = site;
        this.clock = clock;
    }

    /**
     * @param username the new account's name
     * @param role its role
     * @param clearance its clearance
     */
    @Serdeable
    record NewUser(@Nullable String username, @Nullable String role, @Nullable String clearance) {
    }

    /** @param clearance the new clearance */
    @Serdeable
    record ClearanceForm(@Nullable String clearance) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> list(Principal principal) {
        return page(principal, null, null, HttpStatus.OK);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> create(HttpRequest<?> request, Principal principal, @Body NewUser form) {
        try {
            Role role = Role.parse(form.role() == null ? "" : form.role());
            Accounts.Created created = accounts.create(form.username() == null ? "" : form.username().strip(), role,
                    form.clearance(), null, principal.name(), remote(request));
            Map<String, Object> done = Map.of("username", created.account().username(),
                    "password", created.oneTimePassword());
            return page(principal, null, done, HttpStatus.OK);
        } catch (IllegalArgumentException e) {
            return page(principal, e.getMessage(), null, HttpStatus.BAD_REQUEST);
        } catch (AccountException e) {
            if (!e.isClientError()) {
                throw e;
            }
            return page(principal, e.getMessage(), null, HttpStatus.BAD_REQUEST);
        }
    }

    @Post("/{name}/clearance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> clearance(HttpRequest<?> request, Principal principal, @PathVariable String name,
                              @Body ClearanceForm form) {
        return act(principal, () -> accounts.setClearance(name, form.clearance(), principal.name(), remote(request)));
    }

    @Post("/{name}/lock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> lock(HttpRequest<?> request, Principal principal, @PathVariable String name) {
        return act(principal, () -> {
            accounts.setLocked(name, true, principal.name(), remote(request));
            accounts.byName(name).ifPresent(a -> sessions.invalidateAccount(a.id()));
        });
    }

    @Post("/{name}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> unlock(HttpRequest<?> request, Principal principal, @PathVariable String name) {
        return act(principal, () -> accounts.setLocked(name, false, principal.name(), remote(request)));
    }

    private HttpResponse<?> act(Principal principal, Runnable action) {
        try {
            action.run();
            return HttpResponse.seeOther(URI.create("/admin/users"));
        } catch (AccountException e) {
            if (!e.isClientError()) {
                throw e;
            }
            return page(principal, e.getMessage(), null, HttpStatus.BAD_REQUEST);
        }
    }

    private HttpResponse<?> page(Principal principal, String error, Map<String, Object> created, HttpStatus status) {
        Map<String, Object> model = PageModel.of(principal, principal.session(), site, Banner.UNCLASSIFIED);
        model.put("accounts", accounts.list());
        model.put("now", clock.instant());
        model.put("roles", Role.values());
        model.put("errorText", error);
        model.put("created", created);
        return HttpResponse.status(status).body(new ModelAndView<>("admin/users", model));
    }

    private static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}

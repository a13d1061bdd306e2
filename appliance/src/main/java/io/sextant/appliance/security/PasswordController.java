package io.sextant.appliance.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import java.net.URI;
import java.util.Map;

/** Changing one's own password; forced after an administrator set it (first sign-in, one-time passwords). */
@Controller("/account/password")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PasswordController {

    private final Accounts accounts;
    private final Sessions sessions;
    private final SiteConfig site;

    PasswordController(Accounts accounts, Sessions sessions, SiteConfig site) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.site = site;
    }

    /**
     * @param current the current password
     * @param replacement the new password
     * @param confirm the new password again
     */
    @Serdeable
    record PasswordForm(@Nullable String current, @Nullable String replacement, @Nullable String confirm) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> form(Principal principal) {
        return page(principal, null, null, HttpStatus.OK);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> change(HttpRequest<?> request, Principal principal, @Body PasswordForm form) {
        if (principal.viaToken()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        if (form.current() == null || form.replacement() == null || !form.replacement().equals(form.confirm())) {
            return page(principal, "password.mismatch", null, HttpStatus.BAD_REQUEST);
        }
        try {
            if (!accounts.changePassword(principal.account().id(), form.current().toCharArray(),
                    form.replacement().toCharArray(), AuthFilter.remote(request))) {
                return page(principal, "password.wrongCurrent", null, HttpStatus.BAD_REQUEST);
            }
        } catch (AccountException e) {
            if (!e.isClientError()) {
                throw e;
            }
            return page(principal, null, e.getMessage(), HttpStatus.BAD_REQUEST);
        }
        // A new password ends every other session of the account; this browser gets a fresh one.
        sessions.invalidateAccount(principal.account().id());
        Sessions.Session fresh = sessions.signedIn(principal.account().id());
        return HttpResponse.seeOther(URI.create("/")).cookie(LoginController.cookie(request, fresh.id()));
    }

    private HttpResponse<?> page(Principal principal, String errorKey, String errorText, HttpStatus status) {
        Map<String, Object> model = PageModel.of(principal, principal.session(), site, Banner.UNCLASSIFIED);
        model.put("error", errorKey);
        model.put("errorText", errorText);
        model.put("minLength", Accounts.MIN_PASSWORD);
        return HttpResponse.status(status).body(new ModelAndView<>("account/password", model));
    }
}

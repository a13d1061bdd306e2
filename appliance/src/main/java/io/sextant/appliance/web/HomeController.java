package io.sextant.appliance.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.platform.SecurityConfig;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Principal;
import java.util.Map;

/** The home page after sign-in. It shows no content, so its banner is UNCLASSIFIED. */
@Controller
final class HomeController {

    private final SiteConfig site;
    private final SecurityConfig security;

    HomeController(SiteConfig site, SecurityConfig security) {
        this.site = site;
        this.security = security;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> home(Principal principal) {
        Map<String, Object> model = PageModel.of(principal, principal.session(), site, Banner.UNCLASSIFIED);
        model.put("accreditation", Banner.of(site.accreditation()));
        model.put("idleMinutes", security.sessionIdleTimeout().toMinutes());
        return new ModelAndView<>("home", model);
    }
}

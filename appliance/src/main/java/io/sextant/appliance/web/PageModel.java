package io.sextant.appliance.web;

import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.security.Role;
import io.sextant.appliance.security.Sessions.Session;
import java.util.HashMap;
import java.util.Map;

/** The model every page starts from: banner, site, signed-in user with clearance, CSRF token. */
public final class PageModel {

    private PageModel() {
    }

    /**
     * @param principal who is signed in, or null on the sign-in page
     * @param session the cookie session (its CSRF token goes into every form), or null
     * @param site the site configuration
     * @param banner the banner for this page's content
     * @return a mutable model to add the page's own entries to
     */
    public static Map<String, Object> of(Principal principal, Session session, SiteConfig site, Banner banner) {
        Map<String, Object> m = new HashMap<>();
        m.put("banner", banner);
        m.put("site", site);
        m.put("csrf", session == null ? "" : session.csrf());
        if (principal != null) {
            m.put("user", principal.account());
            m.put("userName", principal.name());
            m.put("userRole", principal.account().role().label());
            m.put("userClearance", principal.account().clearance());
            m.put("isAdmin", principal.account().role() == Role.ADMIN);
        }
        return m;
    }
}

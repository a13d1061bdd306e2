package io.sextant.appliance.library;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.sextant.appliance.platform.SiteConfig;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import java.util.Map;

/** The library page: upload form with live progress (static/library.js) and the documents the user may see. */
@Controller("/library")
final class LibraryPage {

    private final Library library;
    private final SiteConfig site;

    LibraryPage(Library library, SiteConfig site) {
        this.library = library;
        this.site = site;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    ModelAndView<Map<String, Object>> page(Principal principal) {
        Library.Listing listing = library.list(principal.name(), principal.analyst().clearance(),
                LibraryApi.isAdmin(principal));
        Map<String, Object> model = PageModel.of(principal, principal.session(), site, Banner.of(listing.marking()));
        model.put("documents", listing.documents());
        model.put("quarantined", listing.quarantined());
        return new ModelAndView<>("library/index", model);
    }
}

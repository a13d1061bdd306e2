package io.sextant.appliance.security;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /api/me}: who the API thinks the caller is — a quick check for scripts holding a token. */
@Controller("/api/me")
final class MeController {

    /**
     * @param name account name
     * @param role role
     * @param clearance canonical clearance
     */
    @Serdeable
    record Me(String name, String role, String clearance) {
    }

    @Get
    Me me(Principal principal) {
        return new Me(principal.name(), principal.account().role().label(), principal.account().clearance());
    }
}

package io.sextant.appliance.security;

import io.micronaut.http.HttpRequest;
import io.sextant.appliance.security.Sessions.Session;
import java.util.Optional;

/**
 * Who is making a request, resolved by {@link AuthFilter} for every request and bound to controller parameters.
 *
 * @param account the account, as read from the database for this request (so locks and clearance changes apply at
 *                once)
 * @param session the UI session, or null when authenticated by an API token
 */
public record Principal(Account account, Session session) {

    /**
     * @param request a request that passed {@link AuthFilter}
     * @return who made it, empty on public routes without credentials
     */
    public static Optional<Principal> of(HttpRequest<?> request) {
        return request.getAttribute(AuthFilter.PRINCIPAL, Principal.class);
    }

    /** @return true when authenticated by a bearer token rather than the UI cookie */
    public boolean viaToken() {
        return session == null;
    }

    /** @return the account name */
    public String name() {
        return account.username();
    }

    /**
     * The analyst every retrieval and product of this request is made for: the account's clearance as an admin set
     * it (an unreadable clearance becomes the lowest
     * access, foreign, rather than failing open), accountable as derivative classifier.
     *
     * @return the analyst
     */
    public io.sextant.appliance.grounding.Analyst analyst() {
        return account.analyst();
    }
}

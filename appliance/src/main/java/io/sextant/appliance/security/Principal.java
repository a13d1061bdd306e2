package io.sextant.appliance.security;

import io.sextant.appliance.security.Sessions.Session;

/**
 * Who is making a request, resolved by {@link AuthFilter} for every request and bound to controller parameters.
 *
 * @param account the account, as read from the database for this request (so locks and clearance changes apply at
 *                once)
 * @param session the UI session, or null when authenticated by an API token
 */
public record Principal(Account account, Session session) {

    /** @return true when authenticated by a bearer token rather than the UI cookie */
    public boolean viaToken() {
        return session == null;
    }

    /** @return the account name */
    public String name() {
        return account.username();
    }
}

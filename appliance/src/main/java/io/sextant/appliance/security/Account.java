package io.sextant.appliance.security;

import java.time.Instant;

/**
 * A local account as stored (without its password hash).
 *
 * @param id database id
 * @param username unique sign-in name
 * @param role what it may do
 * @param clearance canonical clearance string, e.g. {@code level=TS;sci=SI,TK;country=USA}
 * @param mustChangePassword true until the owner replaces a one-time password
 * @param locked locked by an administrator
 * @param failedLogins consecutive failed sign-ins since the last success or lockout
 * @param lockedUntil end of an automatic lockout, or null
 */
public record Account(long id, String username, Role role, String clearance, boolean mustChangePassword,
                      boolean locked, int failedLogins, Instant lockedUntil) {

    /**
     * @param now the current time
     * @return true when the account may not sign in now (administrative lock or a running automatic lockout)
     */
    public boolean isLockedAt(Instant now) {
        return locked || (lockedUntil != null && lockedUntil.isAfter(now));
    }

    /**
     * The analyst every retrieval and product made for this account is trimmed to: its clearance as an admin set it
     * (an unreadable clearance becomes the lowest access, foreign, rather than failing open), accountable as
     * derivative classifier under its role's title.
     *
     * @return the analyst
     */
    public io.sextant.appliance.grounding.Analyst analyst() {
        io.sextant.guard.access.Clearance c;
        try {
            c = ClearanceText.parse(clearance);
        } catch (IllegalArgumentException e) {
            c = new io.sextant.guard.access.Clearance(io.sextant.guard.marking.Classification.U, java.util.Set.of(),
                    java.util.Set.of(), java.util.Set.of(), "XXX", java.util.Set.of(),
                    io.sextant.guard.access.Action.VIEW, false, false);
        }
        String position = switch (role) {
            case ADMIN -> "Administrator";
            case REVIEWER -> "Reviewer";
            default -> "Analyst";
        };
        return new io.sextant.appliance.grounding.Analyst(username, c, position);
    }
}

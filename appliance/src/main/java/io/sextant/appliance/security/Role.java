package io.sextant.appliance.security;

import java.util.Locale;

/** What an account may do in the appliance; independent of what it may see, which is its clearance. */
public enum Role {
    /** Searches, asks, drafts. */
    ANALYST,
    /** An analyst who also reviews flagged outputs. */
    REVIEWER,
    /** Manages accounts and clearances and the system; sees content only through its own clearance. */
    ADMIN;

    /**
     * @param text a role name in any case
     * @return the role
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Role parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + text + "': expected analyst, reviewer or admin", e);
        }
    }

    /** @return the role in lower case, as shown */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

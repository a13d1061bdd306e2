package io.sextant.appliance.admin;

import java.util.Locale;

/** {@code sextant.tls.client-auth}: whether the TLS server asks for a client certificate. */
public enum ClientAuth {
    /** Never asks (the default). */
    NONE,
    /** Asks; a client without one may still sign in with a password or token. */
    WANT,
    /** Refuses the TLS handshake without a certificate from a trusted CA. */
    NEED;

    /**
     * @param value none, want or need (case-insensitive), or null for none
     * @return the mode
     * @throws IllegalArgumentException for anything else
     */
    public static ClientAuth parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "none", "false", "off" -> NONE;
            case "want", "optional" -> WANT;
            case "need", "required" -> NEED;
            default -> throw new IllegalArgumentException(
                    "sextant.tls.client-auth must be none, want or need, not '" + value + "'");
        };
    }
}

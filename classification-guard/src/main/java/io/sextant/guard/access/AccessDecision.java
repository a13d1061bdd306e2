package io.sextant.guard.access;

import java.util.Objects;

/** The outcome of an access check; {@link Deny} says why in plain words. Switch over it exhaustively. */
public sealed interface AccessDecision permits AccessDecision.Allow, AccessDecision.Deny {

    /** @return true for {@link Allow} */
    default boolean allowed() {
        return this instanceof Allow;
    }

    /** Access allowed. */
    record Allow() implements AccessDecision {
        @Override
        public String toString() {
            return "ALLOW";
        }
    }

    /**
     * Access denied.
     *
     * @param reason why, in plain words (never contains text of the protected information)
     */
    record Deny(String reason) implements AccessDecision {
        /** Requires a reason. */
        public Deny {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "DENY: " + reason;
        }
    }

    /** The one {@link Allow} instance. */
    Allow ALLOW = new Allow();
}

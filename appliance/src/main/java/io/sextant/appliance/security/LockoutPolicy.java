package io.sextant.appliance.security;

import java.time.Duration;

/**
 * How repeated failed sign-ins lock an account.
 *
 * @param maxFailures consecutive failures that start a lockout
 * @param duration how long the lockout lasts
 */
public record LockoutPolicy(int maxFailures, Duration duration) {

    /** The appliance default: 5 failures, 15 minutes. */
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    /** Rejects nonsense values. */
    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("lockout max-failures must be at least 1, got " + maxFailures);
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("lockout duration must be positive, got " + duration);
        }
    }
}

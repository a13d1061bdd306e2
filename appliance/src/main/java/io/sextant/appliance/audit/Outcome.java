package io.sextant.appliance.audit;

/** How an audited action ended. */
public enum Outcome {
    /** It happened. */
    OK,
    /** It was attempted and failed (wrong password, invalid input). */
    FAILED,
    /** Policy refused it (lockout, rate limit, role, clearance, guard). */
    DENIED
}

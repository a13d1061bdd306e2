package io.sextant.guard.access;

/** What the user wants to do with the information (SPEC §5.1): see it on screen, or carry it out of the system. */
public enum Action {
    /** Disclosure: display inside the accredited system. */
    VIEW,
    /** Release: hand over a copy. */
    RELEASE
}

package io.sextant.guard.marking;

/** NATO special markings that follow a NATO classification (SPEC §3.2), in canonical order. */
public enum NatoControl {
    /** ATOMAL. */
    ATOMAL,
    /** BOHEMIA. */
    BOHEMIA,
    /** BALK. */
    BALK
}

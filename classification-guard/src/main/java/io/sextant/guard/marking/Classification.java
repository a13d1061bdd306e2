package io.sextant.guard.marking;

/**
 * US-equivalent classification levels, lowest first. Foreign, NATO and JOINT levels map onto these (SPEC §1.2–1.3:
 * RESTRICTED ranks as CONFIDENTIAL), so every comparison in the guard is one ordinal comparison.
 */
public enum Classification {
    /** UNCLASSIFIED: a marking, not a level under EO 13526, but the bottom of the lattice. */
    U("U", "UNCLASSIFIED"),
    /** CONFIDENTIAL. */
    C("C", "CONFIDENTIAL"),
    /** SECRET. */
    S("S", "SECRET"),
    /** TOP SECRET. */
    TS("TS", "TOP SECRET");

    private final String portion;
    private final String banner;

    Classification(String portion, String banner) {
        this.portion = portion;
        this.banner = banner;
    }

    /** @return the rank, 0 for U up to 3 for TS */
    public int rank() {
        return ordinal();
    }

    /**
     * @param other another level
     * @return true when this level is the same as or above {@code other}
     */
    public boolean atLeast(Classification other) {
        return ordinal() >= other.ordinal();
    }

    /** @return true for C, S and TS */
    public boolean isClassified() {
        return this != U;
    }

    /** @return the portion abbreviation (TS, S, C, U) */
    public String portion() {
        return portion;
    }

    /** @return the spelled-out banner word (TOP SECRET, SECRET, ...) */
    public String banner() {
        return banner;
    }

    /**
     * @param a one level
     * @param b another level
     * @return the higher of the two
     */
    public static Classification max(Classification a, Classification b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}

package io.sextant.guard.marking;

/**
 * CUI limited dissemination controls other than the three shared with IC controls (NOFORN, REL TO, DISPLAY ONLY,
 * which a CUI marking holds as {@link DissemControl}s). Canonical order is the registry's list order (SPEC §1.6).
 */
public enum CuiLdc {
    /** FEDERAL EMPLOYEES ONLY. */
    FED_ONLY("FED ONLY", "FED ONLY"),
    /** FEDERAL EMPLOYEES AND CONTRACTORS ONLY. */
    FEDCON("FEDCON", "FEDCON"),
    /** NO DISSEMINATION TO CONTRACTORS. */
    NOCON("NOCON", "NOCON"),
    /** DISSEMINATION LIST CONTROLLED. */
    DL_ONLY("DL ONLY", "DL ONLY"),
    /** ATTORNEY CLIENT. */
    ATTORNEY_CLIENT("ATTORNEY-CLIENT", "AC"),
    /** ATTORNEY WORK PRODUCT. */
    ATTORNEY_WP("ATTORNEY-WP", "AWP");

    private final String banner;
    private final String portion;

    CuiLdc(String banner, String portion) {
        this.banner = banner;
        this.portion = portion;
    }

    /** @return the banner form */
    public String banner() {
        return banner;
    }

    /** @return the portion form */
    public String portion() {
        return portion;
    }
}

package io.sextant.guard.marking;

/** Non-IC dissemination controls in Register order (SPEC §2.3); the last category of a marking. */
public enum NonIcControl {
    /** LIMITED DISTRIBUTION. */
    LIMDIS("LIMDIS", "DS", "LIMITED DISTRIBUTION"),
    /** EXCLUSIVE DISTRIBUTION (requires NOFORN). */
    EXDIS("EXDIS", "XD", "EXCLUSIVE DISTRIBUTION"),
    /** NO DISTRIBUTION (requires NOFORN). */
    NODIS("NODIS", "ND", "NO DISTRIBUTION"),
    /** SENSITIVE BUT UNCLASSIFIED. */
    SBU("SBU", "SBU", "SENSITIVE BUT UNCLASSIFIED"),
    /** SENSITIVE BUT UNCLASSIFIED NOFORN. */
    SBU_NOFORN("SBU NOFORN", "SBU-NF", "SENSITIVE BUT UNCLASSIFIED NOFORN"),
    /** LAW ENFORCEMENT SENSITIVE. */
    LES("LES", "LES", "LAW ENFORCEMENT SENSITIVE"),
    /** LAW ENFORCEMENT SENSITIVE NOFORN. */
    LES_NOFORN("LES NOFORN", "LES-NF", "LAW ENFORCEMENT SENSITIVE NOFORN"),
    /** SENSITIVE SECURITY INFORMATION. */
    SSI("SSI", "SSI", "SENSITIVE SECURITY INFORMATION"),
    /** NAVAL NUCLEAR PROPULSION INFORMATION (ISM10 CVE). */
    NNPI("NNPI", "NNPI", "NAVAL NUCLEAR PROPULSION INFORMATION");

    private final String banner;
    private final String portion;
    private final String title;

    NonIcControl(String banner, String portion, String title) {
        this.banner = banner;
        this.portion = portion;
        this.title = title;
    }

    /** @return the canonical banner form */
    public String banner() {
        return banner;
    }

    /** @return the portion mark */
    public String portion() {
        return portion;
    }

    /** @return the spelled-out title */
    public String title() {
        return title;
    }

    /** @return true for the controls that carry NOFORN meaning by themselves (SBU NOFORN, LES NOFORN) */
    public boolean impliesNoforn() {
        return this == SBU_NOFORN || this == LES_NOFORN;
    }

    /** @return true for the controls that are unclassified-only information in a portion (SPEC §3.4) */
    public boolean unclassifiedOnlyInPortion() {
        return this == LIMDIS || this == SBU || this == SBU_NOFORN || this == LES || this == LES_NOFORN;
    }
}

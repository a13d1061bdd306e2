package io.sextant.guard.marking;

/**
 * IC dissemination controls in Register order (SPEC §2.3), which is also the canonical output order. REL TO and
 * DISPLAY ONLY carry country lists held in the {@link Marking} itself.
 */
public enum DissemControl {
    /** RISK SENSITIVE. */
    RSEN("RSEN", "RS", "RISK SENSITIVE"),
    /** FOR OFFICIAL USE ONLY (legacy; U only). */
    FOUO("FOUO", "FOUO", "FOR OFFICIAL USE ONLY"),
    /** ORIGINATOR CONTROLLED. */
    ORCON("ORCON", "OC", "ORIGINATOR CONTROLLED"),
    /** ORIGINATOR CONTROLLED-USGOV. */
    ORCON_USGOV("ORCON-USGOV", "OC-USGOV", "ORIGINATOR CONTROLLED-USGOV"),
    /** CONTROLLED IMAGERY. */
    IMCON("IMCON", "IMC", "CONTROLLED IMAGERY"),
    /** NOT RELEASABLE TO FOREIGN NATIONALS. */
    NOFORN("NOFORN", "NF", "NOT RELEASABLE TO FOREIGN NATIONALS"),
    /** CAUTION-PROPRIETARY INFORMATION INVOLVED. */
    PROPIN("PROPIN", "PR", "CAUTION-PROPRIETARY INFORMATION INVOLVED"),
    /** AUTHORIZED FOR RELEASE TO [USA, LIST]. */
    REL_TO("REL TO", "REL TO", "AUTHORIZED FOR RELEASE TO"),
    /** RELEASABLE BY INFORMATION DISCLOSURE OFFICIAL. */
    RELIDO("RELIDO", "RELIDO", "RELEASABLE BY INFORMATION DISCLOSURE OFFICIAL"),
    /** DEA SENSITIVE (no banner abbreviation). */
    DSEN("DEA SENSITIVE", "DSEN", "DEA SENSITIVE"),
    /** FOREIGN INTELLIGENCE SURVEILLANCE ACT. */
    FISA("FISA", "FISA", "FOREIGN INTELLIGENCE SURVEILLANCE ACT"),
    /** DISPLAY ONLY [LIST]. */
    DISPLAY_ONLY("DISPLAY ONLY", "DISPLAY ONLY", "DISPLAY ONLY");

    private final String banner;
    private final String portion;
    private final String title;

    DissemControl(String banner, String portion, String title) {
        this.banner = banner;
        this.portion = portion;
        this.title = title;
    }

    /** @return the canonical banner form (the authorized abbreviation) */
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

    /** @return true for the foreign disclosure and release controls (NOFORN, REL TO, RELIDO, DISPLAY ONLY) */
    public boolean isFdr() {
        return this == NOFORN || this == REL_TO || this == RELIDO || this == DISPLAY_ONLY;
    }
}

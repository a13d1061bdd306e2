package io.sextant.guard.marking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Spellings of the Register's fixed tokens (titles, banner abbreviations, portion marks) and what they mean. */
final class Lexicon {

    /** How a token was written. */
    enum Form {
        /** The portion mark. */
        PORTION,
        /** The banner abbreviation. */
        BANNER,
        /** The spelled-out title. */
        TITLE
    }

    /**
     * A spelling.
     *
     * @param value the meaning (an enum constant)
     * @param form  how it was written
     * @param <T>   the meaning's type
     */
    record Entry<T>(T value, Form form) {
    }

    static final Map<String, Entry<DissemControl>> DISSEM = new HashMap<>();
    static final Map<String, Entry<NonIcControl>> NON_IC = new HashMap<>();
    static final Map<String, Entry<CuiLdc>> CUI_LDC = new HashMap<>();
    static final Map<String, Entry<AeaMarking.Type>> AEA = new HashMap<>();
    static final Map<String, Entry<Classification>> US_LEVEL = new HashMap<>();
    /** Foreign levels; RESTRICTED maps to C with {@link #RESTRICTED_WORDS}. */
    static final Map<String, Entry<Classification>> FOREIGN_LEVEL = new HashMap<>();
    static final List<String> RESTRICTED_WORDS = List.of("R", "RESTRICTED");
    /** NATO levels: value is the level; restricted for NR. */
    static final Map<String, Entry<Classification>> NATO_LEVEL = new HashMap<>();

    static {
        for (DissemControl d : DissemControl.values()) {
            if (d == DissemControl.REL_TO || d == DissemControl.DISPLAY_ONLY) {
                continue;
            }
            put(DISSEM, d.title(), d, Form.TITLE);
            put(DISSEM, d.banner(), d, Form.BANNER);
            put(DISSEM, d.portion(), d, Form.PORTION);
        }
        for (NonIcControl c : NonIcControl.values()) {
            put(NON_IC, c.title(), c, Form.TITLE);
            put(NON_IC, c.banner(), c, Form.BANNER);
            put(NON_IC, c.portion(), c, Form.PORTION);
        }
        put(NON_IC, "SBU NF", NonIcControl.SBU_NOFORN, Form.PORTION);
        put(NON_IC, "LES NF", NonIcControl.LES_NOFORN, Form.PORTION);
        put(NON_IC, "SBU-NOFORN", NonIcControl.SBU_NOFORN, Form.BANNER);
        put(NON_IC, "LES-NOFORN", NonIcControl.LES_NOFORN, Form.BANNER);
        for (CuiLdc l : CuiLdc.values()) {
            put(CUI_LDC, l.banner(), l, Form.BANNER);
            put(CUI_LDC, l.portion(), l, Form.PORTION);
        }
        put(CUI_LDC, "FEDONLY", CuiLdc.FED_ONLY, Form.PORTION);
        put(AEA, "RD", AeaMarking.Type.RD, Form.PORTION);
        put(AEA, "RESTRICTED DATA", AeaMarking.Type.RD, Form.TITLE);
        put(AEA, "RD-CNWDI", AeaMarking.Type.RD_CNWDI, Form.PORTION);
        put(AEA, "RD-N", AeaMarking.Type.RD_CNWDI, Form.TITLE);
        put(AEA, "RD-CRITICAL NUCLEAR WEAPON DESIGN INFORMATION", AeaMarking.Type.RD_CNWDI, Form.TITLE);
        put(AEA, "RESTRICTED DATA-CRITICAL NUCLEAR WEAPON DESIGN INFORMATION", AeaMarking.Type.RD_CNWDI,
                Form.TITLE);
        put(AEA, "RD-SIGMA", AeaMarking.Type.RD_SIGMA, Form.BANNER);
        put(AEA, "RD-SG", AeaMarking.Type.RD_SIGMA, Form.PORTION);
        put(AEA, "RESTRICTED DATA-SIGMA", AeaMarking.Type.RD_SIGMA, Form.TITLE);
        put(AEA, "FRD", AeaMarking.Type.FRD, Form.PORTION);
        put(AEA, "FORMERLY RESTRICTED DATA", AeaMarking.Type.FRD, Form.TITLE);
        put(AEA, "FRD-SIGMA", AeaMarking.Type.FRD_SIGMA, Form.BANNER);
        put(AEA, "FRD-SG", AeaMarking.Type.FRD_SIGMA, Form.PORTION);
        put(AEA, "FORMERLY RESTRICTED DATA-SIGMA", AeaMarking.Type.FRD_SIGMA, Form.TITLE);
        put(AEA, "DOD UCNI", AeaMarking.Type.DOD_UCNI, Form.BANNER);
        put(AEA, "DCNI", AeaMarking.Type.DOD_UCNI, Form.PORTION);
        put(AEA, "DOD UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION", AeaMarking.Type.DOD_UCNI, Form.TITLE);
        put(AEA, "DOE UCNI", AeaMarking.Type.DOE_UCNI, Form.BANNER);
        put(AEA, "UCNI", AeaMarking.Type.DOE_UCNI, Form.PORTION);
        put(AEA, "DOE UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION", AeaMarking.Type.DOE_UCNI, Form.TITLE);
        put(AEA, "TFNI", AeaMarking.Type.TFNI, Form.PORTION);
        put(AEA, "TRANSCLASSIFIED FOREIGN NUCLEAR INFORMATION", AeaMarking.Type.TFNI, Form.TITLE);
        for (Classification c : Classification.values()) {
            put(US_LEVEL, c.portion(), c, Form.PORTION);
            put(US_LEVEL, c.banner(), c, Form.BANNER);
            put(FOREIGN_LEVEL, c.portion(), c, Form.PORTION);
            put(FOREIGN_LEVEL, c.banner(), c, Form.BANNER);
        }
        put(FOREIGN_LEVEL, "R", Classification.C, Form.PORTION);
        put(FOREIGN_LEVEL, "RESTRICTED", Classification.C, Form.BANNER);
        put(NATO_LEVEL, "CTS", Classification.TS, Form.PORTION);
        put(NATO_LEVEL, "COSMIC TOP SECRET", Classification.TS, Form.BANNER);
        put(NATO_LEVEL, "NS", Classification.S, Form.PORTION);
        put(NATO_LEVEL, "NATO SECRET", Classification.S, Form.BANNER);
        put(NATO_LEVEL, "NC", Classification.C, Form.PORTION);
        put(NATO_LEVEL, "NATO CONFIDENTIAL", Classification.C, Form.BANNER);
        put(NATO_LEVEL, "NR", Classification.C, Form.PORTION);
        put(NATO_LEVEL, "NATO RESTRICTED", Classification.C, Form.BANNER);
        put(NATO_LEVEL, "NU", Classification.U, Form.PORTION);
        put(NATO_LEVEL, "NATO UNCLASSIFIED", Classification.U, Form.BANNER);
    }

    private Lexicon() {
    }

    private static <T> void put(Map<String, Entry<T>> map, String spelling, T value, Form form) {
        Entry<T> old = map.get(spelling);
        // When banner and portion spellings coincide (FOUO, RELIDO, LES...), the token is correct in both forms.
        if (old != null && old.form() != Form.TITLE) {
            return;
        }
        map.put(spelling, new Entry<>(value, form));
    }

    /**
     * @param form    how a token was written
     * @param portion whether the input is a portion mark
     * @param same    whether banner and portion spellings are identical
     * @return whether the spelling is a repair worth a warning
     */
    static boolean needsWarning(Form form, boolean portion, boolean same) {
        if (same) {
            return form == Form.TITLE;
        }
        return form == Form.TITLE || (portion ? form == Form.BANNER : form == Form.PORTION);
    }

    static boolean isNatoRestricted(String spelling) {
        return spelling.equals("NR") || spelling.equals("NATO RESTRICTED");
    }
}

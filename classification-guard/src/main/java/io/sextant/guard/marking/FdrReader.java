package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.List;

/** Reads dissemination control values, including REL TO and DISPLAY ONLY lists and CUI limited controls. */
final class FdrReader {

    private FdrReader() {
    }

    static void dissem(SyntaxReader r, ValueReader values, Span v, boolean cuiLdc) {
        String t = v.text();
        if (t.equals("REL")) {
            bareRel(r, values, v);
            return;
        }
        if (t.startsWith("REL TO") || t.startsWith("AUTHORIZED FOR RELEASE TO")) {
            int skip = t.startsWith("REL TO") ? 6 : "AUTHORIZED FOR RELEASE TO".length();
            if (skip > 6) {
                r.warnings.add("'AUTHORIZED FOR RELEASE TO' written as 'REL TO'");
            }
            if (t.length() > skip && t.charAt(skip) != ' ') {
                throw SyntaxReader.error("unknown token " + t, v.start());
            }
            List<String> list = list(r, v, skip, "REL TO");
            if (!list.contains("USA")) {
                throw SyntaxReader.error("REL TO list must begin with USA", v.start());
            }
            if (list.size() < 2) {
                throw SyntaxReader.error("REL TO requires at least one code besides USA", v.start());
            }
            List<String> sorted = Codes.sortReleasable(list);
            if (!sorted.equals(list)) {
                r.warnings.add("reordered REL TO list: USA first, then trigraphs, then tetragraphs");
            }
            add(r, values, v, DissemControl.REL_TO);
            r.builder.releasableTo(sorted);
            return;
        }
        if (t.startsWith("DISPLAY ONLY")) {
            if (t.length() > 12 && t.charAt(12) != ' ') {
                throw SyntaxReader.error("unknown token " + t, v.start());
            }
            List<String> list = list(r, v, 12, "DISPLAY ONLY");
            if (list.contains("USA")) {
                throw SyntaxReader.error("DISPLAY ONLY lists foreign countries only, not USA", v.start());
            }
            List<String> sorted = Codes.sortCountries(list, "DISPLAY ONLY");
            if (!sorted.equals(list)) {
                r.warnings.add("reordered DISPLAY ONLY list");
            }
            add(r, values, v, DissemControl.DISPLAY_ONLY);
            r.builder.displayOnlyTo(sorted);
            return;
        }
        if (t.equals("EYES") || t.endsWith("EYES ONLY")) {
            throw SyntaxReader.error("EYES ONLY markings were retired in 2017; use REL TO", v.start());
        }
        if (cuiLdc) {
            Lexicon.Entry<CuiLdc> e = Lexicon.CUI_LDC.get(t);
            if (e != null) {
                CuiLdc l = e.value();
                if (values.hasCuiLdc(l)) {
                    throw SyntaxReader.error("duplicate token " + t, v.start());
                }
                String canonical = r.portion() ? l.portion() : l.banner();
                if (!t.equals(canonical)) {
                    r.warnings.add("'" + t + "' written as '" + canonical + "'");
                }
                r.positions.put("CUI:" + l.name(), v.start());
                values.noteCuiLdc(l, cuiOrder(l));
                return;
            }
        }
        Lexicon.Entry<DissemControl> e = Lexicon.DISSEM.get(t);
        if (e == null) {
            throw SyntaxReader.error("unknown token " + t, v.start());
        }
        DissemControl d = e.value();
        String canonical = r.portion() ? d.portion() : d.banner();
        if (!t.equals(canonical)) {
            r.warnings.add("'" + t + "' written as '" + canonical + "'");
        }
        add(r, values, v, d);
    }

    private static void add(SyntaxReader r, ValueReader values, Span v, DissemControl d) {
        if (r.positionsHas("DISSEM:" + d.name())) {
            throw SyntaxReader.error("duplicate token " + d.banner(), v.start());
        }
        r.positions.put("DISSEM:" + d.name(), v.start());
        if (r.cui) {
            values.noteCuiLdc(null, d == DissemControl.NOFORN ? CuiOrder.NOFORN
                    : d == DissemControl.REL_TO ? CuiOrder.REL_TO : CuiOrder.DISPLAY_ONLY);
            if (d != DissemControl.NOFORN && d != DissemControl.REL_TO && d != DissemControl.DISPLAY_ONLY) {
                throw SyntaxReader.error(d.banner() + " is not a CUI limited dissemination control", v.start());
            }
        } else {
            values.noteDissem(d);
        }
        if (d != DissemControl.REL_TO && d != DissemControl.DISPLAY_ONLY) {
            r.builder.dissem(d);
        }
    }

    /** The registry order of all CUI limited dissemination controls, shared ones included. */
    enum CuiOrder {
        NOFORN, FED_ONLY, FEDCON, NOCON, DL_ONLY, REL_TO, DISPLAY_ONLY, ATTORNEY_CLIENT, ATTORNEY_WP
    }

    private static CuiOrder cuiOrder(CuiLdc l) {
        return CuiOrder.valueOf(l.name());
    }

    private static void bareRel(SyntaxReader r, ValueReader values, Span v) {
        Marking banner = r.bannerContext();
        if (!r.portion() || banner == null || banner.releasableTo().isEmpty()) {
            throw SyntaxReader.error("bare REL portion mark needs banner REL TO context", v.start());
        }
        r.warnings.add("bare REL expanded from the banner: REL TO " + String.join(", ", banner.releasableTo()));
        add(r, values, v, DissemControl.REL_TO);
        r.builder.releasableTo(banner.releasableTo());
    }

    private static List<String> list(SyntaxReader r, Span v, int skip, String what) {
        Span rest = v.sub(skip).trim();
        if (rest.isEmpty()) {
            throw SyntaxReader.error(what + " needs a list of codes", v.pos(v.length()));
        }
        List<Span> items = new ArrayList<>();
        for (Span piece : rest.split(",")) {
            if (piece.isEmpty()) {
                throw SyntaxReader.error("empty code in " + what + " list", piece.start());
            }
            items.addAll(piece.collapse().split(" "));
        }
        if (rest.text().indexOf(',') < 0 && items.size() > 1) {
            r.warnings.add(what + " codes separated with ', '");
        }
        List<String> out = new ArrayList<>();
        for (Span s : items) {
            String c = s.text();
            if (!r.vocab().isKnownCode(c)) {
                throw SyntaxReader.error("unknown token " + c + " (not a country or tetragraph code)", s.start());
            }
            if (out.contains(c)) {
                throw SyntaxReader.error("duplicate token " + c, s.start());
            }
            out.add(c);
        }
        return out;
    }
}

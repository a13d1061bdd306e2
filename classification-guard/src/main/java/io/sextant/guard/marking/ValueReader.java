package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.List;

/** Reads the values of one category at a time into the marking being built, noting repairs and positions. */
final class ValueReader {

    private final SyntaxReader r;
    private final SciReader sci;
    private final List<Enum<?>> dissemOrder = new ArrayList<>();
    private final List<Enum<?>> nonIcOrder = new ArrayList<>();
    private final List<Enum<?>> aeaOrder = new ArrayList<>();
    private final List<String> sapOrder = new ArrayList<>();
    private final List<String> cuiCategories = new ArrayList<>();
    private final List<CuiLdc> cuiLdcs = new ArrayList<>();
    private final List<Enum<?>> cuiLdcOrder = new ArrayList<>();
    private final List<NatoControl> natoOrder = new ArrayList<>();

    ValueReader(SyntaxReader r) {
        this.r = r;
        this.sci = new SciReader(r);
    }

    void read(SyntaxReader.Category cat, Span seg, List<Span> vals) {
        switch (cat) {
            case NATO_CTRL -> vals.forEach(this::nato);
            case SCI -> vals.forEach(sci::read);
            case SAP -> sap(vals);
            case AEA -> vals.forEach(this::aea);
            case FGI -> fgi(seg, vals);
            case DISSEM, CUI_LDC -> vals.forEach(v -> FdrReader.dissem(r, this, v, cat == SyntaxReader.Category.CUI_LDC));
            case NON_IC -> vals.forEach(this::nonIc);
            case CUI_CATEGORY -> vals.forEach(this::cuiCategory);
        }
    }

    void finish() {
        sci.finish();
        warnOrder(dissemOrder, "dissemination controls");
        warnOrder(nonIcOrder, "non-IC dissemination controls");
        warnOrder(aeaOrder, "AEA markings");
        warnOrder(cuiLdcOrder, "CUI limited dissemination controls");
        if (!sapOrder.stream().sorted().toList().equals(sapOrder)) {
            r.warnings.add("reordered SAP programs");
        }
        if (!cuiCategories.isEmpty()) {
            List<String> sorted = CuiMarking.sortCategories(cuiCategories);
            if (!sorted.equals(cuiCategories)) {
                r.warnings.add("reordered CUI categories (Specified first, then alphabetical)");
            }
        }
        if (r.cui) {
            r.builder.cui(new CuiMarking(true, cuiCategories, java.util.Set.copyOf(cuiLdcs)));
        }
    }

    private void warnOrder(List<Enum<?>> order, String what) {
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i).ordinal() < order.get(i - 1).ordinal()) {
                r.warnings.add("reordered " + what + " into Register order");
                return;
            }
        }
    }

    void noteDissem(Enum<?> d) {
        dissemOrder.add(d);
    }

    void noteCuiLdc(CuiLdc l, Enum<?> order) {
        if (l != null) {
            cuiLdcs.add(l);
        }
        cuiLdcOrder.add(order);
    }

    boolean hasCuiLdc(CuiLdc l) {
        return cuiLdcs.contains(l);
    }

    private void nato(Span v) {
        NatoControl c = NatoControl.valueOf(v.text());
        if (natoOrder.contains(c)) {
            throw SyntaxReader.error("duplicate token " + v.text(), v.start());
        }
        natoOrder.add(c);
        r.positions.put("NATO:" + c.name(), v.start());
        r.builder.nato(c);
        if (natoOrder.size() > 1 && natoOrder.get(natoOrder.size() - 2).ordinal() > c.ordinal()) {
            r.warnings.add("reordered NATO special markings");
        }
    }

    private void sap(List<Span> vals) {
        for (int i = 0; i < vals.size(); i++) {
            Span v = vals.get(i);
            String t = v.text();
            String id;
            if (t.startsWith("SAR-")) {
                id = t.substring(4);
                if (i > 0) {
                    r.warnings.add("SAR indicator repeated; written once");
                }
            } else if (t.startsWith("SPECIAL ACCESS REQUIRED-")) {
                id = t.substring("SPECIAL ACCESS REQUIRED-".length());
                r.warnings.add("'SPECIAL ACCESS REQUIRED-' written as 'SAR-'");
            } else {
                id = t;
            }
            String base = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
            for (String part : id.split("-", -1)) {
                if (!Codes.isIdentifier(part)) {
                    throw SyntaxReader.error("invalid SAP program identifier " + id, v.start());
                }
            }
            if (!r.vocab().isSapProgram(id) && !r.vocab().isSapProgram(base)) {
                throw SyntaxReader.error("unknown token " + id + " (SAP program not in the local registry)",
                        v.start());
            }
            if (sapOrder.contains(id)) {
                throw SyntaxReader.error("duplicate token " + id, v.start());
            }
            sapOrder.add(id);
            r.positions.put("SAP", v.start());
            r.builder.sap(id);
        }
    }

    /** AEA spellings, longest first, so the first match is the longest. */
    private static final List<String> AEA_SPELLINGS = Lexicon.AEA.keySet().stream()
            .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();

    /** @return the AEA spelling a value starts with (whole words), or null */
    static String aeaPrefix(String v) {
        if (v.isEmpty() || "RFDUT".indexOf(v.charAt(0)) < 0) {
            return null;
        }
        for (String k : AEA_SPELLINGS) {
            if (v.startsWith(k) && (v.length() == k.length() || v.charAt(k.length()) == ' ')) {
                return k;
            }
        }
        return null;
    }

    private void aea(Span v) {
        String prefix = aeaPrefix(v.text());
        Lexicon.Entry<AeaMarking.Type> e = Lexicon.AEA.get(prefix);
        AeaMarking.Type type = e.value();
        List<Integer> sigmas = new ArrayList<>();
        String rest = v.text().substring(prefix.length()).trim();
        if (!rest.isEmpty()) {
            if (!type.isSigma()) {
                throw SyntaxReader.error("unexpected token " + rest + " after " + prefix, v.pos(prefix.length() + 1));
            }
            for (String n : rest.split(" ")) {
                int num;
                try {
                    num = Integer.parseInt(n);
                } catch (NumberFormatException ex) {
                    throw SyntaxReader.error("SIGMA number expected, found " + n, v.pos(prefix.length() + 1));
                }
                if (num < 1 || num > 99 || sigmas.contains(num)) {
                    throw SyntaxReader.error(sigmas.contains(num) ? "duplicate token SIGMA " + num
                            : "SIGMA number out of range 1-99: " + num, v.pos(prefix.length() + 1));
                }
                sigmas.add(num);
            }
        } else if (type.isSigma()) {
            throw SyntaxReader.error(prefix + " requires a SIGMA number", v.pos(prefix.length()));
        }
        if (aeaOrder.contains(type)) {
            throw SyntaxReader.error("duplicate token " + prefix, v.start());
        }
        aeaOrder.add(type);
        String canonical = r.portion() ? type.portion() : type.banner();
        if (!prefix.equals(canonical)) {
            r.warnings.add("'" + prefix + "' written as '" + canonical + "'");
        }
        if (!sigmas.stream().sorted().toList().equals(sigmas)) {
            r.warnings.add("reordered SIGMA numbers");
        }
        r.positions.put("AEA:" + type.name(), v.start());
        r.builder.aea(new AeaMarking(type, sigmas));
    }

    private void fgi(Span seg, List<Span> vals) {
        if (vals.size() > 1) {
            throw SyntaxReader.error("the FGI category holds one value", vals.get(1).start());
        }
        String t = seg.text();
        int skip;
        if (t.startsWith("FOREIGN GOVERNMENT INFORMATION")) {
            skip = "FOREIGN GOVERNMENT INFORMATION".length();
            r.warnings.add("'FOREIGN GOVERNMENT INFORMATION' written as 'FGI'");
        } else {
            skip = 3;
        }
        r.positions.put("FGI", seg.start());
        Span rest = seg.sub(skip).trim();
        if (rest.isEmpty()) {
            r.builder.fgi(FgiMarking.CONCEALED);
            return;
        }
        List<Span> codes = rest.collapse().split(" ");
        for (Span c : codes) {
            if (c.text().equals("USA")) {
                throw SyntaxReader.error("USA cannot be a foreign government source", c.start());
            }
        }
        r.builder.fgi(FgiMarking.of(ClassificationReader.codes(r, codes, "FGI")));
    }

    private void nonIc(Span v) {
        Lexicon.Entry<NonIcControl> e = Lexicon.NON_IC.get(v.text());
        NonIcControl c = e.value();
        if (nonIcOrder.contains(c)) {
            throw SyntaxReader.error("duplicate token " + v.text(), v.start());
        }
        nonIcOrder.add(c);
        String canonical = r.portion() ? c.portion() : c.banner();
        if (!v.text().equals(canonical)) {
            r.warnings.add("'" + v.text() + "' written as '" + canonical + "'");
        }
        r.positions.put("NONIC:" + c.name(), v.start());
        r.builder.nonIc(c);
    }

    static boolean isCuiLdc(String v) {
        return Lexicon.CUI_LDC.containsKey(v) || v.equals("NOFORN") || v.equals("NF") || v.startsWith("REL TO")
                || v.equals("REL") || v.startsWith("DISPLAY ONLY");
    }

    private void cuiCategory(Span v) {
        String t = v.text();
        String bare = t.startsWith("SP-") ? t.substring(3) : t;
        if (!r.vocab().isCuiCategory(bare)) {
            throw SyntaxReader.error("unknown token " + t + " (not a CUI category)", v.start());
        }
        if (cuiCategories.contains(bare) || cuiCategories.contains("SP-" + bare)) {
            throw SyntaxReader.error("duplicate token " + t, v.start());
        }
        cuiCategories.add(t);
    }
}

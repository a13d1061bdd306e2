package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.List;

/**
 * One parse of one marking: splits the body into categories, reads the classification, checks the category order and
 * hands each category's values to {@link ValueReader}; finally builds the {@link Marking} and maps any rule
 * violation to the position of the token it is about.
 */
final class SyntaxReader {

    /** Categories in grammar order (SPEC §2.1); CUI categories share ranks with the IC ones they stand in for. */
    enum Category {
        NATO_CTRL(1, "NATO special markings"),
        SCI(2, "SCI"),
        CUI_CATEGORY(2, "CUI categories"),
        SAP(3, "SAP"),
        AEA(4, "AEA"),
        FGI(5, "FGI"),
        DISSEM(6, "dissemination controls"),
        CUI_LDC(6, "CUI limited dissemination controls"),
        NON_IC(7, "non-IC dissemination controls");

        final int rank;
        final String label;

        Category(int rank, String label) {
            this.rank = rank;
            this.label = label;
        }
    }

    private final Vocabulary vocab;
    private final Profile profile;
    private final boolean portion;
    private final Marking bannerContext;
    final MarkingParser.Warnings warnings = new MarkingParser.Warnings();
    final MarkingParser.Positions positions = new MarkingParser.Positions();
    final Marking.Builder builder = Marking.builder();
    ClassificationType type = ClassificationType.US;
    boolean cui;

    SyntaxReader(Vocabulary vocab, Profile profile, boolean portion, Marking bannerContext) {
        this.vocab = vocab;
        this.profile = profile;
        this.portion = portion;
        this.bannerContext = bannerContext;
    }

    Vocabulary vocab() {
        return vocab;
    }

    boolean portion() {
        return portion;
    }

    Marking bannerContext() {
        return bannerContext;
    }

    static InvalidMarkingException error(String reason, int pos) {
        return new InvalidMarkingException(reason, pos);
    }

    ParsedMarking read(Span body) {
        boolean nonUs = body.startsWith("//");
        Span rest = nonUs ? body.sub(2) : body;
        List<Span> segments = rest.split("//");
        for (Span seg : segments) {
            if (seg.isEmpty()) {
                throw error(nonUs && seg == segments.get(0) ? "missing classification after //"
                        : "empty category between //", seg.start());
            }
            if (seg.startsWith("/") || seg.text().endsWith("/")) {
                int at = seg.startsWith("/") ? seg.start() : seg.pos(seg.length() - 1);
                throw error("empty value next to /", at);
            }
        }
        ClassificationReader.read(this, segments.get(0).collapse(), nonUs);
        ValueReader values = new ValueReader(this);
        Category previous = null;
        for (int i = 1; i < segments.size(); i++) {
            Span seg = segments.get(i).collapse();
            List<Span> vals = seg.split("/");
            for (Span v : vals) {
                if (v.isEmpty()) {
                    throw error("empty value between /", v.start());
                }
            }
            Category cat = categoryOf(vals.get(0));
            if (cat == null) {
                throw error("unknown token " + vals.get(0).text(), vals.get(0).start());
            }
            checkAllowed(cat, seg);
            if (previous != null && cat.rank <= previous.rank) {
                throw error(cat.rank == previous.rank
                        ? "category order violated (" + cat.label + " appear twice; separate values with /)"
                        : "category order violated (" + cat.label + " must precede " + previous.label + ")",
                        seg.start());
            }
            previous = cat;
            for (int j = 1; j < vals.size(); j++) {
                Category other = categoryOf(vals.get(j));
                boolean sapId = cat == Category.SAP && other == null;
                if (!sapId && other != cat && !(cat == Category.CUI_CATEGORY && other == null)) {
                    Span v = vals.get(j);
                    throw error(other == null ? "unknown token " + v.text()
                            : "category order violated (" + other.label + " value " + v.text()
                            + " inside " + cat.label + "; categories are separated by //)", v.start());
                }
            }
            values.read(cat, seg, vals);
        }
        return build(values);
    }

    private void checkAllowed(Category cat, Span seg) {
        boolean ok = switch (type) {
            case US -> cui ? cat == Category.CUI_CATEGORY || cat == Category.CUI_LDC
                    : cat != Category.NATO_CTRL && cat != Category.CUI_CATEGORY && cat != Category.CUI_LDC;
            case FGI -> cat == Category.SAP || cat == Category.AEA || cat == Category.DISSEM
                    || cat == Category.NON_IC;
            case NATO -> cat == Category.NATO_CTRL || cat == Category.SAP || cat == Category.AEA
                    || cat == Category.DISSEM || cat == Category.NON_IC;
            case JOINT -> cat != Category.FGI && cat != Category.NATO_CTRL && cat != Category.CUI_CATEGORY
                    && cat != Category.CUI_LDC;
        };
        if (!ok) {
            String what = cui ? "a CUI marking" : type == ClassificationType.US ? "a US marking"
                    : type == ClassificationType.JOINT ? "a JOINT marking" : "a non-US marking";
            throw error(cat.label + " are not part of " + what, seg.start());
        }
    }

    /** Decides which category a value belongs to, or null when it is not a known token of any. */
    Category categoryOf(Span value) {
        String v = value.text();
        if (cui) {
            if (ValueReader.isCuiLdc(v)) {
                return Category.CUI_LDC;
            }
            String bare = v.startsWith("SP-") ? v.substring(3) : v;
            if (!vocab.isCuiCategory(bare) && (Lexicon.DISSEM.containsKey(v) || Lexicon.NON_IC.containsKey(v))) {
                throw error(v + " is not a CUI limited dissemination control", value.start());
            }
            return Category.CUI_CATEGORY;
        }
        if (Lexicon.US_LEVEL.containsKey(v) || Lexicon.NATO_LEVEL.containsKey(v) || v.equals("CUI")) {
            throw error("duplicate/second classification token " + v, value.start());
        }
        if (v.equals("ATOMAL") || v.equals("BOHEMIA") || v.equals("BALK")) {
            return Category.NATO_CTRL;
        }
        if (v.startsWith("SAR-") || v.startsWith("SPECIAL ACCESS REQUIRED-")) {
            return Category.SAP;
        }
        if (ValueReader.aeaPrefix(v) != null) {
            return Category.AEA;
        }
        if (v.equals("FGI") || v.startsWith("FGI ") || v.startsWith("FOREIGN GOVERNMENT INFORMATION")) {
            return Category.FGI;
        }
        if (Lexicon.DISSEM.containsKey(v) || v.equals("REL") || v.startsWith("REL TO")
                || v.startsWith("DISPLAY ONLY") || v.startsWith("AUTHORIZED FOR RELEASE TO")
                || v.endsWith("EYES ONLY") || v.equals("EYES")) {
            return Category.DISSEM;
        }
        if (Lexicon.NON_IC.containsKey(v)) {
            return Category.NON_IC;
        }
        if (SciReader.sciSystemOf(vocab, v) != null || v.equals("ECI") || v.startsWith("ECI ")) {
            return Category.SCI;
        }
        return null;
    }

    boolean positionsHas(String key) {
        return positions.has(key);
    }

    /** @return whether the text is a known token of some category after the classification */
    boolean categoryOfQuiet(String text) {
        try {
            return categoryOf(Span.of(text, 0, text.length())) != null;
        } catch (InvalidMarkingException e) {
            return true;
        }
    }

    private ParsedMarking build(ValueReader values) {
        values.finish();
        Marking m;
        try {
            m = builder.build();
        } catch (RuleViolationException e) {
            throw error(e.getMessage(), positions.of(e.violation().key()));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), positions.of("CLASS"));
        }
        List<MarkingRules.Violation> v = MarkingRules.check(m, portion, vocab);
        if (!v.isEmpty()) {
            throw error(v.get(0).reason(), positions.of(v.get(0).key()));
        }
        if (profile == Profile.DOD && m.hasNoforn()) {
            if (m.type() == ClassificationType.NATO || m.type() == ClassificationType.FGI) {
                throw error("NOFORN may not be used on NATO or foreign government information (DOD profile)",
                        positions.of("DISSEM:NOFORN"));
            }
            warnings.add("DOD profile: NOFORN is for intelligence information (and NNPI); check it applies");
        }
        return new ParsedMarking(m, new ArrayList<>(warnings.list()));
    }
}

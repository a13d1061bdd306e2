package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.List;

/** Reads the first category of a marking: the US level, CUI, or the non-US/JOINT classification with its owners. */
final class ClassificationReader {

    private ClassificationReader() {
    }

    static void read(SyntaxReader r, Span seg, boolean nonUs) {
        r.positions.put("CLASS", seg.start());
        if (!nonUs) {
            readUs(r, seg);
        } else if (seg.startsWith("JOINT ") || seg.text().equals("JOINT")) {
            readJoint(r, seg);
        } else if (Lexicon.NATO_LEVEL.containsKey(seg.text()) || atomal(seg.text()) != null) {
            readNato(r, seg);
        } else {
            readForeign(r, seg);
        }
    }

    private static void readUs(SyntaxReader r, Span seg) {
        String t = seg.text();
        if (t.equals("CUI") || t.equals("CONTROLLED")) {
            if (t.equals("CONTROLLED")) {
                r.warnings.add("'CONTROLLED' written as 'CUI'");
            }
            r.cui = true;
            r.positions.put("CUI", seg.start());
            r.builder.cui(CuiMarking.BASIC);
            return;
        }
        Lexicon.Entry<Classification> e = Lexicon.US_LEVEL.get(t);
        if (e == null) {
            if (Lexicon.RESTRICTED_WORDS.contains(t)) {
                throw SyntaxReader.error("RESTRICTED is not a US classification level (foreign markings start with //)",
                        seg.start());
            }
            if (Lexicon.NATO_LEVEL.containsKey(t)) {
                throw SyntaxReader.error("NATO classification must start with //", seg.start());
            }
            for (String w : List.of("TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "TS", "S", "C", "U")) {
                if (t.startsWith(w + " ")) {
                    throw SyntaxReader.error("unexpected token " + t.substring(w.length() + 1)
                            + " after classification (categories are separated by //)", seg.pos(w.length() + 1));
                }
            }
            int space = t.indexOf(' ');
            String first = space < 0 ? t : t.substring(0, space);
            throw SyntaxReader.error(r.categoryOfQuiet(first) ? "marking must begin with a classification"
                    : "unknown token " + first, seg.start());
        }
        warnForm(r, e.form(), t, r.portion() ? e.value().portion() : e.value().banner());
        r.builder.level(e.value());
    }

    private static void readNato(SyntaxReader r, Span seg) {
        String t = seg.text();
        Classification atomalLevel = atomal(t);
        r.type = ClassificationType.NATO;
        r.builder.type(ClassificationType.NATO, List.of("NATO"));
        if (atomalLevel != null) {
            r.builder.level(atomalLevel).nato(NatoControl.ATOMAL);
            r.positions.put("NATO:ATOMAL", seg.start());
            r.warnings.add("'" + t + "' written as a NATO level followed by //ATOMAL");
            return;
        }
        Lexicon.Entry<Classification> e = Lexicon.NATO_LEVEL.get(t);
        r.builder.level(e.value()).restricted(Lexicon.isNatoRestricted(t));
        warnForm(r, e.form(), t, null);
    }

    private static Classification atomal(String t) {
        return switch (t) {
            case "CTSA", "COSMIC TOP SECRET ATOMAL" -> Classification.TS;
            case "NSAT", "NATO SECRET ATOMAL" -> Classification.S;
            case "NCA", "NATO CONFIDENTIAL ATOMAL" -> Classification.C;
            default -> null;
        };
    }

    private static void readJoint(SyntaxReader r, Span seg) {
        List<Span> words = seg.split(" ");
        if (words.size() < 2) {
            throw SyntaxReader.error("JOINT needs a classification and its co-owners", seg.pos(seg.length()));
        }
        int i = 1;
        Span levelSpan = words.get(1);
        String level = levelSpan.text();
        if (level.equals("TOP") && words.size() > 2 && words.get(2).text().equals("SECRET")) {
            level = "TOP SECRET";
            i = 2;
        }
        Lexicon.Entry<Classification> e = Lexicon.FOREIGN_LEVEL.get(level);
        if (e == null) {
            throw SyntaxReader.error("unknown JOINT classification " + level, levelSpan.start());
        }
        boolean restricted = Lexicon.RESTRICTED_WORDS.contains(level);
        if (restricted) {
            throw SyntaxReader.error("JOINT may not carry RESTRICTED", levelSpan.start());
        }
        warnForm(r, e.form(), level, r.portion() ? e.value().portion() : e.value().banner());
        List<String> owners = codes(r, words.subList(i + 1, words.size()), "JOINT");
        if (owners.isEmpty()) {
            throw SyntaxReader.error("JOINT needs its co-owners", seg.pos(seg.length()));
        }
        if (!owners.contains("USA")) {
            throw SyntaxReader.error("JOINT co-owners must include USA", words.get(i + 1).start());
        }
        if (owners.size() < 2) {
            throw SyntaxReader.error("JOINT needs at least one co-owner besides USA", words.get(i + 1).start());
        }
        r.type = ClassificationType.JOINT;
        r.builder.type(ClassificationType.JOINT, owners).level(e.value());
    }

    private static void readForeign(SyntaxReader r, Span seg) {
        List<Span> words = seg.split(" ");
        int n = words.size();
        String last = words.get(n - 1).text();
        int levelWords = 1;
        String level = last;
        if (n >= 3 && last.equals("SECRET") && words.get(n - 2).text().equals("TOP")) {
            level = "TOP SECRET";
            levelWords = 2;
        }
        Lexicon.Entry<Classification> e = Lexicon.FOREIGN_LEVEL.get(level);
        if (e == null || n - levelWords < 1) {
            Span bad = e == null ? words.get(n - 1) : seg;
            throw SyntaxReader.error(e == null ? "unknown token " + bad.text() + " (expected a foreign classification)"
                    : "a foreign classification needs its owner code or FGI", bad.start());
        }
        List<Span> ownerSpans = words.subList(0, n - levelWords);
        boolean restricted = Lexicon.RESTRICTED_WORDS.contains(level);
        String canonical = restricted ? (r.portion() ? "R" : "RESTRICTED")
                : r.portion() ? e.value().portion() : e.value().banner();
        warnForm(r, e.form(), level, canonical);
        List<String> owners;
        if (ownerSpans.size() == 1 && ownerSpans.get(0).text().equals("FGI")) {
            owners = List.of("FGI");
        } else {
            for (Span o : ownerSpans) {
                if (o.text().equals("FGI") || o.text().equals("USA") || o.text().equals("NATO")) {
                    throw SyntaxReader.error(o.text().equals("NATO") ? "NATO information uses the NATO levels"
                            : o.text() + " cannot be listed with foreign owners", o.start());
                }
            }
            owners = codes(r, ownerSpans, "FGI");
        }
        r.type = ClassificationType.FGI;
        r.positions.put("FGI", seg.start());
        r.builder.type(ClassificationType.FGI, owners).level(e.value()).restricted(restricted);
    }

    /** Reads a space-separated list of codes, checking each against the vocabulary. */
    static List<String> codes(SyntaxReader r, List<Span> spans, String what) {
        List<String> out = new ArrayList<>();
        for (Span s : spans) {
            String c = s.text();
            if (!r.vocab().isKnownCode(c)) {
                throw SyntaxReader.error("unknown token " + c + " (not a country or tetragraph code)", s.start());
            }
            if (out.contains(c)) {
                throw SyntaxReader.error("duplicate token " + c, s.start());
            }
            out.add(c);
        }
        List<String> sorted = Codes.sortCountries(out, what);
        if (!sorted.equals(out)) {
            r.warnings.add("reordered " + what + " codes: " + String.join(" ", sorted));
        }
        return sorted;
    }

    private static void warnForm(SyntaxReader r, Lexicon.Form form, String written, String canonical) {
        boolean wrong = r.portion() ? form != Lexicon.Form.PORTION : form == Lexicon.Form.PORTION;
        if (wrong) {
            r.warnings.add(r.portion() ? "classification '" + written + "' abbreviated in a portion mark"
                    : "abbreviated classification '" + written + "' spelled out in a banner line"
                            + (canonical == null ? "" : " as '" + canonical + "'"));
        }
    }
}

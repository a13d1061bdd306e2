package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads SCI category values: control systems (titles mapped), compartments and sub-compartments. */
final class SciReader {

    private final SyntaxReader r;
    private final List<String> sciInputOrder = new ArrayList<>();
    private final Map<String, SciControl> sci = new LinkedHashMap<>();

    SciReader(SyntaxReader r) {
        this.r = r;
    }

    void finish() {
        if (!sci.isEmpty()) {
            sci.values().forEach(r.builder::sci);
            List<String> canonical = new ArrayList<>();
            sci.values().stream().sorted().forEach(c -> canonical.addAll(c.tokens()));
            if (!canonical.equals(sciInputOrder)) {
                r.warnings.add("reordered SCI controls into canonical order");
            }
        }
    }

    /** @return the SCI control system a value starts with (after title mapping), or null */
    static String sciSystemOf(Vocabulary vocab, String v) {
        String mapped = mapTitle(vocab, v);
        int end = 0;
        while (end < mapped.length() && mapped.charAt(end) != '-' && mapped.charAt(end) != ' ') {
            end++;
        }
        String sys = mapped.substring(0, end);
        return vocab.sciSystem(sys) == null ? null : sys;
    }

    private static String mapTitle(Vocabulary vocab, String v) {
        for (Map.Entry<String, String> e : vocab.sciTitles().entrySet()) {
            String t = e.getKey();
            if (v.startsWith(t) && (v.length() == t.length() || v.charAt(t.length()) == '-'
                    || v.charAt(t.length()) == ' ')) {
                return e.getValue() + v.substring(t.length());
            }
        }
        return v;
    }

    void read(Span v) {
        String text = v.text();
        if (text.equals("ECI") || text.startsWith("ECI ")) {
            throw SyntaxReader.error("type indicator ECI is not allowed in the SCI category", v.start());
        }
        String mapped = mapTitle(r.vocab(), text);
        int shift = text.length() - mapped.length();
        if (!mapped.equals(text)) {
            r.warnings.add("SCI title in '" + text + "' written as '" + mapped + "'");
        }
        String[] parts = mapped.split("-", -1);
        String system = parts[0];
        Vocabulary.SciSystem known = r.vocab().sciSystem(system);
        int at = v.start();
        if (known == null) {
            throw SyntaxReader.error("unknown token " + system
                    + " (SCI control system neither published nor in the local registry)", at);
        }
        if (system.contains(" ")) {
            throw SyntaxReader.error("sub-compartment without a compartment in " + system, at);
        }
        if (known.status() == Vocabulary.Status.DEPRECATED) {
            r.warnings.add("deprecated SCI control system " + system);
        }
        r.positions.put("SCI:" + system, at);
        sciInputOrder.add(system);
        List<SciCompartment> comps = new ArrayList<>();
        int offset = system.length();
        for (int i = 1; i < parts.length; i++) {
            int compPos = v.pos(Math.max(0, Math.min(text.length() - 1, offset + 1 + shift)));
            String[] words = parts[i].split(" ", -1);
            String name = compartmentName(system, words[0]);
            checkIdentifier(known, name, words[0], compPos, "compartment");
            r.positions.put("SCI:" + system + "-" + name, compPos);
            sciInputOrder.add(system + "-" + name);
            List<String> subs = new ArrayList<>();
            for (int w = 1; w < words.length; w++) {
                checkIdentifier(null, words[w], words[w], compPos, "sub-compartment");
                if (subs.contains(words[w])) {
                    throw SyntaxReader.error("duplicate token " + words[w], compPos);
                }
                subs.add(words[w]);
                sciInputOrder.add(system + "-" + name + "-" + words[w]);
            }
            for (SciCompartment c : comps) {
                if (c.name().equals(name)) {
                    throw SyntaxReader.error("duplicate token " + system + "-" + name, compPos);
                }
            }
            comps.add(new SciCompartment(name, subs));
            offset += 1 + parts[i].length();
        }
        SciControl control = new SciControl(system, comps);
        SciControl prior = sci.get(system);
        if (prior != null) {
            r.warnings.add("merged repeated SCI control system " + system);
            control = prior.merge(control);
        }
        sci.put(system, control);
    }

    private String compartmentName(String system, String written) {
        String title = r.vocab().sciTitles().get(system + "-" + written);
        if (title != null && title.startsWith(system + "-")) {
            r.warnings.add("SCI compartment title " + written + " written as " + title);
            return title.substring(system.length() + 1);
        }
        return written;
    }

    private static void checkIdentifier(Vocabulary.SciSystem known, String id, String written, int pos, String what) {
        if (!Codes.isIdentifier(id)) {
            throw SyntaxReader.error(id.isEmpty() ? "empty SCI " + what : "invalid SCI " + what + " " + written, pos);
        }
        boolean published = known != null && known.compartments().contains(id);
        if (id.length() > 6 && !published) {
            throw SyntaxReader.error("SCI " + what + " " + id + " longer than 6 characters", pos);
        }
    }

}

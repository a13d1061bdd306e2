package io.sextant.appliance.analysis;

import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.grounding.Analyst;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compare two documents: align their sentences by lexical similarity and report what changed between aligned
 * sentences (numbers, names, dates and other words), what only the first has (removed) and what only the second
 * has (added), each as a fact or a judgement (estimative language), citing both documents.
 */
final class Comparison {

    static final double ALIGNED = 0.3;
    static final int MAX_SENTENCES = 3000;
    static final int MAX_ITEMS = 60;

    private record Line(String text, Set<String> words, Evidence passage) {
    }

    private final Workbench bench;
    private final AnalysisService service;

    Comparison(Workbench bench, AnalysisService service) {
        this.bench = bench;
        this.service = service;
    }

    Product compare(Analyst analyst, String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            throw AnalysisException.badInput("give two document ids");
        }
        service.documentText(analyst, a);
        service.documentText(analyst, b);
        List<Line> la = lines(bench.corpus.documentPassages(analyst.clearance(), a));
        List<Line> lb = lines(bench.corpus.documentPassages(analyst.clearance(), b));
        Product p = new Product("compare");
        boolean[] matchedB = new boolean[lb.size()];
        int changed = 0;
        int removed = 0;
        int added = 0;
        for (Line x : la) {
            int best = -1;
            double sim = 0;
            for (int j = 0; j < lb.size(); j++) {
                double s = jaccard(x.words(), lb.get(j).words());
                if (s > sim) {
                    sim = s;
                    best = j;
                }
            }
            if (best >= 0 && sim >= ALIGNED) {
                matchedB[best] = true;
                Line y = lb.get(best);
                if (x.words().equals(y.words()) && Text.numbers(x.text()).equals(Text.numbers(y.text()))) {
                    continue;
                }
                if (changed++ < MAX_ITEMS) {
                    p.add("changed", "Changed " + kind(x.text(), y.text()) + ": the first document says \""
                            + x.text() + "\"; the second says \"" + y.text() + "\" (" + differences(x, y) + ").",
                            List.of(x.passage(), y.passage()), fields("changed", x, y));
                }
            } else if (removed++ < MAX_ITEMS) {
                p.add("removed", "Only in the first document (" + kind(x.text(), "") + "): \"" + x.text() + "\".",
                        List.of(x.passage()), fields("removed", x, null));
            }
        }
        for (int j = 0; j < lb.size(); j++) {
            Line y = lb.get(j);
            if (matchedB[j]) {
                continue;
            }
            double sim = 0;
            for (Line x : la) {
                sim = Math.max(sim, jaccard(x.words(), y.words()));
            }
            if (sim < ALIGNED && added++ < MAX_ITEMS) {
                p.add("added", "Only in the second document (" + kind(y.text(), "") + "): \"" + y.text() + "\".",
                        List.of(y.passage()), fields("added", null, y));
            }
        }
        if (changed > MAX_ITEMS || removed > MAX_ITEMS || added > MAX_ITEMS) {
            p.notice("only the first " + MAX_ITEMS + " differences of each kind are listed");
        }
        p.summary().put("documentA", a);
        p.summary().put("documentB", b);
        p.summary().put("changed", changed);
        p.summary().put("removed", removed);
        p.summary().put("added", added);
        return p;
    }

    private static Map<String, Object> fields(String change, Line a, Line b) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("change", change);
        f.put("kind", kind(a == null ? "" : a.text(), b == null ? "" : b.text()));
        if (a != null) {
            f.put("passageA", a.passage().passageId());
        }
        if (b != null) {
            f.put("passageB", b.passage().passageId());
        }
        return f;
    }

    private static String kind(String a, String b) {
        return Text.found(a, Text.ESTIMATIVE).isEmpty() && Text.found(b, Text.ESTIMATIVE).isEmpty() ? "fact"
                : "judgement";
    }

    private static String differences(Line a, Line b) {
        List<String> out = new ArrayList<>();
        Set<String> na = Text.numbers(a.text());
        Set<String> nb = Text.numbers(b.text());
        if (!na.equals(nb)) {
            out.add("numbers " + na + " → " + nb);
        }
        Set<String> ma = Text.names(a.text());
        Set<String> mb = Text.names(b.text());
        if (!ma.equals(mb)) {
            out.add("names " + ma + " → " + mb);
        }
        if (Text.negated(a.text()) != Text.negated(b.text())) {
            out.add("negation differs");
        }
        Set<String> only = new LinkedHashSet<>(a.words());
        only.removeAll(b.words());
        Set<String> onlyB = new LinkedHashSet<>(b.words());
        onlyB.removeAll(a.words());
        if (!only.isEmpty() || !onlyB.isEmpty()) {
            out.add("words " + only + " → " + onlyB);
        }
        return out.isEmpty() ? "wording" : String.join("; ", out);
    }

    private static List<Line> lines(List<Evidence> passages) {
        List<Line> out = new ArrayList<>();
        for (Evidence e : passages) {
            for (String s : Text.sentences(e.text())) {
                Set<String> w = Text.words(s);
                if (w.size() >= 3 && out.size() < MAX_SENTENCES) {
                    out.add(new Line(s, w, e));
                }
            }
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String w : a) {
            if (b.contains(w)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
    }
}

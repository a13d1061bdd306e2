package io.sextant.appliance.analysis;

import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.grounding.Analyst;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Red cell: argue the opposing case of a plan or assessment from the same sources — the ways it may fail (passages
 * that disagree with a statement of the plan, or report risks it does not address), the assumptions that carry it,
 * and the indicators that would show the red case happening. Every point cites its passages.
 */
final class RedCell {

    static final int MAX_STATEMENTS = 20;
    static final int MAX_POINTS = 8;
    private static final List<String> RISK = List.of("fail", "failed", "delay", "delayed", "shortage", "weather",
            "attack", "resist", "resistance", "disrupt", "oppose", "risk", "threat", "vulnerable", "sustained",
            "deployment", "reinforce", "reinforced", "blocked", "damaged", "escalation", "border", "ambush");
    private static final List<String> ASSUMPTION = List.of("will", "expect", "expected", "assume", "assumes",
            "should", "likely", "probably", "depends", "if", "unless", "must", "can", "only", "remain", "remains");
    private static final List<String> ACTIVITY = List.of("moved", "deployed", "massed", "mobilized", "followed",
            "left", "arrived", "announced", "ended", "increased", "reinforced", "withdrew", "headed", "crossed",
            "launched", "sailed", "convoy", "movement");

    private final Workbench bench;

    RedCell(Workbench bench) {
        this.bench = bench;
    }

    Product argue(Analyst analyst, String text, Scope scope) {
        List<String> statements = ReportEvaluator.claims(text);
        if (statements.isEmpty()) {
            throw AnalysisException.badInput("give a plan or assessment with at least one statement");
        }
        Product p = new Product("redcell");
        if (statements.size() > MAX_STATEMENTS) {
            p.notice("only the first " + MAX_STATEMENTS + " statements were examined");
            statements = statements.subList(0, MAX_STATEMENTS);
        }
        List<Object[]> failures = new ArrayList<>();
        List<Object[]> assumptions = new ArrayList<>();
        List<Object[]> indicators = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String st : statements) {
            List<Evidence> evidence = bench.corpus.evidence(analyst.clearance(), st, scope, 4);
            Evidence best = null;
            String bestSentence = "";
            double cover = 0;
            for (Evidence e : evidence) {
                String s = Text.bestSentence(e.text(), st);
                double c = Text.coverage(st, s);
                if (c > cover) {
                    cover = c;
                    best = e;
                    bestSentence = s;
                }
                String why = c >= 0.3 ? Text.disagreement(st, s) : "";
                if (!why.isEmpty() && used.add("f" + s)) {
                    failures.add(new Object[] {"The plan holds that \"" + st + "\", but a source says \"" + s
                            + "\" (" + why + "): if the source is right, the plan fails here.", e});
                }
                for (String sentence : Text.sentences(e.text())) {
                    if (!Text.found(sentence, RISK).isEmpty() && Text.coverage(st, sentence) < 0.6
                            && used.add("r" + sentence)) {
                        failures.add(new Object[] {"A risk the plan does not address: \"" + sentence + "\" ("
                                + String.join(", ", Text.found(sentence, RISK)) + ").", e});
                    }
                    if (!Text.found(sentence, ACTIVITY).isEmpty() && used.add("i" + sentence)) {
                        indicators.add(new Object[] {"Watch for a repeat or escalation of: \"" + sentence
                                + "\" — it would show the red case is happening.", e});
                    }
                }
            }
            if (!Text.found(st, ASSUMPTION).isEmpty()) {
                if (best != null && cover >= 0.2) {
                    assumptions.add(new Object[] {"Key assumption: \"" + st + "\". The nearest source says \""
                            + Text.clip(bestSentence, 240) + "\"; if the assumption does not hold, the judgement "
                            + "falls with it.", best});
                } else {
                    assumptions.add(new Object[] {"Key assumption: \"" + st + "\". No source you may see bears it "
                            + "out: it carries the judgement unsupported.", null});
                }
            }
        }
        if (bench.modelled()) {
            teamB(analyst, text, scope, p);
        }
        add(p, "ways it may fail", failures);
        add(p, "key assumptions", assumptions);
        add(p, "indicators", indicators);
        p.summary().put("waysItMayFail", Math.min(MAX_POINTS, failures.size()));
        p.summary().put("keyAssumptions", Math.min(MAX_POINTS, assumptions.size()));
        p.summary().put("indicators", Math.min(MAX_POINTS, indicators.size()));
        return p;
    }

    /**
     * With a model loaded: the Team-B case in prose, written through the grounded writer (its citations checked and
     * the text guarded on its own first, so a refused narrative leaves a notice and the cited points stand).
     */
    private void teamB(Analyst analyst, String text, Scope scope, Product p) {
        List<Evidence> evidence = bench.corpus.evidence(analyst.clearance(), text, scope, 6);
        if (evidence.isEmpty()) {
            return;
        }
        io.sextant.appliance.grounding.GroundedWriter writer = new io.sextant.appliance.grounding.GroundedWriter(
                bench.engines, bench.guard, bench.clock);
        var request = new io.sextant.appliance.grounding.GroundedWriter.Request("You are the red cell (Team B). "
                + "Argue against the plan below from the numbered passages only: how it may fail, which assumptions "
                + "carry it, what would show the opposing case is happening. Cite passages as [n].", List.of(),
                "The plan or assessment:\n" + text, evidence,
                io.sextant.inference.GenerationSettings.DEFAULTS.withMaxTokens(300).withTemperature(0.3));
        var written = writer.write(analyst, request, io.sextant.inference.TokenSink.DISCARD,
                io.sextant.inference.Cancellation.create());
        if (written instanceof io.sextant.appliance.grounding.GroundedWriter.Product gp) {
            for (var mp : gp.product().paragraphs()) {
                List<Evidence> cited = evidence.stream().filter(e -> mp.sourceIds().contains(e.passageId())).toList();
                String plain = mp.text().replaceAll("\\s*\\[\\d+]", "").strip();
                if (!plain.isEmpty() && !cited.isEmpty()) {
                    p.add("team B case", plain, cited, Map.of());
                }
            }
        } else {
            p.notice("the model's Team-B narrative was not usable ("
                    + (written instanceof io.sextant.appliance.grounding.GroundedWriter.Refused r
                            ? r.refusal().message() : "nothing was written") + "); the cited points stand");
        }
    }

    private static void add(Product p, String section, List<Object[]> points) {
        for (int i = 0; i < Math.min(MAX_POINTS, points.size()); i++) {
            Object[] pt = points.get(i);
            p.add(section, (String) pt[0], pt[1] == null ? List.of() : List.of((Evidence) pt[1]),
                    Map.of("point", i + 1));
        }
        if (points.isEmpty()) {
            p.add(section, "No " + section + " found in the sources you may see.", List.of(), Map.of());
        }
    }
}

package io.sextant.appliance.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.grounding.Analyst;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Analysis of competing hypotheses: the evidence retrieved for every hypothesis (as the analyst) in columns, each
 * hypothesis rated against each item, scored by weighted inconsistencies; the least inconsistent hypothesis is
 * highlighted. The matrix is stored so the analyst can change a rating; every view re-reads the passages as the
 * analyst and guards again.
 */
final class Ach {

    /** The ratings a cell may take. */
    static final List<String> RATINGS = List.of("consistent", "inconsistent", "not_applicable");
    static final int MAX_EVIDENCE = 12;
    private static final int K = 4;
    private static final String TASK = "You rate one hypothesis against numbered evidence passages, as in an "
            + "analysis of competing hypotheses. Answer with JSON only: for each passage eN, consistent, "
            + "inconsistent or not_applicable.";

    private final Workbench bench;
    private final AchStore store;

    Ach(Workbench bench, AchStore store) {
        this.bench = bench;
        this.store = store;
    }

    Product create(Analyst analyst, List<String> hypotheses, Scope scope) {
        List<String> hs = hypotheses.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        if (hs.size() < 2 || hs.size() > 6) {
            throw AnalysisException.badInput("give between 2 and 6 hypotheses (got " + hs.size() + ")");
        }
        List<Evidence> evidence = new ArrayList<>();
        for (String h : hs) {
            for (Evidence e : bench.corpus.evidence(analyst.clearance(), h, scope, K)) {
                if (evidence.size() < MAX_EVIDENCE
                        && evidence.stream().noneMatch(x -> x.passageId().equals(e.passageId()))) {
                    evidence.add(e);
                }
            }
        }
        Product notices = new Product("ach");
        List<List<String>> ratings = new ArrayList<>();
        List<List<Boolean>> edited = new ArrayList<>();
        for (int h = 0; h < hs.size(); h++) {
            List<String> row = new ArrayList<>();
            for (Evidence e : evidence) {
                row.add(heuristic(hs.get(h), e));
            }
            if (bench.modelled() && !evidence.isEmpty()) {
                Optional<JsonNode> j = bench.structured(TASK, "Hypothesis: " + hs.get(h), evidence,
                        schema(evidence.size()), 16 + 12 * evidence.size(), n -> validate(n, row.size()),
                        "hypothesis " + (h + 1), notices);
                if (j.isPresent()) {
                    for (int e = 0; e < row.size(); e++) {
                        row.set(e, j.get().get("e" + (e + 1)).asText());
                    }
                }
            }
            ratings.add(row);
            edited.add(new ArrayList<>(java.util.Collections.nCopies(row.size(), false)));
        }
        AchStore.Matrix m = new AchStore.Matrix(hs, evidence.stream().map(Evidence::passageId).toList(), ratings,
                edited);
        String id = UUID.randomUUID().toString();
        store.save(id, analyst.username(), m);
        notices.storedId(id);
        return render(analyst, m, notices);
    }

    /**
     * Changes one rating and re-scores.
     *
     * @throws AnalysisException 404 for a matrix that is not the analyst's, 400 for a bad cell or rating
     */
    Product edit(Analyst analyst, String id, int hypothesis, int evidence, String rating) {
        AchStore.Matrix m = load(analyst, id);
        if (!RATINGS.contains(rating)) {
            throw AnalysisException.badInput("rating must be one of " + RATINGS);
        }
        if (hypothesis < 1 || hypothesis > m.hypotheses().size() || evidence < 1
                || evidence > m.evidence().size()) {
            throw AnalysisException.badInput("no cell H" + hypothesis + " × E" + evidence);
        }
        m.ratings().get(hypothesis - 1).set(evidence - 1, rating);
        m.edited().get(hypothesis - 1).set(evidence - 1, true);
        store.save(id, analyst.username(), m);
        return render(analyst, m, new Product("ach"));
    }

    Product view(Analyst analyst, String id) {
        return render(analyst, load(analyst, id), new Product("ach"));
    }

    private AchStore.Matrix load(Analyst analyst, String id) {
        return store.load(id, analyst.username()).orElseThrow(() -> new AnalysisException(404, "no such matrix"));
    }

    private Product render(Analyst analyst, AchStore.Matrix m, Product p) {
        List<Evidence> columns = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int e = 0; e < m.evidence().size(); e++) {
            Optional<Evidence> ev = bench.corpus.passage(analyst.clearance(), m.evidence().get(e));
            if (ev.isPresent()) {
                columns.add(ev.get());
                kept.add(e);
            }
        }
        if (kept.size() < m.evidence().size()) {
            p.notice((m.evidence().size() - kept.size()) + " evidence item(s) are no longer available to you and "
                    + "were left out of the matrix");
        }
        for (int c = 0; c < columns.size(); c++) {
            Evidence e = columns.get(c);
            p.add("evidence", "E" + (kept.get(c) + 1) + ": \"" + Text.clip(Text.bestSentence(e.text(),
                    String.join(" ", m.hypotheses())), 300) + "\"", List.of(e), Map.of("evidence", kept.get(c) + 1));
        }
        int hs = m.hypotheses().size();
        double[] weighted = new double[hs];
        int[] inconsistent = new int[hs];
        int[] consistent = new int[hs];
        List<List<Map<String, Object>>> cells = new ArrayList<>();
        for (int h = 0; h < hs; h++) {
            List<Map<String, Object>> row = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                int e = kept.get(c);
                String rating = m.ratings().get(h).get(e);
                boolean edited = m.edited().get(h).get(e);
                Evidence ev = columns.get(c);
                double relevance = Text.coverage(m.hypotheses().get(h), Text.bestSentence(ev.text(),
                        m.hypotheses().get(h)));
                if (rating.equals("inconsistent")) {
                    inconsistent[h]++;
                    weighted[h] += 1 + relevance;
                } else if (rating.equals("consistent")) {
                    consistent[h]++;
                }
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("hypothesis", h + 1);
                f.put("evidence", e + 1);
                f.put("rating", rating);
                f.put("edited", edited);
                p.add("cells", "H" + (h + 1) + " × E" + (e + 1) + ": " + rating.replace('_', ' ')
                        + (edited ? " (set by the analyst)" : ""), List.of(ev), f);
                Map<String, Object> cell = new LinkedHashMap<>(f);
                cell.put("citation", p.cite(ev));
                row.add(cell);
            }
            cells.add(row);
        }
        int least = 0;
        for (int h = 1; h < hs; h++) {
            if (weighted[h] < weighted[least] - 1e-9
                    || (Math.abs(weighted[h] - weighted[least]) < 1e-9 && consistent[h] > consistent[least])) {
                least = h;
            }
        }
        List<Map<String, Object>> hyps = new ArrayList<>();
        for (int h = 0; h < hs; h++) {
            double w = Math.round(weighted[h] * 100) / 100.0;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("hypothesis", h + 1);
            f.put("inconsistent", inconsistent[h]);
            f.put("consistent", consistent[h]);
            f.put("weighted", w);
            f.put("least", h == least);
            hyps.add(new LinkedHashMap<>(f));
            p.add("hypotheses", String.format(Locale.ROOT, "H%d: %s — %d inconsistent (weighted %.2f), "
                    + "%d consistent%s", h + 1, m.hypotheses().get(h), inconsistent[h], w, consistent[h],
                    h == least ? "; the least inconsistent hypothesis" : ""), List.of(), f);
            hyps.getLast().put("text", m.hypotheses().get(h));
        }
        p.summary().put("hypotheses", hyps);
        p.summary().put("evidence", kept.stream().map(e -> e + 1).toList());
        p.summary().put("cells", cells);
        p.summary().put("leastInconsistent", least + 1);
        return p;
    }

    static String heuristic(String hypothesis, Evidence e) {
        String s = Text.bestSentence(e.text(), hypothesis);
        double c = Text.coverage(hypothesis, s);
        if (c < 0.2) {
            return "not_applicable";
        }
        return Text.disagreement(hypothesis, s).isEmpty() ? "consistent" : "inconsistent";
    }

    static String schema(int n) {
        StringBuilder props = new StringBuilder();
        StringBuilder req = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            props.append(i > 1 ? "," : "").append("\"e").append(i)
                    .append("\":{\"type\":\"string\",\"enum\":[\"consistent\",\"inconsistent\",\"not_applicable\"]}");
            req.append(i > 1 ? "," : "").append("\"e").append(i).append('"');
        }
        return "{\"type\":\"object\",\"properties\":{" + props + "},\"required\":[" + req
                + "],\"additionalProperties\":false}";
    }

    static String validate(JsonNode n, int k) {
        for (int i = 1; i <= k; i++) {
            JsonNode v = n.get("e" + i);
            if (v == null || !v.isTextual() || !RATINGS.contains(v.asText())) {
                return "e" + i + " is not one of " + RATINGS;
            }
        }
        return n.size() == k ? null : "unexpected fields";
    }
}

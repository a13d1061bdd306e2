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
import java.util.Set;

/**
 * Evaluate a report: split it into claims, look for each claim in the passages the analyst may see, and say whether
 * the corpus supports it, contradicts it or is silent, with citations; flag estimative judgements without support,
 * loaded language and missing sourcing; score the whole.
 */
final class ReportEvaluator {

    /** The verdicts a claim may get. */
    static final List<String> VERDICTS = List.of("supported", "contradicted", "not_found");
    static final int MAX_CLAIMS = 40;
    private static final int K = 4;
    static final String SCHEMA = """
            {"type":"object","properties":{"verdict":{"type":"string","enum":["supported","contradicted","not_found"]},
            "citations":{"type":"array","items":{"type":"integer"},"maxItems":3}},
            "required":["verdict","citations"],"additionalProperties":false}""";
    private static final String TASK = "You check one claim of an intelligence report against numbered source "
            + "passages. Answer with JSON only: verdict supported (a passage states it), contradicted (a passage "
            + "states otherwise) or not_found, and the numbers of the passages that support or contradict it.";

    private final Workbench bench;

    ReportEvaluator(Workbench bench) {
        this.bench = bench;
    }

    /** A heuristic verdict: the verdict, the passage it rests on, and why. */
    private record Verdict(String verdict, Evidence evidence, String sentence, String reason) {
    }

    Product evaluate(Analyst analyst, String text, Scope scope) {
        List<String> claims = claims(text);
        if (claims.isEmpty()) {
            throw AnalysisException.badInput("the report has no claims to evaluate (no sentences with assertions)");
        }
        Product p = new Product("evaluate");
        if (claims.size() > MAX_CLAIMS) {
            p.notice("only the first " + MAX_CLAIMS + " of " + claims.size() + " claims were evaluated");
            claims = claims.subList(0, MAX_CLAIMS);
        }
        int supported = 0;
        int contradicted = 0;
        int notFound = 0;
        int flagged = 0;
        for (int i = 0; i < claims.size(); i++) {
            String claim = claims.get(i);
            List<Evidence> evidence = bench.corpus.evidence(analyst.clearance(), claim, scope, K);
            Verdict v = heuristic(claim, evidence);
            String verdict = v.verdict();
            List<Evidence> cites = v.evidence() == null ? List.of() : List.of(v.evidence());
            if (bench.modelled() && !evidence.isEmpty()) {
                Optional<JsonNode> j = bench.structured(TASK, "Claim: " + claim, evidence, SCHEMA, 48,
                        n -> validate(n, evidence.size()), "claim " + (i + 1), p);
                if (j.isPresent()) {
                    verdict = j.get().get("verdict").asText();
                    List<Evidence> mc = new ArrayList<>();
                    for (JsonNode c : j.get().get("citations")) {
                        Evidence e = evidence.get(c.asInt() - 1);
                        if (!mc.contains(e)) {
                            mc.add(e);
                        }
                    }
                    cites = verdict.equals("not_found") ? List.of() : mc;
                }
            }
            List<String> flags = flags(claim, verdict);
            switch (verdict) {
                case "supported" -> supported++;
                case "contradicted" -> contradicted++;
                default -> notFound++;
            }
            if (!flags.isEmpty()) {
                flagged++;
            }
            StringBuilder sb = new StringBuilder("Claim ").append(i + 1).append(": \"").append(claim).append("\" — ")
                    .append(verdict.replace('_', ' '));
            if (!cites.isEmpty()) {
                String quote = Text.bestSentence(cites.getFirst().text(), claim);
                sb.append(verdict.equals("contradicted") ? "; the source says: \"" : "; the source: \"")
                        .append(Text.clip(quote, 300)).append('"');
            }
            if (!flags.isEmpty()) {
                sb.append(". Flags: ").append(String.join("; ", flags));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("claim", claim);
            fields.put("verdict", verdict);
            fields.put("flags", flags);
            if (!v.reason().isEmpty() && !bench.modelled()) {
                fields.put("reason", v.reason());
            }
            p.add("claims", sb.toString(), cites, fields);
        }
        int n = claims.size();
        int score = (int) Math.round(100.0 * (supported - contradicted - 0.25 * flagged + 0.0) / n);
        score = Math.max(0, Math.min(100, score));
        Map<String, Object> s = p.summary();
        s.put("claims", n);
        s.put("supported", supported);
        s.put("contradicted", contradicted);
        s.put("notFound", notFound);
        s.put("flagged", flagged);
        s.put("score", score);
        p.add("summary", String.format(Locale.ROOT, "Score %d/100: of %d claims, %d supported, %d contradicted, "
                + "%d not found in the sources you may see; %d flagged.", score, n, supported, contradicted,
                notFound, flagged), List.of(), Map.of("score", score));
        return p;
    }

    static String validate(JsonNode n, int k) {
        JsonNode v = n.get("verdict");
        if (v == null || !v.isTextual() || !VERDICTS.contains(v.asText())) {
            return "verdict is not one of " + VERDICTS;
        }
        String c = Workbench.citationsProblem(n, "citations", k);
        if (c != null) {
            return c;
        }
        if (!v.asText().equals("not_found") && n.get("citations").isEmpty()) {
            return "a " + v.asText() + " verdict cites no passage";
        }
        return null;
    }

    /** @return the sentences that assert something: five content words or more, not questions or headings */
    static List<String> claims(String text) {
        List<String> out = new ArrayList<>();
        for (String s : Text.sentences(text)) {
            if (s.endsWith("?") || Text.words(s).size() < 4 || s.equals(s.toUpperCase(Locale.ROOT))) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    private static Verdict heuristic(String claim, List<Evidence> evidence) {
        Evidence best = null;
        String bestSentence = "";
        double bestCover = 0;
        for (Evidence e : evidence) {
            String s = Text.bestSentence(e.text(), claim);
            double c = Text.coverage(claim, s);
            if (c > bestCover) {
                bestCover = c;
                best = e;
                bestSentence = s;
            }
        }
        if (best == null || bestCover < 0.45) {
            return new Verdict("not_found", null, "", best == null ? "no passage retrieved"
                    : String.format(Locale.ROOT, "best passage covers %.0f%% of the claim", 100 * bestCover));
        }
        String why = Text.disagreement(claim, bestSentence);
        if (!why.isEmpty()) {
            return new Verdict("contradicted", best, bestSentence, why);
        }
        return new Verdict("supported", best, bestSentence, String.format(Locale.ROOT,
                "the passage covers %.0f%% of the claim", 100 * bestCover));
    }

    /** @return the claim's flags: unsupported judgement, loaded language, missing sourcing */
    static List<String> flags(String claim, String verdict) {
        List<String> flags = new ArrayList<>();
        boolean supported = verdict.equals("supported");
        List<String> estimative = Text.found(claim, Text.ESTIMATIVE);
        if (!estimative.isEmpty() && !supported) {
            flags.add("unsupported judgement (" + String.join(", ", estimative) + ")");
        }
        List<String> loaded = Text.found(claim, Text.LOADED);
        if (!loaded.isEmpty()) {
            flags.add("loaded language (" + String.join(", ", loaded) + ")");
        }
        if (!supported && Text.found(claim, Text.SOURCING).isEmpty() && !claim.matches(".*\\[\\d+].*")) {
            flags.add("missing sourcing");
        }
        return flags;
    }

    static Set<String> verdicts() {
        return Set.copyOf(VERDICTS);
    }
}

package io.sextant.appliance.analysis;

import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.grounding.Analyst;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PIR support: triage existing requirements (group near-duplicates, flag the ones the corpus already answers, with
 * the evidence) and propose new priority intelligence requirements for a topic — each with indicators, specific
 * information requirements and the latest time information is of value — from the passages the analyst may see.
 */
final class PirSupport {

    static final double DUPLICATE = 0.5;
    static final double ANSWERED = 0.6;
    static final int MAX_PROPOSALS = 3;

    static final String SCHEMA = """
            {"type":"object","properties":{"status":{"type":"string","enum":["answered","open"]},
            "citations":{"type":"array","items":{"type":"integer"},"maxItems":3}},
            "required":["status","citations"],"additionalProperties":false}""";
    private static final String TASK = "You triage one intelligence requirement against numbered source passages. "
            + "Answer with JSON only: status answered (a passage answers it; cite it) or open.";

    private final Workbench bench;

    PirSupport(Workbench bench) {
        this.bench = bench;
    }

    Product support(Analyst analyst, String topic, List<String> requirements, int ltiovHours, Scope scope) {
        if ((topic == null || topic.isBlank()) && requirements.isEmpty()) {
            throw AnalysisException.badInput("give a topic or existing requirements");
        }
        if (ltiovHours < 1 || ltiovHours > 24 * 365) {
            throw AnalysisException.badInput("ltiovHours must be between 1 and 8760");
        }
        Product p = new Product("pir");
        int[] group = new int[requirements.size()];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
            for (int j = 0; j < i; j++) {
                if (nearDuplicates(requirements.get(i), requirements.get(j))) {
                    group[i] = group[j];
                    break;
                }
            }
        }
        int answered = 0;
        int groups = 0;
        for (int i = 0; i < requirements.size(); i++) {
            String r = requirements.get(i);
            List<Integer> dups = new ArrayList<>();
            for (int j = 0; j < requirements.size(); j++) {
                if (j != i && group[j] == group[i]) {
                    dups.add(j + 1);
                }
            }
            if (group[i] == i) {
                groups++;
            }
            Evidence best = null;
            String sentence = "";
            double cover = 0;
            List<Evidence> evidence = bench.corpus.evidence(analyst.clearance(), r, scope, 3);
            for (Evidence e : evidence) {
                String s = Text.bestSentence(e.text(), r);
                double c = Text.coverage(r, s);
                if (c > cover) {
                    cover = c;
                    best = e;
                    sentence = s;
                }
            }
            boolean isAnswered = best != null && cover >= ANSWERED;
            if (bench.modelled() && !evidence.isEmpty()) {
                var j = bench.structured(TASK, "Requirement: " + r, evidence, SCHEMA, 40,
                        n -> validate(n, evidence.size()), "requirement " + (i + 1), p);
                if (j.isPresent()) {
                    isAnswered = j.get().get("status").asText().equals("answered");
                    if (isAnswered) {
                        best = evidence.get(j.get().get("citations").get(0).asInt() - 1);
                        sentence = Text.bestSentence(best.text(), r);
                    }
                }
            }
            if (isAnswered) {
                answered++;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("requirement", i + 1);
            f.put("group", group[i] + 1);
            f.put("duplicates", dups);
            f.put("status", isAnswered ? "answered" : "open");
            StringBuilder sb = new StringBuilder("R").append(i + 1).append(": \"").append(r).append("\" — ")
                    .append(isAnswered ? "answered (consider retiring it); the source says \""
                            + Text.clip(sentence, 240) + "\"" : "open");
            if (!dups.isEmpty()) {
                sb.append("; near-duplicate of R").append(String.join(", R", dups.stream().map(String::valueOf)
                        .toList())).append(group[i] == i ? " (kept as the group's wording)" : " (merge)");
            }
            p.add("triage", sb.toString(), isAnswered ? List.of(best) : List.of(), f);
        }
        String ltiov = Instant.now(bench.clock).plus(ltiovHours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES)
                .toString();
        int proposals = topic == null || topic.isBlank() ? 0 : propose(analyst, topic, requirements, ltiov, scope, p);
        p.summary().put("requirements", requirements.size());
        p.summary().put("groups", groups);
        p.summary().put("answered", answered);
        p.summary().put("proposed", proposals);
        p.summary().put("ltiov", ltiov);
        return p;
    }

    static String validate(com.fasterxml.jackson.databind.JsonNode n, int k) {
        var st = n.get("status");
        if (st == null || !st.isTextual() || !List.of("answered", "open").contains(st.asText())) {
            return "status is not answered or open";
        }
        String c = Workbench.citationsProblem(n, "citations", k);
        if (c != null) {
            return c;
        }
        return st.asText().equals("answered") && n.get("citations").isEmpty() ? "an answered status cites no passage"
                : null;
    }

    /** Near-duplicates: most of the shorter one's content is in the longer, and a third of all is shared. */
    static boolean nearDuplicates(String a, String b) {
        double overlap = Math.max(Text.coverage(a, b), Text.coverage(b, a));
        return overlap >= DUPLICATE + 0.1 && Text.similarity(a, b) >= 0.3;
    }

    private int propose(Analyst analyst, String topic, List<String> existing, String ltiov, Scope scope,
            Product p) {
        List<Evidence> evidence = bench.corpus.evidence(analyst.clearance(), topic, scope, 8);
        if (evidence.isEmpty()) {
            p.notice("no passages you may see address the topic; no new PIRs are proposed");
            return 0;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            for (String n : Text.names(e.text())) {
                counts.merge(n, 1, Integer::sum);
            }
        }
        Set<String> covered = Text.words(String.join(" ", existing));
        List<String> subjects = counts.entrySet().stream()
                .filter(en -> !covered.containsAll(Text.words(en.getKey())))
                .sorted((x, y) -> y.getValue() - x.getValue()).map(Map.Entry::getKey).limit(MAX_PROPOSALS).toList();
        if (subjects.isEmpty()) {
            subjects = List.of(topic.strip());
        }
        int n = 0;
        for (String subject : subjects) {
            n++;
            List<Evidence> about = evidence.stream().filter(e -> e.text().contains(subject)).limit(3).toList();
            if (about.isEmpty()) {
                about = evidence.subList(0, Math.min(2, evidence.size()));
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("pir", n);
            f.put("ltiov", ltiov);
            p.add("proposed PIRs", String.format(Locale.ROOT, "PIR %d: What are the intentions, capabilities and "
                    + "next actions of %s concerning %s? LTIOV %s.", n, subject, topic.strip(), ltiov), about, f);
            int k = 0;
            for (Evidence e : about) {
                String s = Text.bestSentence(e.text(), subject + " " + topic);
                p.add("indicators", "PIR " + n + " indicator " + (++k) + ": a change from or repeat of \""
                        + Text.clip(s, 240) + "\".", List.of(e), Map.of("pir", n));
            }
            p.add("SIRs", "PIR " + n + " SIR 1: Where and when will " + subject + " next be reported active, and "
                    + "in what strength?", about.subList(0, 1), Map.of("pir", n));
            p.add("SIRs", "PIR " + n + " SIR 2: What has changed about " + subject + " since the reporting cited, "
                    + "and what does it show about intent?", about.subList(0, 1), Map.of("pir", n));
        }
        return n;
    }
}

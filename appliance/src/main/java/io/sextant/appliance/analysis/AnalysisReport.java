package io.sextant.appliance.analysis;

import io.sextant.appliance.web.Banner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow's guarded output: every paragraph portion-marked from the passages it cites, the banner (the roll-up of
 * every paragraph) and the authority block naming the requesting analyst.
 *
 * @param workflow   evaluate, ach, redcell, compare or pir
 * @param id         a stored result's id (an ACH matrix), or null
 * @param marking    the banner
 * @param paragraphs the marked paragraphs, in order
 * @param citations  every passage cited, by number
 * @param authority  the authority block's lines (empty when unclassified)
 * @param analyst    the requesting analyst, the accountable derivative classifier
 * @param engine     the engine that judged (extractive or a model)
 * @param notices    what the analyst should know (model output that did not validate, passages gone...)
 * @param summary    the workflow's structured summary (scores, counts, the matrix)
 */
public record AnalysisReport(String workflow, String id, String marking, List<Paragraph> paragraphs,
        List<Cite> citations, List<String> authority, String analyst, String engine, List<String> notices,
        Map<String, Object> summary) {

    /**
     * One marked paragraph.
     *
     * @param section     which part of the output it belongs to (e.g. claims, assumptions, added)
     * @param portionMark its portion mark, e.g. {@code (U)}
     * @param text        the text, with {@code [n]} citations
     * @param citations   the numbers it cites
     * @param fields      structured values (verdict, flags, ratings...)
     */
    public record Paragraph(String section, String portionMark, String text, List<Integer> citations,
            Map<String, Object> fields) {
        /** Freezes. */
        public Paragraph {
            citations = List.copyOf(citations);
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** @return the text without its trailing {@code [n]} markers (pages link the citations instead) */
        public String plain() {
            return text.replaceAll("(\\s*\\[\\d+])+$", "");
        }

        /** @return the text with its portion mark in front */
        public String marked() {
            return portionMark + " " + text;
        }
    }

    /** Freezes. */
    public AnalysisReport {
        paragraphs = List.copyOf(paragraphs);
        citations = List.copyOf(citations);
        authority = List.copyOf(authority);
        notices = List.copyOf(notices);
        summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    /** @return the banner with its colour, for pages */
    public Banner banner() {
        return Banner.of(marking);
    }

    /**
     * @param section a section name
     * @return the paragraphs of that section
     */
    public List<Paragraph> section(String section) {
        return paragraphs.stream().filter(p -> p.section().equals(section)).toList();
    }

    /** @return the report as a JSON-ready tree: banner first, links on every citation */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("marking", marking);
        m.put("workflow", workflow);
        if (id != null) {
            m.put("id", id);
        }
        m.put("paragraphs", paragraphs.stream().map(p -> {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("section", p.section());
            pm.put("portionMark", p.portionMark());
            pm.put("text", p.text());
            pm.put("citations", p.citations());
            pm.putAll(p.fields());
            return pm;
        }).toList());
        m.put("citations", citations.stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("number", c.number());
            cm.put("passageId", c.passageId());
            cm.put("documentId", c.documentId());
            cm.put("title", c.title());
            cm.put("place", c.place());
            cm.put("portionMark", c.portionMark());
            cm.put("link", c.link());
            return cm;
        }).toList());
        m.put("summary", summary);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("classifiedBy", analyst);
        a.put("lines", authority);
        m.put("authority", a);
        m.put("engine", engine);
        m.put("notices", notices);
        m.put("bannerBottom", marking);
        return m;
    }

    /** @return plain text: banner, marked paragraphs, citations, authority block, banner */
    public String render() {
        StringBuilder sb = new StringBuilder(marking).append("\n\n");
        String section = null;
        for (Paragraph p : paragraphs) {
            if (!p.section().equals(section)) {
                section = p.section();
                sb.append("## ").append(section).append("\n\n");
            }
            sb.append(p.marked()).append("\n\n");
        }
        if (!citations.isEmpty()) {
            sb.append("## Sources\n\n");
            for (Cite c : citations) {
                sb.append('[').append(c.number()).append("] ").append(c.portionMark()).append(' ')
                        .append(c.title()).append(", ").append(c.place()).append(" — ").append(c.link()).append('\n');
            }
            sb.append('\n');
        }
        for (String line : authority) {
            sb.append(line).append('\n');
        }
        if (!authority.isEmpty()) {
            sb.append('\n');
        }
        return sb.append(marking).append('\n').toString();
    }
}

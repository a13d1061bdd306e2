package io.sextant.appliance.analysis;

import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.output.GuardRequest;
import io.sextant.guard.output.GuardResult;
import io.sextant.guard.output.MarkedParagraph;
import io.sextant.guard.output.OutputGuard;
import io.sextant.guard.output.Paragraph;
import io.sextant.guard.output.Source;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow's output being assembled: passages numbered as they are first cited, paragraphs with the passages they
 * draw on. {@link #mark} runs the guard once over everything and yields the {@link AnalysisReport}.
 */
final class Product {

    private record Draft(String section, String text, List<Integer> cites, Map<String, Object> fields) {
    }

    private final String workflow;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final List<Evidence> cited = new ArrayList<>();
    private final List<Draft> drafts = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private String storedId;

    Product(String workflow) {
        this.workflow = workflow;
    }

    /** @return the passage's citation number, numbering it when first cited */
    int cite(Evidence e) {
        return numbers.computeIfAbsent(e.passageId(), id -> {
            cited.add(e);
            return cited.size();
        });
    }

    /**
     * Adds a paragraph.
     *
     * @param section  the output part
     * @param text     the text; {@code [n]} for each cited passage is appended
     * @param evidence the passages it draws on (empty: provenance unknown, marked at the roll-up of all cited)
     * @param fields   structured values
     */
    void add(String section, String text, List<Evidence> evidence, Map<String, Object> fields) {
        List<Integer> ns = new ArrayList<>();
        StringBuilder sb = new StringBuilder(text.strip());
        for (Evidence e : evidence) {
            int n = cite(e);
            if (!ns.contains(n)) {
                ns.add(n);
                sb.append(" [").append(n).append(']');
            }
        }
        drafts.add(new Draft(section, sb.toString(), ns, fields));
    }

    /** @return the id under which the result was stored, or null */
    String storedId() {
        return storedId;
    }

    void storedId(String id) {
        storedId = id;
    }

    void notice(String n) {
        notices.add(n);
    }

    Map<String, Object> summary() {
        return summary;
    }

    /**
     * Marks the product through the guard.
     *
     * @param analyst who asked, named as derivative classifier
     * @param guard   the output guard
     * @param today   the product date
     * @param engine  which engine judged
     * @param id      a stored result's id, or null
     * @return the report
     * @throws AnalysisException 403 when the guard refuses
     */
    AnalysisReport mark(Analyst analyst, OutputGuard guard, LocalDate today, String engine, String id) {
        if (drafts.isEmpty()) {
            drafts.add(new Draft("result", "Nothing to report: no passages you may see address the input.",
                    List.of(), Map.of()));
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Draft d : drafts) {
            List<String> ids = d.cites().stream().map(n -> cited.get(n - 1).passageId()).toList();
            paragraphs.add(ids.isEmpty() ? Paragraph.unknownProvenance(d.text()) : new Paragraph(d.text(), ids));
        }
        List<Source> offered = new ArrayList<>();
        for (Evidence e : cited) {
            offered.add(new Source(e.passageId(), e.sourceLabel(), e.marking(), null, date(e)));
        }
        GuardResult r;
        try {
            r = guard.review(new GuardRequest(paragraphs, offered, analyst.clearance(), analyst.person(), today));
        } catch (RuntimeException e) {
            r = GuardResult.Refusal.of(GuardResult.Reason.UNMARKABLE);
        }
        if (r instanceof GuardResult.Refusal refusal) {
            throw new AnalysisException(403, refusal.message());
        }
        GuardResult.MarkedProduct mp = (GuardResult.MarkedProduct) r;
        List<AnalysisReport.Paragraph> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            MarkedParagraph m = mp.paragraphs().get(i);
            out.add(new AnalysisReport.Paragraph(d.section(), MarkingFormatter.portion(m.marking()), m.text(),
                    d.cites(), d.fields()));
        }
        List<Cite> cites = new ArrayList<>();
        for (int i = 0; i < cited.size(); i++) {
            cites.add(Cite.of(i + 1, cited.get(i)));
        }
        List<String> authority = mp.authorityBlock() == null ? List.of() : mp.authorityBlock().lines();
        return new AnalysisReport(workflow, id, MarkingFormatter.banner(mp.banner()), out, cites, authority,
                analyst.username(), engine, notices, summary);
    }

    private static LocalDate date(Evidence e) {
        try {
            return e.date() == null || e.date().isBlank() ? null : LocalDate.parse(e.date());
        } catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }
}

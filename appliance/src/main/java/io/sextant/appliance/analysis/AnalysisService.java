package io.sextant.appliance.analysis;

import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.appliance.grounding.Engines;
import io.sextant.guard.output.OutputGuard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The analysis workflows behind the REST API, the pages and the CLI. Every run reads the corpus as the requesting
 * analyst, goes through the guard once over its whole output, and is audited as {@code ANALYSIS} (never with
 * document text: the subject names the workflow, the detail gives counts, the markings column the banner).
 */
public final class AnalysisService {

    private final Workbench bench;
    private final AchStore achStore;
    private final AuditLog audit;

    /**
     * @param corpus   where evidence comes from (read as the analyst)
     * @param engines  the engines (the extractive engine: heuristics judge; a model: JSON-schema constrained)
     * @param guard    the output guard
     * @param achStore where ACH matrices are kept
     * @param audit    the audit trail
     * @param clock    the products' clock
     */
    public AnalysisService(Corpus corpus, Engines engines, OutputGuard guard, AchStore achStore, AuditLog audit,
            Clock clock) {
        this.bench = new Workbench(corpus, engines, guard, clock);
        this.achStore = achStore;
        this.audit = audit;
    }

    /**
     * Evaluates a report given as text, or as a document the analyst may see.
     *
     * @param analyst    who asks
     * @param text       the report text (or null with a document id)
     * @param documentId a stored document to evaluate instead (only the passages the analyst may see)
     * @param scope      what the evidence may come from
     * @param remote     the client address for the audit row, or null
     * @return the guarded evaluation
     */
    public AnalysisReport evaluate(Analyst analyst, String text, String documentId, Scope scope, String remote) {
        return run(analyst, "evaluate", remote, () -> {
            String body = text;
            if ((body == null || body.isBlank()) && documentId != null && !documentId.isBlank()) {
                body = documentText(analyst, documentId);
            }
            if (body == null || body.isBlank()) {
                throw AnalysisException.badInput("give the report text or a document id");
            }
            return new ReportEvaluator(bench).evaluate(analyst, body, scope);
        }, null);
    }

    /**
     * Builds and stores an ACH matrix.
     *
     * @param analyst    who asks
     * @param hypotheses 2 to 6 hypotheses
     * @param scope      what the evidence may come from
     * @param remote     the client address, or null
     * @return the guarded matrix (its id lets the analyst edit cells)
     */
    public AnalysisReport ach(Analyst analyst, List<String> hypotheses, Scope scope, String remote) {
        String[] id = {null};
        return run(analyst, "ach", remote, () -> new Ach(bench, achStore).create(analyst, hypotheses, scope), id);
    }

    /**
     * Sets one cell of the analyst's matrix and re-scores it.
     *
     * @param analyst    the matrix's owner
     * @param id         the matrix
     * @param hypothesis the row, from 1
     * @param evidence   the column, from 1
     * @param rating     consistent, inconsistent or not_applicable
     * @param remote     the client address, or null
     * @return the guarded matrix
     */
    public AnalysisReport achEdit(Analyst analyst, String id, int hypothesis, int evidence, String rating,
            String remote) {
        return run(analyst, "ach edit " + id, remote,
                () -> new Ach(bench, achStore).edit(analyst, id, hypothesis, evidence, rating), new String[] {id});
    }

    /**
     * Argues the opposing case of a plan or assessment.
     *
     * @param analyst who asks
     * @param text    the plan or assessment
     * @param scope   what the sources may be
     * @param remote  the client address, or null
     * @return the guarded red-cell product
     */
    public AnalysisReport redCell(Analyst analyst, String text, Scope scope, String remote) {
        return run(analyst, "redcell", remote, () -> new RedCell(bench).argue(analyst, text == null ? "" : text,
                scope), null);
    }

    /**
     * Compares two documents the analyst may see.
     *
     * @param analyst who asks
     * @param a       the first document id
     * @param b       the second document id
     * @param remote  the client address, or null
     * @return the guarded differences
     */
    public AnalysisReport compare(Analyst analyst, String a, String b, String remote) {
        return run(analyst, "compare", remote, () -> new Comparison(bench, this).compare(analyst, a, b), null);
    }

    /**
     * Triages requirements and proposes new PIRs.
     *
     * @param analyst      who asks
     * @param topic        the topic for new PIRs (or null)
     * @param requirements existing requirements
     * @param ltiovHours   hours until information loses its value
     * @param scope        what the sources may be
     * @param remote       the client address, or null
     * @return the guarded triage and proposals
     */
    public AnalysisReport pir(Analyst analyst, String topic, List<String> requirements, int ltiovHours, Scope scope,
            String remote) {
        return run(analyst, "pir", remote, () -> new PirSupport(bench).support(analyst, topic, requirements,
                ltiovHours, scope), null);
    }

    /**
     * @param analyst the matrix's owner
     * @param id      the matrix
     * @return the guarded matrix, as the analyst may see it now
     */
    public AnalysisReport achView(Analyst analyst, String id) {
        return new Ach(bench, achStore).view(analyst, id).mark(analyst, bench.guard, LocalDate.now(bench.clock),
                bench.engineName(), id);
    }

    /**
     * @return the text of the document's passages the analyst may see
     * @throws AnalysisException 404 when the document's own marking is above the analyst's access or nothing of it
     *                           is visible (unknown and hidden look the same)
     */
    String documentText(Analyst analyst, String documentId) {
        boolean listed = bench.corpus.documents(analyst.clearance()).stream()
                .anyMatch(d -> String.valueOf(d.id()).equals(documentId));
        List<Evidence> passages = listed ? bench.corpus.documentPassages(analyst.clearance(), documentId) : List.of();
        if (passages.isEmpty()) {
            throw AnalysisException.noSuchDocument();
        }
        return passages.stream().map(Evidence::text).collect(Collectors.joining("\n\n"));
    }

    Workbench bench() {
        return bench;
    }

    AnalysisReport run(Analyst analyst, String workflow, String remote, Supplier<Product> work, String[] id) {
        try {
            Product p = work.get();
            String stored = id == null ? null : id[0];
            if (stored == null && workflow.equals("ach")) {
                stored = p.storedId();
            }
            AnalysisReport r = p.mark(analyst, bench.guard, LocalDate.now(bench.clock), bench.engineName(), stored);
            audit(analyst, workflow, Outcome.OK, r.paragraphs().size() + " paragraphs, " + r.citations().size()
                    + " citations, engine " + r.engine(), r.marking(), remote);
            return r;
        } catch (AnalysisException e) {
            audit(analyst, workflow, e.status() == 403 ? Outcome.DENIED : Outcome.FAILED, e.getMessage(), null,
                    remote);
            throw e;
        }
    }

    private void audit(Analyst analyst, String workflow, Outcome outcome, String detail, String markings,
            String remote) {
        if (audit != null) {
            audit.append(new AuditEvent(AuditEventType.ANALYSIS, outcome, analyst.username(), "analysis " + workflow,
                    detail, markings, remote));
        }
    }
}

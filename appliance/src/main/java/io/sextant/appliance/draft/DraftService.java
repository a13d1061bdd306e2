package io.sextant.appliance.draft;

import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.appliance.grounding.GroundedWriter;
import io.sextant.guard.output.GuardRequest;
import io.sextant.guard.output.GuardResult;
import io.sextant.guard.output.MarkedParagraph;
import io.sextant.guard.output.OutputGuard;
import io.sextant.guard.output.Paragraph;
import io.sextant.guard.output.Source;
import io.sextant.inference.Cancellation;
import io.sextant.inference.Completion;
import io.sextant.inference.FinishReason;
import io.sextant.inference.GenerationSettings;
import io.sextant.inference.TokenSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Drafts products from templates: for each section, evidence is retrieved <em>as the requesting analyst</em> with the
 * section's own query, the section is written through the {@link GroundedWriter} (so every paragraph is portion-marked
 * from the passages it cites, and a section the guard refuses is left unwritten with the refusal as a notice), and
 * the draft is stored for that analyst alone. Editing a section re-guards the analyst's text against the passages the
 * section cites; marking and exporting run the guard once over the whole draft, after checking that every source is
 * still visible to the analyst.
 */
public final class DraftService {

    /**
     * A draft and what to tell the analyst about sections that could not be written.
     *
     * @param draft   the stored draft
     * @param notices one line per section that is empty or quoted rather than written (e.g. "Assessment: ...")
     */
    public record Drafted(Draft draft, List<String> notices) {
        /** Freezes. */
        public Drafted {
            notices = List.copyOf(notices);
        }
    }

    private static final GenerationSettings SECTION_SETTINGS = GenerationSettings.DEFAULTS.withMaxTokens(400)
            .withTemperature(0.2);

    private final Corpus corpus;
    private final GroundedWriter writer;
    private final Supplier<TemplateLibrary> templates;
    private final DraftStore store;
    private final OutputGuard guard;
    private final Clock clock;

    /**
     * @param corpus    where evidence comes from
     * @param writer    writes and guards each section
     * @param templates the template library (asked on every draft, so an admin's edits apply at once)
     * @param store     where drafts are kept
     * @param guard     the guard for whole-draft marking
     * @param clock     the drafts' clock
     */
    public DraftService(Corpus corpus, GroundedWriter writer, Supplier<TemplateLibrary> templates, DraftStore store,
            OutputGuard guard, Clock clock) {
        this.corpus = corpus;
        this.writer = writer;
        this.templates = templates;
        this.store = store;
        this.guard = guard;
        this.clock = clock;
    }

    /** @return the templates analysts may pick from */
    public List<DraftTemplate> templates() {
        return templates.get().templates();
    }

    /**
     * Drafts a product and stores it.
     *
     * @param analyst      who asks (and is accountable)
     * @param templateId   the template
     * @param topic        the topic
     * @param scope        collections and dates to draw on
     * @param cancellation cancels between and inside sections
     * @return the draft and its notices
     * @throws DraftUnavailableException for an unknown template
     */
    public Drafted draft(Analyst analyst, String templateId, String topic, DraftScope scope,
            Cancellation cancellation) {
        DraftTemplate template = template(templateId);
        List<DraftSection> sections = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (TemplateSection ts : template.sections()) {
            if (cancellation.isCancelled()) {
                throw new java.util.concurrent.CancellationException("drafting was cancelled");
            }
            sections.add(write(analyst, ts, topic, scope, cancellation, notices));
        }
        Draft d = Draft.create(template, topic, scope, analyst.username(), clock.instant(), sections);
        store.save(d);
        return new Drafted(d, notices);
    }

    /**
     * Writes one section again from fresh evidence.
     *
     * @param analyst      the draft's owner
     * @param draftId      the draft
     * @param index        the section, from 0
     * @param cancellation cancels generation
     * @return the updated draft and its notices
     */
    public Drafted regenerate(Analyst analyst, String draftId, int index, Cancellation cancellation) {
        Draft d = load(analyst, draftId);
        DraftTemplate template = template(d.templateId());
        TemplateSection ts = template.sections().stream()
                .filter(s -> s.heading().equals(section(d, index).heading())).findFirst()
                .orElseThrow(() -> new DraftUnavailableException("the template no longer has the section '"
                        + section(d, index).heading() + "'"));
        List<String> notices = new ArrayList<>();
        DraftSection fresh = write(analyst, ts, d.topic(), d.scope(), cancellation, notices);
        return new Drafted(update(analyst, d, index, fresh), notices);
    }

    /**
     * Replaces a section's text with the analyst's edit, re-guarded: {@code [n]} must name the section's existing
     * citations (others are removed); the portion marks are recomputed from what each paragraph cites.
     *
     * @param analyst the draft's owner
     * @param draftId the draft
     * @param index   the section, from 0
     * @param text    paragraphs separated by blank lines, without portion marks
     * @return the updated draft
     * @throws DraftUnavailableException when the guard refuses the edit or a cited passage is gone
     */
    public Draft edit(Analyst analyst, String draftId, int index, String text) {
        Draft d = load(analyst, draftId);
        DraftSection s = section(d, index);
        Map<Integer, Evidence> numbered = new LinkedHashMap<>();
        for (Citation c : s.citations()) {
            numbered.put(c.number(), visible(analyst, c.passageId()));
        }
        Completion edited = new Completion(text == null ? "" : text, 0, 0, FinishReason.END_OF_TURN, Duration.ZERO,
                Duration.ZERO);
        DraftSection updated = switch (writer.review(analyst, numbered, edited)) {
            case GroundedWriter.Product p -> DraftSection.draft(s.heading(), p.product().paragraphs(),
                    keptCitations(s, p));
            case GroundedWriter.Refused r -> throw new DraftUnavailableException(r.refusal().message());
            case GroundedWriter.Empty e -> DraftSection.draft(s.heading(), List.of(), List.of());
        };
        return update(analyst, d, index, updated);
    }

    /**
     * Accepts every section.
     *
     * @param analyst the owner
     * @param draftId the draft
     * @return the accepted draft
     */
    public Draft accept(Analyst analyst, String draftId) {
        return store.accept(analyst.username(), draftId).orElseThrow(DraftService::unknownDraft);
    }

    /**
     * @param analyst the owner
     * @param draftId the draft
     * @return the draft, if it exists and is the analyst's
     */
    public Optional<Draft> find(Analyst analyst, String draftId) {
        return store.load(analyst.username(), draftId);
    }

    /**
     * @param analyst the owner
     * @return the analyst's drafts, newest first
     */
    public List<DraftSummary> list(Analyst analyst) {
        return store.list(analyst.username());
    }

    /**
     * Runs the guard once over the whole draft, as the analyst may see it now.
     *
     * @param analyst the owner
     * @param d       the draft
     * @return the draft with the guard's banner, portion marks and authority block
     * @throws DraftUnavailableException when a source is no longer visible, the guard refuses, or the markings changed
     */
    public MarkedDraft marked(Analyst analyst, Draft d) {
        List<Paragraph> paragraphs = new ArrayList<>();
        Map<String, Source> offered = new LinkedHashMap<>();
        for (MarkedParagraph mp : MarkedDraft.paragraphs(d)) {
            for (String id : mp.sourceIds()) {
                if (!offered.containsKey(id)) {
                    Evidence e = visible(analyst, id);
                    offered.put(id, new Source(id, e.sourceLabel(), e.marking(), null, null));
                }
            }
            paragraphs.add(new Paragraph(mp.text(), mp.sourceIds()));
        }
        if (paragraphs.isEmpty()) {
            throw new DraftUnavailableException("the draft has no written paragraphs to export");
        }
        GuardResult r = guard.review(new GuardRequest(paragraphs, List.copyOf(offered.values()),
                analyst.clearance(), analyst.person(), LocalDate.now(clock)));
        if (r instanceof GuardResult.Refusal refusal) {
            throw new DraftUnavailableException(refusal.message());
        }
        String title = templates.get().find(d.templateId()).map(DraftTemplate::title).orElse(d.templateId());
        try {
            return new MarkedDraft(d, title, (GuardResult.MarkedProduct) r);
        } catch (IllegalArgumentException e) {
            throw new DraftUnavailableException("the markings of the draft's sources changed since it was written; "
                    + "regenerate the affected sections");
        }
    }

    /**
     * Exports the draft, marked as {@link #marked} marks it.
     *
     * @param analyst the owner
     * @param d       the draft
     * @param format  md, docx or pdf
     * @param file    where to write (replaced atomically)
     * @return the marked draft that was written
     * @throws IOException on write errors
     */
    public MarkedDraft export(Analyst analyst, Draft d, String format, Path file) throws IOException {
        MarkedDraft m = marked(analyst, d);
        DraftExporter.forFormat(format).write(m, file);
        return m;
    }

    private DraftSection write(Analyst analyst, TemplateSection ts, String topic, DraftScope scope,
            Cancellation cancellation, List<String> notices) {
        List<Evidence> evidence = ts.passages() == 0 ? List.of()
                : corpus.evidence(analyst.clearance(), ts.query(topic), toScope(scope), ts.passages());
        GroundedWriter.Request request = new GroundedWriter.Request(ts.instructions(topic), List.of(),
                "Write the section \"" + ts.heading() + "\" of the product on: " + topic, evidence, SECTION_SETTINGS);
        GroundedWriter.Written w = writer.write(analyst, request, TokenSink.DISCARD, cancellation);
        return switch (w) {
            case GroundedWriter.Product p -> {
                if (!p.notice().isBlank()) {
                    notices.add(ts.heading() + ": " + p.notice());
                }
                Map<Integer, Evidence> numbered = new LinkedHashMap<>();
                for (int i = 0; i < evidence.size(); i++) {
                    numbered.put(i + 1, evidence.get(i));
                }
                yield DraftSection.draft(ts.heading(), p.product().paragraphs(), citations(p, numbered));
            }
            case GroundedWriter.Refused r -> {
                notices.add(ts.heading() + ": " + r.refusal().message());
                yield DraftSection.draft(ts.heading(), List.of(), List.of());
            }
            case GroundedWriter.Empty e -> {
                notices.add(ts.heading() + ": " + e.notice());
                yield DraftSection.draft(ts.heading(), List.of(), List.of());
            }
        };
    }

    /**
     * The section's citations that the edited paragraphs still rest on: those cited by number and, for a paragraph
     * citing nothing (which the guard marks from every passage the section offered), all of them. Keeping them is
     * what keeps such a paragraph at the section's marking when it is edited again.
     */
    private static List<Citation> keptCitations(DraftSection s, GroundedWriter.Product p) {
        Set<String> used = new LinkedHashSet<>();
        p.product().paragraphs().forEach(mp -> used.addAll(mp.sourceIds()));
        return s.citations().stream().filter(c -> used.contains(c.passageId())).toList();
    }

    private static List<Citation> citations(GroundedWriter.Product p, Map<Integer, Evidence> numbered) {
        List<Citation> out = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (io.sextant.appliance.grounding.Citation c : p.citations()) {
            Evidence e = numbered.get(c.number());
            if (e != null && seen.add(c.number())) {
                out.add(new Citation(c.number(), e.passageId(), e.documentId(), e.title(), e.place(), e.marking()));
            }
        }
        return out;
    }

    private Draft update(Analyst analyst, Draft d, int index, DraftSection section) {
        return store.updateSection(analyst.username(), d.id(), index, section)
                .orElseThrow(DraftService::unknownDraft);
    }

    private Evidence visible(Analyst analyst, String passageId) {
        return corpus.passage(analyst.clearance(), passageId).orElseThrow(() -> new DraftUnavailableException(
                "a passage this draft cites is no longer available to you; regenerate the section that cites it"));
    }

    private Draft load(Analyst analyst, String draftId) {
        return store.load(analyst.username(), draftId).orElseThrow(DraftService::unknownDraft);
    }

    private static DraftSection section(Draft d, int index) {
        if (index < 0 || index >= d.sections().size()) {
            throw new DraftUnavailableException("the draft has no section " + (index + 1));
        }
        return d.sections().get(index);
    }

    private DraftTemplate template(String id) {
        return templates.get().find(id).orElseThrow(() -> new DraftUnavailableException("no template named '" + id
                + "'; available: " + templates.get().templates().stream().map(DraftTemplate::id).toList()));
    }

    private static DraftUnavailableException unknownDraft() {
        return new DraftUnavailableException("no such draft");
    }

    /**
     * @param scope a draft's scope
     * @return the corpus scope
     */
    static Scope toScope(DraftScope scope) {
        return new Scope(scope.collections(), scope.from(), scope.to());
    }
}

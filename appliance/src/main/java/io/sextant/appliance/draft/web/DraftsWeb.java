package io.sextant.appliance.draft.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.draft.Citation;
import io.sextant.appliance.draft.Draft;
import io.sextant.appliance.draft.DraftExporter;
import io.sextant.appliance.draft.DraftScope;
import io.sextant.appliance.draft.DraftSection;
import io.sextant.appliance.draft.DraftService;
import io.sextant.appliance.draft.DraftSummary;
import io.sextant.appliance.draft.DraftTemplate;
import io.sextant.appliance.draft.DraftUnavailableException;
import io.sextant.appliance.draft.MarkedDraft;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.output.MarkedParagraph;
import io.sextant.guard.rollup.Rollup;
import io.sextant.inference.Cancellation;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the drafting API and the editor pages share: every operation as the signed-in analyst, on their own drafts
 * only (another user's draft is the same 404 as a missing one), each audited as {@code DRAFT} (exports as
 * {@code EXPORT}) with the markings shown, never the text. Every draft shown goes through the guard's whole-draft
 * review first, so its banner, portion marks and authority block are the guard's for this analyst now.
 */
@Singleton
public final class DraftsWeb {

    /** The most characters a topic may have. */
    static final int MAX_TOPIC = 500;
    /** The most characters an edited section may have. */
    static final int MAX_SECTION_TEXT = 100_000;

    /** What the list shows for the topic of a draft above the analyst's current access. */
    static final String WITHHELD = "(withheld: drafted under a higher access than yours; open it to regenerate)";

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
    /** A portion mark the analyst typed at the start of a paragraph: parentheses around upper-case marking text. */
    private static final Pattern LEADING_MARK = Pattern.compile("\\(([A-Z][A-Z0-9 /,\\-]*)\\)\\s*");
    private static final Pattern CITATION = Pattern.compile("\\[(\\d+(?:\\s*[,;]\\s*\\d+)*)]");

    private final DraftService service;
    private final AuditLog audit;
    private final MarkingParser parser = MarkingParser.defaultParser();

    /**
     * @param service the drafting service
     * @param audit   the audit log
     */
    public DraftsWeb(DraftService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    /** @return the templates analysts may draft from */
    List<DraftTemplate> templates() {
        return service.templates();
    }

    /**
     * Drafts a product.
     *
     * @param analyst     who asks
     * @param template    the template id
     * @param topic       the topic
     * @param collections collections to draw on (empty: all)
     * @param from        earliest date (ISO), blank or null for none
     * @param to          latest date (ISO), blank or null for none
     * @param remote      the client address
     * @return the stored draft as shown
     */
    DraftView create(Analyst analyst, String template, String topic, List<String> collections, String from,
            String to, String remote) {
        String t = template == null ? "" : template.strip();
        if (service.templates().stream().noneMatch(x -> x.id().equals(t))) {
            throw new DraftRequestException(HttpStatus.BAD_REQUEST, "no template named '" + t + "'; available: "
                    + service.templates().stream().map(DraftTemplate::id).toList());
        }
        String top = topic == null ? "" : topic.strip().replaceAll("\\s+", " ");
        if (top.isEmpty() || top.length() > MAX_TOPIC) {
            throw new DraftRequestException(HttpStatus.BAD_REQUEST, "the topic must be 1 to " + MAX_TOPIC
                    + " characters");
        }
        DraftScope scope;
        try {
            List<String> cols = collections == null ? List.of()
                    : collections.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct()
                            .toList();
            scope = new DraftScope(cols, date("from", from), date("to", to));
        } catch (IllegalArgumentException e) {
            throw new DraftRequestException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        DraftService.Drafted drafted;
        try {
            drafted = service.draft(analyst, t, top, scope, Cancellation.create());
        } catch (DraftUnavailableException e) {
            audit(AuditEventType.DRAFT, Outcome.FAILED, analyst, "draft (" + t + ")", "create: " + e.getMessage(),
                    null, remote);
            throw new DraftRequestException(HttpStatus.CONFLICT, e.getMessage());
        }
        DraftView v = view(analyst, drafted.draft(), drafted.notices());
        audit(AuditEventType.DRAFT, Outcome.OK, analyst, subject(drafted.draft()), "created "
                + drafted.draft().sections().size() + " sections", v.marking(), remote);
        return v;
    }

    /**
     * @param analyst who asks
     * @return their drafts, newest first, each with the banner of what it stores
     */
    List<Listed> list(Analyst analyst) {
        List<Listed> out = new ArrayList<>();
        for (DraftSummary s : service.list(analyst)) {
            Marking m = service.find(analyst, s.id()).map(DraftsWeb::storedBanner).orElse(Marking.UNCLASSIFIED);
            String topic = s.topic();
            if (!AccessPolicy.decide(analyst.clearance(), m).allowed()) {
                // Drafted under a higher access than the analyst has now: neither its marking nor its topic.
                m = Marking.UNCLASSIFIED;
                topic = WITHHELD;
            }
            String title = service.templates().stream().filter(t -> t.id().equals(s.templateId())).findFirst()
                    .map(DraftTemplate::title).orElse(s.templateId());
            out.add(new Listed(s.id(), s.templateId(), title, topic, s.created().toString(),
                    s.state().name().toLowerCase(Locale.ROOT), MarkingFormatter.banner(m)));
        }
        return out;
    }

    /**
     * A line of the analyst's list of drafts.
     *
     * @param id       the draft
     * @param template its template's id
     * @param title    its template's title
     * @param topic    its topic
     * @param created  when it was drafted
     * @param state    draft or accepted
     * @param marking  the banner of what it stores
     */
    @io.micronaut.serde.annotation.Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Listed(String id, String template, String title, String topic, String created, String state,
            String marking) {
    }

    /**
     * @param listed lines of the list
     * @return the roll-up of their banners, UNCLASSIFIED for none
     */
    String rollupOf(List<Listed> listed) {
        if (listed.isEmpty()) {
            return MarkingFormatter.banner(Marking.UNCLASSIFIED);
        }
        List<Marking> ms = listed.stream().map(l -> parser.parseBanner(l.marking()).marking()).toList();
        return MarkingFormatter.banner(Rollup.of(ms));
    }

    /**
     * @param analyst who asks
     * @param id      the draft
     * @return the draft as shown
     * @throws HttpStatusException 404 when the analyst has no such draft
     */
    DraftView show(Analyst analyst, String id) {
        return view(analyst, load(analyst, id), List.of());
    }

    /**
     * The section ids and headings of a draft (template text, unclassified), for the page that lets an analyst
     * regenerate the sections of a draft that can no longer be shown to them as it stands.
     *
     * @param analyst who asks
     * @param id      the draft
     * @return section id → heading, in order
     * @throws HttpStatusException 404 when the analyst has no such draft
     */
    Map<String, String> outline(Analyst analyst, String id) {
        Draft d = load(analyst, id);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        List<String> ids = DraftView.sectionIds(d);
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), d.sections().get(i).heading());
        }
        return out;
    }

    /**
     * Replaces a section's text with the analyst's edit. Each paragraph may open with a portion mark: it must be a
     * valid one and may not claim more than the passages the paragraph cites (the guard cannot keep a mark its
     * sources do not carry); a paragraph without a mark takes the section's. Whatever the analyst typed, the guard
     * marks each paragraph from its sources, so a mark is never lowered below them.
     *
     * @param analyst   the owner
     * @param id        the draft
     * @param sectionId the section's id
     * @param text      the new text
     * @param remote    the client address
     * @return the draft as shown, with a notice per paragraph whose mark the guard raised
     */
    DraftView edit(Analyst analyst, String id, String sectionId, String text, String remote) {
        Draft d = load(analyst, id);
        int index = sectionIndex(d, sectionId);
        String body = text == null ? "" : text;
        if (body.length() > MAX_SECTION_TEXT) {
            throw new DraftRequestException(HttpStatus.BAD_REQUEST, "the section text is longer than "
                    + MAX_SECTION_TEXT + " characters");
        }
        DraftSection section = d.sections().get(index);
        Map<Integer, Marking> cited = section.citations().stream()
                .collect(Collectors.toMap(Citation::number, Citation::marking));
        Marking sectionMark = cited.isEmpty() ? Marking.UNCLASSIFIED : Rollup.of(cited.values());
        List<String> clean = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        int n = 0;
        for (String raw : PARAGRAPH_BREAK.split(body.strip())) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            n++;
            Marking declared = null;
            Matcher m = LEADING_MARK.matcher(p);
            if (m.lookingAt()) {
                String mark = "(" + m.group(1).strip() + ")";
                try {
                    declared = parser.parsePortion(mark).marking();
                } catch (InvalidMarkingException e) {
                    throw new DraftRequestException(HttpStatus.BAD_REQUEST, "paragraph " + n + ": " + mark
                            + " is not a valid portion mark");
                }
                p = p.substring(m.end()).strip();
            }
            Set<Integer> numbers = new LinkedHashSet<>();
            Matcher c = CITATION.matcher(p);
            while (c.find()) {
                for (String num : c.group(1).split("\\s*[,;]\\s*")) {
                    int k = Integer.parseInt(num.strip());
                    if (cited.containsKey(k)) {
                        numbers.add(k);
                    }
                }
            }
            Marking sources = numbers.isEmpty() ? sectionMark
                    : Rollup.of(numbers.stream().map(cited::get).toList());
            if (declared != null) {
                if (!Rollup.of(List.of(declared, sources)).equals(sources)) {
                    throw new DraftRequestException(HttpStatus.BAD_REQUEST, "paragraph " + n + " is marked "
                            + MarkingFormatter.portion(declared) + " but what it cites is "
                            + MarkingFormatter.portion(sources) + "; cite the passage that carries the higher "
                            + "marking");
                }
                if (!declared.equals(sources)) {
                    notices.add("paragraph " + n + " was marked " + MarkingFormatter.portion(declared)
                            + " and is marked " + MarkingFormatter.portion(sources) + " from its sources");
                }
            }
            if (!p.isEmpty()) {
                clean.add(p);
            }
        }
        Draft updated;
        try {
            updated = service.edit(analyst, d.id(), index, String.join("\n\n", clean));
        } catch (DraftUnavailableException e) {
            audit(AuditEventType.DRAFT, Outcome.FAILED, analyst, subject(d), "edit section " + sectionId + ": "
                    + e.getMessage(), null, remote);
            throw new DraftRequestException(HttpStatus.CONFLICT, e.getMessage());
        }
        DraftView v = view(analyst, updated, notices);
        audit(AuditEventType.DRAFT, Outcome.OK, analyst, subject(d), "edited section " + sectionId, v.marking(),
                remote);
        return v;
    }

    /**
     * @param analyst   the owner
     * @param id        the draft
     * @param sectionId the section
     * @param remote    the client address
     * @return the draft as shown, with the section written again from fresh evidence
     */
    DraftView regenerate(Analyst analyst, String id, String sectionId, String remote) {
        Draft d = load(analyst, id);
        int index = sectionIndex(d, sectionId);
        DraftService.Drafted r;
        try {
            r = service.regenerate(analyst, d.id(), index, Cancellation.create());
        } catch (DraftUnavailableException e) {
            audit(AuditEventType.DRAFT, Outcome.FAILED, analyst, subject(d), "regenerate section " + sectionId
                    + ": " + e.getMessage(), null, remote);
            throw new DraftRequestException(HttpStatus.CONFLICT, e.getMessage());
        }
        DraftView v;
        try {
            v = view(analyst, r.draft(), r.notices());
        } catch (DraftRequestException e) {
            // The section was written again; another section still keeps the draft from being shown.
            audit(AuditEventType.DRAFT, Outcome.OK, analyst, subject(d), "regenerated section " + sectionId
                    + "; draft not shown: " + e.getMessage(), null, remote);
            throw e;
        }
        audit(AuditEventType.DRAFT, Outcome.OK, analyst, subject(d), "regenerated section " + sectionId,
                v.marking(), remote);
        return v;
    }

    /**
     * @param analyst the owner
     * @param id      the draft
     * @param remote  the client address
     * @return the accepted draft as shown
     */
    DraftView accept(Analyst analyst, String id, String remote) {
        Draft d = load(analyst, id);
        // Shown (and so guarded) before the state changes: a draft the guard will not pass is not accepted.
        view(analyst, d, List.of());
        Draft accepted = service.accept(analyst, d.id());
        DraftView v = view(analyst, accepted, List.of());
        audit(AuditEventType.DRAFT, Outcome.OK, analyst, subject(d), "accepted", v.marking(), remote);
        return v;
    }

    /**
     * An export: the file's bytes and what to call it.
     *
     * @param bytes     the file
     * @param fileName  a file name for the download
     * @param mediaType its media type
     * @param marking   its banner
     */
    record Export(byte[] bytes, String fileName, String mediaType, String marking) {
    }

    /**
     * @param analyst the owner
     * @param id      the draft
     * @param format  md, docx or pdf
     * @param remote  the client address
     * @return the exported file
     */
    Export export(Analyst analyst, String id, String format, String remote) {
        Draft d = load(analyst, id);
        DraftExporter exporter;
        try {
            exporter = DraftExporter.forFormat(format == null ? "" : format);
        } catch (IllegalArgumentException e) {
            throw new DraftRequestException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        MarkedDraft m;
        try {
            m = service.marked(analyst, d);
        } catch (DraftUnavailableException e) {
            audit(AuditEventType.EXPORT, Outcome.FAILED, analyst, subject(d), exporter.extension() + ": "
                    + e.getMessage(), null, remote);
            throw new DraftRequestException(HttpStatus.CONFLICT, e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exporter.write(m, out);
        } catch (IOException e) {
            throw new UncheckedIOException("export failed", e);
        }
        String banner = MarkingFormatter.banner(m.product().banner());
        audit(AuditEventType.EXPORT, Outcome.OK, analyst, subject(d), "exported " + exporter.extension(), banner,
                remote);
        return new Export(out.toByteArray(), d.templateId() + "-" + d.id().substring(0, Math.min(8,
                d.id().length())) + "." + exporter.extension(), exporter.mediaType(), banner);
    }

    private DraftView view(Analyst analyst, Draft d, List<String> notices) {
        String title = service.templates().stream().filter(t -> t.id().equals(d.templateId())).findFirst()
                .map(DraftTemplate::title).orElse(d.templateId());
        if (MarkedDraft.paragraphs(d).isEmpty()) {
            return DraftView.of(d, title, null, notices);
        }
        try {
            return DraftView.of(d, title, service.marked(analyst, d), notices);
        } catch (DraftUnavailableException e) {
            throw new DraftRequestException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private Draft load(Analyst analyst, String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such draft");
        }
        return service.find(analyst, id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "no such draft"));
    }

    private static int sectionIndex(Draft d, String sectionId) {
        int i = DraftView.sectionIds(d).indexOf(sectionId);
        if (i < 0) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such section");
        }
        return i;
    }

    private static Marking storedBanner(Draft d) {
        List<MarkedParagraph> ps = MarkedDraft.paragraphs(d);
        return ps.isEmpty() ? Marking.UNCLASSIFIED : Rollup.of(ps.stream().map(MarkedParagraph::marking).toList());
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date like 2026-01-31, not '" + value.strip()
                    + "'");
        }
    }

    private static String subject(Draft d) {
        return "draft " + d.id() + " (" + d.templateId() + ")";
    }

    private void audit(AuditEventType type, Outcome outcome, Analyst analyst, String subject, String detail,
            String markings, String remote) {
        audit.append(new AuditEvent(type, outcome, analyst.username(), subject, detail, markings, remote));
    }
}

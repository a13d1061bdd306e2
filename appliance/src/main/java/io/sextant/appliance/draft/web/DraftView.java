package io.sextant.appliance.draft.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.sextant.appliance.draft.Citation;
import io.sextant.appliance.draft.Draft;
import io.sextant.appliance.draft.DraftSection;
import io.sextant.appliance.draft.MarkedDraft;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.output.AuthorityBlock;
import io.sextant.guard.output.MarkedParagraph;
import io.sextant.guard.rollup.Rollup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A draft as the REST API and the editor show it: the banner of the guard's whole-draft review, every section with
 * its portion-marked paragraphs and the passages it cites (each with a link to the passage), the classification
 * authority block, and the state. Built only from a draft the requesting analyst owns and a {@link MarkedDraft} the
 * guard produced for that analyst now (or, for a draft with nothing written, no marked product and an UNCLASSIFIED
 * banner).
 *
 * @param id        the draft's id
 * @param template  the template's id
 * @param title     the template's title
 * @param topic     the topic
 * @param scope     the scope in words
 * @param created   when it was drafted (ISO-8601)
 * @param marking   the banner line
 * @param sections  the sections
 * @param authority the authority block, or null when the draft is unclassified
 * @param state     {@code draft} or {@code accepted}
 * @param notices   what to tell the analyst about sections that could not be written
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DraftView(String id, String template, String title, String topic, String scope, String created,
        String marking, List<Section> sections, @Nullable Authority authority, String state, List<String> notices) {

    /**
     * @param id         the section's id in URLs (a slug of its heading)
     * @param title      the heading
     * @param mark       the section's portion mark: the roll-up of its paragraphs, {@code (U)} when empty
     * @param paragraphs its paragraphs
     * @param citations  the passages they cite
     * @param state      {@code draft} or {@code accepted}
     * @param text       the paragraphs as the editor's text area shows them: each opens with its portion mark,
     *                   blank lines between
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Section(String id, String title, String mark, List<Paragraph> paragraphs,
            List<CitationView> citations, String state, String text) {
    }

    /**
     * @param mark the paragraph's portion mark
     * @param text its text, citations as {@code [n]}
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Paragraph(String mark, String text) {
    }

    /**
     * @param n          the number used in the section's text
     * @param passageId  the passage
     * @param documentId its document
     * @param title      the document's title and place
     * @param marking    the passage's portion mark
     * @param link       where the passage opens in the UI
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CitationView(int n, String passageId, String documentId, String title, String marking,
            String link) {
    }

    /**
     * @param classifiedBy  the accountable analyst
     * @param derivedFrom   the source or "Multiple Sources"
     * @param declassifyOn  the declassification instruction
     * @param sources       the source list
     * @param lines         the block as printed
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Authority(String classifiedBy, String derivedFrom, String declassifyOn, List<String> sources,
            List<String> lines) {
    }

    /**
     * @param draft    the draft
     * @param title    the template's title
     * @param marked   the guard's review of the whole draft, or null when nothing is written
     * @param notices  notices to pass on
     * @return the view
     */
    static DraftView of(Draft draft, String title, @Nullable MarkedDraft marked, List<String> notices) {
        Marking banner = marked == null ? Marking.UNCLASSIFIED : marked.product().banner();
        List<Section> sections = new ArrayList<>();
        List<String> ids = sectionIds(draft);
        for (int i = 0; i < draft.sections().size(); i++) {
            DraftSection s = draft.sections().get(i);
            List<Paragraph> paragraphs = new ArrayList<>();
            List<String> text = new ArrayList<>();
            for (MarkedParagraph p : s.body()) {
                String mark = MarkingFormatter.portion(p.marking());
                paragraphs.add(new Paragraph(mark, p.text()));
                text.add(mark + " " + p.text());
            }
            List<CitationView> citations = new ArrayList<>();
            for (Citation c : s.citations()) {
                citations.add(new CitationView(c.number(), c.passageId(), c.documentId(),
                        c.documentTitle() + (c.location().isEmpty() ? "" : ", " + c.location()), c.portionMark(),
                        link(c.documentId(), c.passageId())));
            }
            sections.add(new Section(ids.get(i), s.heading(), MarkingFormatter.portion(sectionMarking(s)),
                    paragraphs, citations, s.state().name().toLowerCase(Locale.ROOT), String.join("\n\n", text)));
        }
        Authority authority = null;
        if (marked != null && marked.product().authorityBlock() != null) {
            AuthorityBlock a = marked.product().authorityBlock();
            authority = new Authority(a.classifiedBy(), a.derivedFrom(), a.declassifyOn().text(), a.sourceList(),
                    a.lines());
        }
        return new DraftView(draft.id(), draft.templateId(), title, draft.topic(), draft.scope().describe(),
                draft.created().toString(), MarkingFormatter.banner(banner), sections, authority,
                draft.state().name().toLowerCase(Locale.ROOT), notices);
    }

    /**
     * @param documentId a document
     * @param passageId  one of its passages
     * @return where the passage opens in the UI
     */
    static String link(String documentId, String passageId) {
        return "/documents/" + documentId + "?passage=" + passageId + "#passage-" + passageId;
    }

    /** @return the roll-up of a section's paragraph markings, UNCLASSIFIED when it has none */
    static Marking sectionMarking(DraftSection s) {
        if (s.body().isEmpty()) {
            return Marking.UNCLASSIFIED;
        }
        return Rollup.of(s.body().stream().map(MarkedParagraph::marking).toList());
    }

    /**
     * @param draft a draft
     * @return each section's id: its heading in lower case with runs of other characters as one hyphen, made
     *         unique with a numeric suffix
     */
    static List<String> sectionIds(Draft draft) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DraftSection s : draft.sections()) {
            String slug = s.heading().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-+|-+$", "");
            if (slug.isEmpty()) {
                slug = "section";
            }
            String id = slug;
            for (int n = 2; !seen.add(id); n++) {
                id = slug + "-" + n;
            }
            out.add(id);
        }
        return out;
    }
}

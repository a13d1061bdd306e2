package io.sextant.appliance.draft;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Vocabulary;
import io.sextant.guard.output.DeclassifyOn;
import io.sextant.guard.output.GuardRequest;
import io.sextant.guard.output.GuardResult;
import io.sextant.guard.output.MarkedParagraph;
import io.sextant.guard.output.OutputGuard;
import io.sextant.guard.output.Paragraph;
import io.sextant.guard.output.Person;
import io.sextant.guard.output.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Drafts marked by the real output guard, as the drafting service will mark them: the guard reviews every section's
 * paragraphs in one request, and its marked paragraphs are split back into the sections.
 */
final class DraftFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final Instant CREATED = Instant.parse("2026-11-28T09:15:30.123456Z");
    static final String USER = "j.analyst";

    static final Source A = new Source("p-a", "Harbour report A", m("(S//NF)"), DeclassifyOn.parse("20401231", null),
            LocalDate.of(2020, 1, 1));
    static final Source B = new Source("p-b", "Liaison report B", m("(C//REL TO USA, GBR)"),
            DeclassifyOn.parse("25X1, 20651231", null), LocalDate.of(2018, 5, 2));
    static final Source C = new Source("p-c", "Press summary C", m("(U)"), null, LocalDate.of(2021, 2, 3));

    private DraftFixtures() {
    }

    static Marking m(String portion) {
        return MarkingParser.defaultParser().parsePortion(portion).marking();
    }

    static Citation cite(int n, Source s, String location) {
        return new Citation(n, s.id(), "doc-" + s.id(), s.citation(), location, s.marking());
    }

    /**
     * A three-section SITREP-like draft at SECRET//NOFORN: two written sections, each numbering its citations from 1
     * as the grounded writer does, and one still empty.
     */
    static MarkedDraft secretDraft() {
        List<List<Paragraph>> bodies = List.of(
                List.of(Paragraph.of("Shipments through the harbour rose sharply [1].", "p-a"),
                        Paragraph.of("Port activity was otherwise moderate [2].", "p-c")),
                List.of(Paragraph.of("Both reports agree on the timing [1][2].", "p-b", "p-a"),
                        Paragraph.of("- Convoys seen at night [3]\n\n- Cranes idle by day [3]", "p-c")),
                List.of());
        List<List<Citation>> citations = List.of(
                List.of(cite(1, A, "p. 4"), cite(2, C, "")),
                List.of(cite(1, B, "2.3 Logistics"), cite(2, A, "p. 4"), cite(3, C, "")),
                List.of());
        return guarded(List.of("Situation", "Threat / adversary activity", "Outlook (next 24–72 hours)"), bodies,
                citations, List.of(A, B, C), "level=S;country=USA");
    }

    /** A one-section draft drawn only on unclassified material: no authority block. */
    static MarkedDraft unclassifiedDraft() {
        return guarded(List.of("Key points"), List.of(List.of(Paragraph.of("The port reopened [1].", "p-c"))),
                List.of(List.of(cite(1, C, "p. 1"))), List.of(C), "level=U;country=USA");
    }

    static MarkedDraft guarded(List<String> headings, List<List<Paragraph>> bodies, List<List<Citation>> citations,
            List<Source> offered, String clearance) {
        List<Paragraph> all = new ArrayList<>();
        bodies.forEach(all::addAll);
        GuardResult r = OutputGuard.defaults().review(new GuardRequest(all, offered,
                Clearance.parse(clearance, Vocabulary.defaults()), new Person(USER, "Analyst"), TODAY));
        if (!(r instanceof GuardResult.MarkedProduct product)) {
            throw new AssertionError("the guard refused the fixture: " + r);
        }
        List<DraftSection> sections = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < headings.size(); i++) {
            List<MarkedParagraph> body = product.paragraphs().subList(next, next + bodies.get(i).size());
            next += bodies.get(i).size();
            sections.add(DraftSection.draft(headings.get(i), body, citations.get(i)));
        }
        Draft draft = new Draft("d-1", "sitrep", "Harbour activity at Port X",
                new DraftScope(List.of("harbour", "liaison"), LocalDate.of(2026, 11, 1), TODAY), USER, CREATED,
                sections);
        return new MarkedDraft(draft, "Situation report (SITREP)", product);
    }
}

package io.sextant.guard.output;

import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.detect.DetectedMarking;
import io.sextant.guard.detect.MarkingDetector;
import io.sextant.guard.marking.AeaMarking;
import io.sextant.guard.marking.ClassificationType;
import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.rollup.Rollup;
import io.sextant.guard.rollup.RollupException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The guard every generated product passes through (SPEC §6.2, §7). It treats generation as derivative
 * classification: each paragraph's portion mark is the roll-up of the sources it drew on (of every source offered
 * when it names none), the banner is the roll-up of the paragraphs, and a classified product gets an authority block
 * naming the accountable person. Markings the text itself contains are claims: checked, flagged, never used to lower
 * anything. Anything outside the user's access, any claim above the sources, and anything that cannot be marked
 * validly gives a {@link GuardResult.Refusal} whose message says nothing about the withheld content. Thread-safe.
 */
public final class OutputGuard {

    private static final OutputGuard DEFAULT = new OutputGuard(MarkingParser.defaultParser());
    private static final Set<AeaMarking.Type> NOT_EO13526 = EnumSet.of(AeaMarking.Type.RD, AeaMarking.Type.RD_CNWDI,
            AeaMarking.Type.RD_SIGMA, AeaMarking.Type.FRD, AeaMarking.Type.FRD_SIGMA, AeaMarking.Type.TFNI);

    private final MarkingParser parser;
    private final Rollup rollup;
    private final MarkingDetector detector;

    /** @param parser the parser whose vocabulary and profile (IC or DOD) the guard uses */
    public OutputGuard(MarkingParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.rollup = new Rollup(parser.profile(), parser.vocabulary());
        this.detector = new MarkingDetector(parser);
    }

    /** @return the guard on the default parser (IC profile) */
    public static OutputGuard defaults() {
        return DEFAULT;
    }

    /**
     * @param request the generated paragraphs, their sources, the user and the accountable person
     * @return the marked product, or a refusal
     */
    public GuardResult review(GuardRequest request) {
        Map<String, Source> byId = new LinkedHashMap<>();
        request.offered().forEach(s -> byId.put(s.id(), s));
        Clearance user = request.user();
        List<ReviewFlag> flags = new ArrayList<>();
        List<MarkedParagraph> marked = new ArrayList<>();
        Set<Source> contributing = new LinkedHashSet<>();
        for (int i = 0; i < request.paragraphs().size(); i++) {
            Paragraph p = request.paragraphs().get(i);
            List<Source> sources = p.provenanceKnown()
                    ? p.sourceIds().stream().map(byId::get).toList() : request.offered();
            if (!p.provenanceKnown()) {
                flags.add(new ReviewFlag(ReviewFlag.Kind.UNKNOWN_PROVENANCE, i + 1, "no sources named: marked at"
                        + " the roll-up of all " + sources.size() + " sources offered"));
            }
            Marking m = sources.isEmpty() ? Marking.UNCLASSIFIED : rollUp(sources.stream().map(Source::marking)
                    .toList());
            if (m == null || !validPortion(m)) {
                return GuardResult.Refusal.of(GuardResult.Reason.UNMARKABLE);
            }
            for (Source s : sources) {
                if (!AccessPolicy.decide(user, s.marking()).allowed()) {
                    return GuardResult.Refusal.of(GuardResult.Reason.EXCEEDS_ACCESS);
                }
            }
            if (!AccessPolicy.decide(user, m).allowed()) {
                return GuardResult.Refusal.of(GuardResult.Reason.EXCEEDS_ACCESS);
            }
            contributing.addAll(sources);
            marked.add(new MarkedParagraph(m, p.text(), sources.stream().map(Source::id).toList()));
        }
        Marking banner = rollUp(marked.stream().map(MarkedParagraph::marking).toList());
        if (banner == null) {
            return GuardResult.Refusal.of(GuardResult.Reason.UNMARKABLE);
        }
        if (!AccessPolicy.decide(user, banner).allowed()) {
            return GuardResult.Refusal.of(GuardResult.Reason.EXCEEDS_ACCESS);
        }
        for (int i = 0; i < marked.size(); i++) {
            GuardResult.Reason r = checkClaims(i + 1, marked.get(i), user, flags);
            if (r != null) {
                return GuardResult.Refusal.of(r);
            }
        }
        flags.add(0, new ReviewFlag(ReviewFlag.Kind.POSSIBLE_COMPILATION, 0, "classification by compilation cannot"
                + " be detected automatically; review the combination of " + contributing.size() + " source(s)"));
        AuthorityBlock cab = banner.level().isClassified()
                ? authorityBlock(request, List.copyOf(contributing), flags) : null;
        return new GuardResult.MarkedProduct(banner, marked, cab, flags);
    }

    /** Claims in the text: flagged always; a refusal when unreadable, outside access or above the sources. */
    private GuardResult.Reason checkClaims(int index, MarkedParagraph p, Clearance user, List<ReviewFlag> flags) {
        for (DetectedMarking d : detector.detectAll(p.text())) {
            flags.add(new ReviewFlag(ReviewFlag.Kind.MARKING_IN_TEXT, index, "the text contains the marking '"
                    + d.text() + "' at offset " + d.start() + "; the computed portion mark is "
                    + MarkingFormatter.portion(p.marking())));
            if (!d.isValid()) {
                return GuardResult.Reason.UNRECONCILED_MARKING;
            }
            Marking claim = d.marking();
            if (!AccessPolicy.decide(user, claim).allowed()) {
                return GuardResult.Reason.EXCEEDS_ACCESS;
            }
            if (exceeds(claim, p.marking())) {
                return GuardResult.Reason.UNRECONCILED_MARKING;
            }
            Marking both = rollUp(List.of(p.marking(), claim));
            if (both == null || !both.equals(rollUp(List.of(p.marking())))) {
                flags.add(new ReviewFlag(ReviewFlag.Kind.CLAIM_MORE_RESTRICTIVE, index, "the marking '" + d.text()
                        + "' in the text carries controls the computed portion mark lacks"));
            }
        }
        return null;
    }

    /** True when the claim needs a level or a formal access the computed marking does not require. */
    static boolean exceeds(Marking claim, Marking computed) {
        return claim.level().rank() > computed.level().rank()
                || !computed.sciTokens().containsAll(claim.sciTokens())
                || !computed.sapTokens().containsAll(claim.sapTokens())
                || !computed.aeaTokens().containsAll(claim.aeaTokens());
    }

    private AuthorityBlock authorityBlock(GuardRequest r, List<Source> contributing, List<ReviewFlag> flags) {
        List<DeclassifyOn> values = new ArrayList<>();
        List<String> list = new ArrayList<>();
        for (Source s : contributing) {
            String declass = "";
            if (s.marking().level().isClassified()) {
                DeclassifyOn d = effectiveDeclassifyOn(s, r, flags);
                values.add(d);
                declass = "; Declassify On: " + d.text();
            }
            list.add(cite(s) + " " + MarkingFormatter.portion(s.marking()) + declass);
        }
        boolean single = contributing.size() == 1;
        return new AuthorityBlock(r.classifier().classifiedBy(),
                single ? cite(contributing.get(0)) : AuthorityBlock.MULTIPLE_SOURCES,
                single ? List.of() : list, DeclassifyOn.mostProtective(values));
    }

    private static DeclassifyOn effectiveDeclassifyOn(Source s, GuardRequest r, List<ReviewFlag> flags) {
        Marking m = s.marking();
        if (m.type() == ClassificationType.NATO || m.fgi().sources().contains("NATO")
                || m.aea().stream().anyMatch(a -> NOT_EO13526.contains(a.type()))) {
            return DeclassifyOn.notApplicable();
        }
        if (s.declassifyOn() != null) {
            if (!s.declassifyOn().convertedFrom().isEmpty()) {
                flags.add(new ReviewFlag(ReviewFlag.Kind.DECLASSIFICATION, 0, "source '" + s.citation()
                        + "' carries the retired value " + s.declassifyOn().convertedFrom() + ", converted to "
                        + s.declassifyOn().text()));
            }
            return s.declassifyOn();
        }
        DeclassifyOn d = DeclassifyOn.computed(s.date() != null ? s.date() : r.productDate());
        flags.add(new ReviewFlag(ReviewFlag.Kind.DECLASSIFICATION, 0, "source '" + s.citation() + "' has no"
                + " declassification instruction; 25 years from " + (s.date() != null ? "its date" : "today")
                + " computed: " + d.text()));
        return d;
    }

    private static String cite(Source s) {
        return s.date() == null ? s.citation() : s.citation() + ", dated " + s.date();
    }

    private Marking rollUp(List<Marking> markings) {
        try {
            return rollup.rollup(markings);
        } catch (RollupException e) {
            return null;
        }
    }

    private boolean validPortion(Marking m) {
        try {
            return parser.parsePortion(MarkingFormatter.portion(m)).marking().equals(m);
        } catch (InvalidMarkingException e) {
            return false;
        }
    }
}

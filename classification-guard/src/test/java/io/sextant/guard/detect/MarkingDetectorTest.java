package io.sextant.guard.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.marking.Classification;
import io.sextant.guard.marking.MarkingFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkingDetectorTest {

    private final MarkingDetector detector = MarkingDetector.defaults();

    @Test
    void findsBannerLinesAndPortionMarksWithOffsets() {
        String text = "SECRET//NOFORN\n\n(S//NF) The first paragraph.\n  (U) The second one.\nSECRET//NOFORN\n";
        List<DetectedMarking> found = detector.detect(text);
        assertThat(found).extracting(DetectedMarking::kind).containsExactly(DetectedMarking.Kind.BANNER_LINE,
                DetectedMarking.Kind.PORTION_MARK, DetectedMarking.Kind.PORTION_MARK,
                DetectedMarking.Kind.BANNER_LINE);
        DetectedMarking first = found.get(1);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("(S//NF)");
        assertThat(first.marking().level()).isEqualTo(Classification.S);
        assertThat(text.substring(found.get(2).start(), found.get(2).end())).isEqualTo("(U)");
        assertThat(MarkingFormatter.banner(found.get(3).marking())).isEqualTo("SECRET//NOFORN");
        assertThat(found.get(3).start()).isEqualTo(text.lastIndexOf("SECRET//NOFORN"));
    }

    @Test
    void reportsARejectedPortionMarkWithAbsolutePositionAndReason() {
        String text = "intro\n(S//NF//SI) Misordered categories.";
        DetectedMarking d = detector.detect(text).get(0);
        assertThat(d.isValid()).isFalse();
        DetectedMarking.Invalid inv = (DetectedMarking.Invalid) d.outcome();
        assertThat(inv.reason()).containsIgnoringCase("order");
        assertThat(inv.position()).isBetween(d.start(), d.end());
    }

    @Test
    void ignoresLowerCaseLookAlikesAndProse() {
        String text = "(a) first item\n(c) third item\nThe document(s) were Secret in the past.\n"
                + "See http://EXAMPLE.COM/X and (Some remark).";
        assertThat(detector.detectAll(text)).isEmpty();
    }

    @Test
    void detectFindsOnlyLineStartsWhileDetectAllFindsEmbeddedClaims() {
        String text = "(S) Background. The source said (TS//SI) things and TOP SECRET//SI//NOFORN was written here.";
        assertThat(detector.detect(text)).hasSize(1);
        List<DetectedMarking> all = detector.detectAll(text);
        assertThat(all).extracting(DetectedMarking::text)
                .containsExactly("(S)", "(TS//SI)", "TOP SECRET//SI//NOFORN");
        assertThat(all.get(1).kind()).isEqualTo(DetectedMarking.Kind.EMBEDDED);
        assertThat(all.get(2).marking().level()).isEqualTo(Classification.TS);
        assertThat(text.substring(all.get(2).start(), all.get(2).end())).isEqualTo("TOP SECRET//SI//NOFORN");
    }

    @Test
    void backsOffToTheLongestValidPrefixOfAnUpperCaseRun() {
        List<DetectedMarking> all = detector.detectAll("it was SECRET AND CONFIDENTIAL at once");
        assertThat(all).extracting(DetectedMarking::text).containsExactly("SECRET", "CONFIDENTIAL");
        assertThat(all).allMatch(DetectedMarking::isValid);
    }

    @Test
    void findsForeignAndBulletedPortionMarks() {
        List<DetectedMarking> found = detector.detect("- (//DEU S//REL TO USA, DEU) A bullet.\n//NATO SECRET\n");
        assertThat(found).extracting(DetectedMarking::kind).containsExactly(DetectedMarking.Kind.PORTION_MARK,
                DetectedMarking.Kind.BANNER_LINE);
        assertThat(found).allMatch(DetectedMarking::isValid);
    }

    @Test
    void findsEveryMarkOnAMegabyteOfGeneratedText() {
        MarkedText.Generated g = MarkedText.generate(7, 1 << 20);
        List<DetectedMarking> found = detector.detect(g.text());
        assertThat(found).filteredOn(d -> d.kind() == DetectedMarking.Kind.PORTION_MARK).hasSize(g.portionMarks())
                .allMatch(DetectedMarking::isValid);
        assertThat(found).filteredOn(d -> d.kind() == DetectedMarking.Kind.BANNER_LINE).hasSize(g.bannerLines());
        assertThat(detector.detectAll(g.text()).size()).isGreaterThan(found.size());
    }

    @Test
    void parsesEveryDistinctMarkOnAMegabyteWhereNoMarkRepeats() {
        MarkedText.Generated g = MarkedText.generate(8, 1 << 20, true);
        List<DetectedMarking> found = detector.detect(g.text());
        assertThat(found).filteredOn(d -> d.kind() == DetectedMarking.Kind.PORTION_MARK).hasSize(g.portionMarks())
                .allMatch(DetectedMarking::isValid)
                .extracting(DetectedMarking::text).doesNotHaveDuplicates();
    }

    @Test
    void claimsScanFindsLowerCaseMarkingsThatHoldDoubleSlashes() {
        String text = "the document(s) said (ts//si) and top secret//si//noforn into a secret answer";
        List<DetectedMarking> all = detector.detectAll(text);
        assertThat(all).extracting(DetectedMarking::text).containsExactly("(ts//si)", "top secret//si//noforn");
        assertThat(all).allMatch(DetectedMarking::isValid);
        assertThat(detector.detect(text)).isEmpty();
    }

    @Test
    void splitsTextIntoPortionsGovernedByTheirMarks() {
        String text = "Cover note without a mark.\nSECRET//NOFORN\n(S//NF) First portion\ncontinues here.\n\n"
                + "(U) Second portion.\n(S//NF//SI) Bad mark.\nSECRET//NOFORN\n";
        List<TextPortion> ps = detector.split(text);
        assertThat(ps).extracting(p -> p.text(text)).containsExactly("Cover note without a mark.",
                "First portion\ncontinues here.", "Second portion.", "Bad mark.");
        assertThat(ps.get(0).marked()).isFalse();
        assertThat(ps.get(1).mark().marking().level()).isEqualTo(Classification.S);
        assertThat(ps.get(2).mark().text()).isEqualTo("(U)");
        assertThat(ps.get(3).mark().isValid()).isFalse();
    }
}

package io.sextant.guard.marking;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.testing.RandomMarkings;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomRoundTripTest {

    private static final int CASES = 5000;
    private final MarkingParser parser = new MarkingParser(RandomMarkings.VOCAB, Profile.IC);

    @Test
    void formattingThenParsingGivesBackTheSameMarkingWithoutWarnings() {
        long seed = RandomMarkings.seed("formattingThenParsingGivesBackTheSameMarkingWithoutWarnings");
        RandomMarkings gen = new RandomMarkings(new Random(seed), false);
        for (int i = 0; i < CASES; i++) {
            Marking m = gen.next();
            String portion = MarkingFormatter.portion(m);
            String banner = MarkingFormatter.banner(m);
            ParsedMarking p = parser.parsePortion(portion);
            ParsedMarking b = parser.parseBanner(banner);
            assertThat(p.marking()).as("case %d: %s", i, portion).isEqualTo(m);
            assertThat(b.marking()).as("case %d: %s", i, banner).isEqualTo(m);
            assertThat(p.warnings()).as("canonical portion %s", portion).isEmpty();
            assertThat(b.warnings()).as("canonical banner %s", banner).isEmpty();
            assertThat(MarkingFormatter.portion(p.marking())).isEqualTo(portion);
            assertThat(MarkingFormatter.banner(b.marking())).isEqualTo(banner);
        }
    }

    @Test
    void lowerCaseAndExtraSpacesNormaliseToTheCanonicalForm() {
        long seed = RandomMarkings.seed("lowerCaseAndExtraSpacesNormaliseToTheCanonicalForm");
        Random r = new Random(seed);
        RandomMarkings gen = new RandomMarkings(r, false);
        for (int i = 0; i < CASES / 5; i++) {
            Marking m = gen.next();
            String portion = MarkingFormatter.portion(m);
            String messy = portion.toLowerCase(java.util.Locale.ROOT)
                    .replace("//", r.nextBoolean() ? " // " : "//")
                    .replace("(", "( ").replace(")", " )");
            assertThat(parser.parsePortion(messy).marking()).as("case %d: %s", i, messy).isEqualTo(m);
        }
    }
}

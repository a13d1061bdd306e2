package io.sextant.guard.marking;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.guard.testing.RandomMarkings;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated and random inputs: the parser either returns a marking whose canonical form parses back to itself, or
 * rejects with {@link InvalidMarkingException} and a position inside the input. Nothing else may escape.
 */
class ParserFuzzTest {

    private static final String[] PIECES = {"(", ")", "/", "//", " ", ",", "-", "S", "TS", "U", "C", "NF", "REL TO",
        "USA", "GBR", "FVEY", "SI", "G", "ABCD", "OC", "RELIDO", "DISPLAY ONLY", "FGI", "DEU", "JOINT", "CTS", "NS",
        "CUI", "SP-PRVCY", "HCS", "P", "XD", "LES-NF", "RD", "SAR-BP", "TOP SECRET", "SECRET", "R", "\t", "é", "FOUO"};

    private final MarkingParser parser = new MarkingParser(RandomMarkings.VOCAB, Profile.IC);

    private void check(String input) {
        ParsedMarking p;
        try {
            p = parser.parse(input);
        } catch (InvalidMarkingException e) {
            assertThat(e.position()).as(input).isBetween(0, input.length());
            assertThat(e.reason()).as(input).isNotBlank();
            return;
        }
        Marking m = p.marking();
        boolean portion = input.strip().startsWith("(");
        String canonical = portion ? MarkingFormatter.portion(m) : MarkingFormatter.banner(m);
        ParsedMarking again = parser.parse(canonical);
        assertThat(again.marking()).as(input + " -> " + canonical).isEqualTo(m);
        assertThat(again.warnings()).as(input + " -> " + canonical).isEmpty();
    }

    @Test
    void mutatedValidMarkingsParseOrAreRejectedCleanly() {
        long seed = RandomMarkings.seed("mutatedValidMarkingsParseOrAreRejectedCleanly");
        Random r = new Random(seed);
        RandomMarkings gen = new RandomMarkings(r, false);
        for (int i = 0; i < 4000; i++) {
            Marking m = gen.next();
            StringBuilder s = new StringBuilder(r.nextBoolean() ? MarkingFormatter.portion(m)
                    : MarkingFormatter.banner(m));
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                int at = r.nextInt(s.length() + 1);
                switch (r.nextInt(3)) {
                    case 0 -> s.insert(at, PIECES[r.nextInt(PIECES.length)]);
                    case 1 -> {
                        if (at < s.length()) {
                            s.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < s.length()) {
                            s.setCharAt(at, "/ (),-SNFGU".charAt(r.nextInt(11)));
                        }
                    }
                }
            }
            check(s.toString());
        }
    }

    @Test
    void randomTokenSoupNeverEscapesAsAnotherException() {
        long seed = RandomMarkings.seed("randomTokenSoupNeverEscapesAsAnotherException");
        Random r = new Random(seed);
        for (int i = 0; i < 4000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = r.nextInt(12); k >= 0; k--) {
                s.append(PIECES[r.nextInt(PIECES.length)]);
            }
            check(s.toString());
        }
    }
}

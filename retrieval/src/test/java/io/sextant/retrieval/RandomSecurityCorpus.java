package io.sextant.retrieval;

import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Vocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random valid markings (through the guard's parser), random users and random passages for security tests. */
public final class RandomSecurityCorpus {

    public static final String[] WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
            + "mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu radar "
            + "convoy harbor bridge signal cipher relay orbit vessel").split(" ");
    private static final String[] LEVELS = {"U", "C", "S", "TS"};
    private static final String[] SCI = {"", "SI", "TK", "SI/TK", "HCS", "SI-G ABCD"};
    private static final String[] DISSEM = {"", "NF", "REL TO USA, GBR", "REL TO USA, AUS, CAN, GBR, NZL",
        "REL TO USA, FVEY", "OC/NF", "RELIDO", "DISPLAY ONLY AFG", "REL TO USA, DEU", "FOUO"};
    private static final String[] FGI = {"(//DEU S)", "(//GBR C)", "(//DEU S//REL TO USA, DEU)",
        "(//JOINT S GBR USA//REL TO USA, GBR)"};
    private static final String[] COUNTRIES = {"USA", "USA", "GBR", "AUS", "DEU", "FRA", "AFG", "CAN"};
    private static final String[] USER_SCI = {"SI", "TK", "HCS", "SI-G", "SI-G-ABCD"};

    private final Random random;
    private final MarkingParser parser = MarkingParser.defaultParser();
    private final List<Marking> markings = new ArrayList<>();

    public RandomSecurityCorpus(Random random) {
        this.random = random;
        for (int tries = 0; markings.size() < 60 && tries < 5000; tries++) {
            String mark = randomMarkString();
            try {
                markings.add(parser.parsePortion(mark).marking());
            } catch (IllegalArgumentException e) {
                // invalid combination: the guard rejected it, which is what we want to sample around
            }
        }
        if (markings.size() < 20) {
            throw new IllegalStateException("too few valid random markings: " + markings.size());
        }
    }

    private String randomMarkString() {
        if (random.nextInt(8) == 0) {
            return FGI[random.nextInt(FGI.length)];
        }
        StringBuilder sb = new StringBuilder("(").append(LEVELS[random.nextInt(LEVELS.length)]);
        String sci = SCI[random.nextInt(SCI.length)];
        if (!sci.isEmpty()) {
            sb.append("//").append(sci);
        }
        String d = DISSEM[random.nextInt(DISSEM.length)];
        if (!d.isEmpty()) {
            sb.append("//").append(d);
        }
        return sb.append(')').toString();
    }

    public List<Marking> markings() {
        return markings;
    }

    public Marking marking() {
        return markings.get(random.nextInt(markings.size()));
    }

    public Clearance user() {
        StringBuilder sci = new StringBuilder();
        for (String s : USER_SCI) {
            if (random.nextInt(3) == 0) {
                sci.append(sci.length() == 0 ? "" : ",").append(s);
            }
        }
        String spec = "level=" + LEVELS[random.nextInt(LEVELS.length)] + ";sci=" + sci + ";country="
                + COUNTRIES[random.nextInt(COUNTRIES.length)] + (random.nextInt(4) == 0 ? ";nato=true" : "");
        return Clearance.parse(spec, Vocabulary.defaults());
    }

    public String text(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    public List<Passage> passages(int n, int dim) {
        List<Passage> out = new ArrayList<>();
        String[] collections = {"ops", "intel", "logistics"};
        String[] types = {"pdf", "docx", "html"};
        for (int i = 0; i < n; i++) {
            String text = text(5 + random.nextInt(25));
            out.add(new Passage("p" + i, "d" + (i / 3), i % 3, text, text(2), List.of(text(1)), 1 + i % 7,
                    marking(), collections[random.nextInt(3)], types[random.nextInt(3)],
                    LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1000)), "src" + random.nextInt(2), "en",
                    HashEmbedder.vector(text, dim)));
        }
        return out;
    }
}

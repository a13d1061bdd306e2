package io.sextant.guard.visibility;

import io.sextant.guard.access.Action;
import io.sextant.guard.access.Clearance;
import io.sextant.guard.marking.Classification;
import io.sextant.guard.marking.InvalidMarkingException;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingParser;
import io.sextant.guard.marking.Profile;
import io.sextant.guard.marking.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Random valid markings, built as portion-mark text from random token choices and kept only when the real parser
 * accepts them, and random clearances (half of them shaped after a given marking so that ALLOW is common).
 */
public final class RandomMarkings {

    /** A vocabulary with two SAP programs registered, so SAP markings can be generated. */
    public static final Vocabulary VOCAB = Vocabulary.defaults().withSapPrograms(List.of("BP", "CD"));
    /** A parser on {@link #VOCAB}. */
    public static final MarkingParser PARSER = new MarkingParser(VOCAB, Profile.IC);

    private static final String[] LEVELS = {"U", "C", "S", "TS"};
    private static final String[] FOREIGN = {"//DEU S", "//FGI S", "//GBR C", "//FRA TS", "//NS", "//NC", "//CTS",
        "//NU", "//NR", "//JOINT S GBR USA", "//JOINT TS CAN USA", "//CTS//BOHEMIA", "//NS//ATOMAL"};
    private static final String[][] SCI = {{"SI", "SI-G", "SI-G ABCD", "SI-G ABCD EFGH", "SI-XYZ"}, {"TK"},
        {"HCS-P", "HCS-P JJJ", "HCS-O"}};
    private static final String[] SAP = {"SAR-BP", "SAR-CD", "SAR-BP/CD"};
    private static final String[] AEA = {"RD", "RD-CNWDI", "FRD", "DCNI", "UCNI", "TFNI", "RD-SG 14", "FRD-SG 3"};
    private static final String[] FGI = {"FGI DEU", "FGI GBR", "FGI", "FGI NATO", "FGI DEU GBR"};
    private static final String[] HANDLING = {"RS", "FOUO", "OC", "OC-USGOV", "IMC", "PR", "DSEN", "FISA"};
    private static final String[] REL_CODES = {"GBR", "AUS", "CAN", "NZL", "DEU", "FRA", "JPN", "FVEY", "ACGU",
        "NATO"};
    private static final String[] DISPLAY_CODES = {"AFG", "IRQ", "GBR", "JPN", "FRA"};
    private static final String[] NON_IC = {"DS", "XD", "ND", "SBU", "SBU-NF", "LES", "LES-NF"};
    /** Citizenships clearances are drawn from. */
    public static final String[] COUNTRIES = {"USA", "GBR", "AUS", "CAN", "NZL", "DEU", "FRA", "JPN", "AFG", "IRQ",
        "ITA"};

    private final Random random;

    /** @param random the source of randomness (seeded by the caller) */
    public RandomMarkings(Random random) {
        this.random = random;
    }

    /** @return a random portion mark text; it may be invalid */
    public String candidate() {
        if (chance(4)) {
            return cui();
        }
        List<String> cats = new ArrayList<>();
        boolean us = random.nextInt(5) != 0;
        String head = us ? LEVELS[random.nextInt(LEVELS.length)] : pick(FOREIGN);
        if (us && chance(35)) {
            List<String> sci = new ArrayList<>();
            for (String[] system : SCI) {
                if (chance(45)) {
                    sci.add(system[random.nextInt(system.length)]);
                }
            }
            if (!sci.isEmpty()) {
                cats.add(String.join("/", sci));
            }
        }
        if (chance(8)) {
            cats.add(pick(SAP));
        }
        if (chance(8)) {
            cats.add(pick(AEA));
        }
        if (us && chance(10)) {
            cats.add(pick(FGI));
        }
        List<String> dissem = new ArrayList<>();
        for (String h : HANDLING) {
            if (chance(h.equals("OC") ? 20 : 6)) {
                dissem.add(h);
            }
        }
        int fdr = random.nextInt(10);
        if (fdr < 3) {
            dissem.add("NF");
        } else if (fdr < 6) {
            dissem.add("REL TO USA, " + String.join(", ", subset(REL_CODES, 1 + random.nextInt(3))));
            if (chance(15)) {
                dissem.add("RELIDO");
            }
        } else if (fdr == 6) {
            dissem.add("RELIDO");
        } else if (fdr == 7) {
            dissem.add("DISPLAY ONLY " + String.join(", ", subset(DISPLAY_CODES, 1 + random.nextInt(2))));
        }
        if (!dissem.isEmpty()) {
            cats.add(String.join("/", dissem));
        }
        if (chance(10)) {
            cats.add(pick(NON_IC));
        }
        StringBuilder sb = new StringBuilder("(").append(head);
        for (String c : cats) {
            sb.append("//").append(c);
        }
        return sb.append(')').toString();
    }

    private String cui() {
        StringBuilder sb = new StringBuilder("(CUI");
        if (chance(60)) {
            sb.append("//").append(pick(new String[] {"SP-CTI", "CTI", "AG", "SP-CTI/AG"}));
        }
        if (chance(70)) {
            sb.append("//").append(pick(new String[] {"NF", "FED ONLY", "REL TO USA, GBR", "DISPLAY ONLY AFG",
                "FEDCON", "REL TO USA, FVEY/FED ONLY"}));
        }
        return sb.append(')').toString();
    }

    /** @return a random valid marking, drawn until the parser accepts one */
    public Marking marking() {
        while (true) {
            try {
                return PARSER.parsePortion(candidate()).marking();
            } catch (InvalidMarkingException e) {
                // not a valid combination: draw again
            }
        }
    }

    /**
     * @param m a marking to shape the clearance after, or null for a fully random one
     * @return a clearance
     */
    public Clearance clearance(Marking m) {
        if (m == null || chance(50)) {
            Set<String> sci = new TreeSet<>(subset(new String[] {"SI", "SI-G", "SI-G-ABCD", "TK", "HCS", "HCS-P",
                "HCS-O", "SI-XYZ"}, random.nextInt(5)));
            Set<String> sap = new TreeSet<>(subset(new String[] {"BP", "CD"}, random.nextInt(3)));
            Set<String> aea = new TreeSet<>(subset(new String[] {"RD", "RD-CNWDI", "FRD", "TFNI", "RD-SG-14"},
                    random.nextInt(4)));
            return clearance(Classification.values()[random.nextInt(4)], sci, sap, aea, pick(COUNTRIES));
        }
        int rank = m.level().rank() + random.nextInt(2) - (chance(10) ? 1 : 0);
        Classification level = Classification.values()[Math.max(0, Math.min(3, rank))];
        Set<String> sci = new TreeSet<>(m.sciTokens());
        if (!sci.isEmpty() && chance(15)) {
            sci.remove(new ArrayList<>(sci).get(random.nextInt(sci.size())));
        }
        Set<String> sap = new TreeSet<>(m.sapTokens());
        Set<String> aea = new TreeSet<>(List.of("RD", "RD-CNWDI", "FRD", "TFNI", "RD-SG-14", "FRD-SG-3"));
        if (chance(10)) {
            aea.clear();
        }
        String country;
        int c = random.nextInt(10);
        if (c < 5) {
            country = "USA";
        } else if (c < 8 && !m.releasableTo().isEmpty()) {
            country = m.releasableTo().get(random.nextInt(m.releasableTo().size()));
            country = country.length() == 3 ? country : pick(COUNTRIES);
        } else if (c < 9 && !m.displayOnlyTo().isEmpty()) {
            country = m.displayOnlyTo().get(random.nextInt(m.displayOnlyTo().size()));
        } else {
            country = pick(COUNTRIES);
        }
        return clearance(level, sci, sap, aea, country);
    }

    private Clearance clearance(Classification level, Set<String> sci, Set<String> sap, Set<String> aea,
            String country) {
        Set<String> orgs = new TreeSet<>(VOCAB.membershipsOf(country));
        if (chance(5)) {
            orgs.add("ISAF");
        }
        Action action = chance(75) ? Action.VIEW : Action.RELEASE;
        return new Clearance(level, sci, sap, aea, country, orgs, action, chance(70), chance(40));
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String[] a) {
        return a[random.nextInt(a.length)];
    }

    private List<String> subset(String[] a, int n) {
        List<String> pool = new ArrayList<>(List.of(a));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }
}

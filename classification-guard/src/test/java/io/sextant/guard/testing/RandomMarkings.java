package io.sextant.guard.testing;

import io.sextant.guard.marking.AeaMarking;
import io.sextant.guard.marking.Classification;
import io.sextant.guard.marking.ClassificationType;
import io.sextant.guard.marking.CuiLdc;
import io.sextant.guard.marking.CuiMarking;
import io.sextant.guard.marking.DissemControl;
import io.sextant.guard.marking.FgiMarking;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingRules;
import io.sextant.guard.marking.NatoControl;
import io.sextant.guard.marking.NonIcControl;
import io.sextant.guard.marking.SciCompartment;
import io.sextant.guard.marking.SciControl;
import io.sextant.guard.marking.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid portion markings for property tests: components are drawn at random and a draw that breaks a rule of
 * SPEC §3.4 is thrown away and drawn again, so every marking returned passes the portion rules.
 */
public final class RandomMarkings {

    /** A vocabulary with a local SCI system and SAP programs registered, as a site would have. */
    public static final Vocabulary VOCAB = Vocabulary.defaults()
            .withLocalSciSystems(List.of("123", "FGH"))
            .withSapPrograms(List.of("BP", "GB", "XR"));

    private static final String[] TRIGRAPHS = {"AUS", "CAN", "GBR", "NZL", "DEU", "FRA", "JPN", "AFG", "IRQ", "NOR"};
    private static final String[] TETRAGRAPHS = {"FVEY", "ACGU", "TEYE", "NATO"};
    private static final String[] IDS = {"A", "B", "G", "XYZ", "ABCD", "EFGH", "Q1", "MMM", "JJJ", "Z9Z9Z9"};

    private final Random random;
    private final boolean rollupSafe;

    /**
     * @param random     the source of randomness (seeded by the test)
     * @param rollupSafe true to leave out what roll-up rejects by design (NATO special markings, CUI)
     */
    public RandomMarkings(Random random, boolean rollupSafe) {
        this.random = random;
        this.rollupSafe = rollupSafe;
    }

    /** @return a random marking valid as a portion */
    public Marking next() {
        while (true) {
            try {
                Marking m = draw();
                if (MarkingRules.check(m, true, VOCAB).isEmpty()) {
                    return m;
                }
            } catch (IllegalArgumentException e) {
                // an invalid combination: draw again
            }
        }
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(T[] a) {
        return a[random.nextInt(a.length)];
    }

    private Marking draw() {
        Marking.Builder b = Marking.builder();
        Classification level = Classification.values()[random.nextInt(4)];
        b.level(level);
        int t = random.nextInt(100);
        ClassificationType type = t < 70 ? ClassificationType.US : t < 80 ? ClassificationType.FGI
                : t < 88 ? ClassificationType.NATO : t < 95 ? ClassificationType.JOINT : ClassificationType.US;
        boolean cui = t >= 95 && !rollupSafe;
        switch (type) {
            case FGI -> {
                b.type(type, chance(0.2) ? List.of("FGI") : codes(1 + random.nextInt(2), false));
                if (level == Classification.C && chance(0.3)) {
                    b.restricted(true);
                }
            }
            case NATO -> {
                b.type(type, List.of("NATO"));
                if (level == Classification.C && chance(0.3)) {
                    b.restricted(true);
                }
                if (!rollupSafe && chance(0.3)) {
                    b.nato(pick(NatoControl.values()));
                }
            }
            case JOINT -> {
                List<String> owners = new ArrayList<>(codes(1 + random.nextInt(2), false));
                owners.add("USA");
                b.type(type, owners);
                List<String> rel = new ArrayList<>(owners);
                rel.addAll(codes(random.nextInt(2), true));
                b.releasableTo(dedupe(rel));
            }
            default -> {
            }
        }
        if (cui) {
            b.level(Classification.U);
            List<String> cats = new ArrayList<>();
            if (chance(0.6)) {
                cats.add(chance(0.5) ? "SP-PRVCY" : "PRVCY");
            }
            if (chance(0.3)) {
                cats.add("LEI");
            }
            List<CuiLdc> ldcs = new ArrayList<>();
            if (chance(0.3)) {
                ldcs.add(pick(CuiLdc.values()));
            }
            b.cui(new CuiMarking(true, cats, java.util.Set.copyOf(ldcs)));
            fdr(b, true);
            return b.build();
        }
        if (type == ClassificationType.US || type == ClassificationType.JOINT) {
            if (chance(0.3)) {
                sci(b);
            }
            if (type == ClassificationType.US && chance(0.15)) {
                b.fgi(chance(0.3) ? FgiMarking.CONCEALED : FgiMarking.of(codes(1 + random.nextInt(2), false)));
            }
        }
        if (chance(0.1)) {
            b.sap(pick(new String[] {"BP", "GB", "XR", "BP-J12"}));
        }
        if (chance(0.1)) {
            AeaMarking.Type at = pick(AeaMarking.Type.values());
            b.aea(new AeaMarking(at, at.isSigma() ? List.of(1 + random.nextInt(20)) : List.of()));
        }
        for (DissemControl d : new DissemControl[] {DissemControl.RSEN, DissemControl.FOUO, DissemControl.ORCON,
            DissemControl.ORCON_USGOV, DissemControl.IMCON, DissemControl.PROPIN, DissemControl.DSEN,
            DissemControl.FISA}) {
            if (chance(0.08)) {
                b.dissem(d);
            }
        }
        if (type != ClassificationType.JOINT) {
            fdr(b, false);
        }
        for (NonIcControl c : NonIcControl.values()) {
            if (chance(0.04)) {
                b.nonIc(c);
            }
        }
        return b.build();
    }

    private void sci(Marking.Builder b) {
        String sys = pick(new String[] {"SI", "TK", "HCS", "RSV", "123", "FGH"});
        List<SciCompartment> comps = new ArrayList<>();
        int n = sys.equals("RSV") ? 1 : random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String name = sys.equals("HCS") ? pick(new String[] {"O", "P"})
                    : sys.equals("RSV") ? pick(new String[] {"ABC", "Q1", "Z"}) : pick(IDS);
            if (comps.stream().anyMatch(c -> c.name().equals(name))) {
                continue;
            }
            List<String> subs = new ArrayList<>();
            for (int j = random.nextInt(3); j > 0; j--) {
                String s = pick(IDS);
                if (!subs.contains(s)) {
                    subs.add(s);
                }
            }
            comps.add(new SciCompartment(name, subs));
        }
        b.sci(new SciControl(sys, comps));
        if (sys.equals("HCS")) {
            b.dissem(DissemControl.NOFORN);
            b.dissem(DissemControl.ORCON);
        }
        if (sys.equals("SI") && !comps.isEmpty()) {
            b.dissem(DissemControl.ORCON);
        }
    }

    private void fdr(Marking.Builder b, boolean cui) {
        int f = random.nextInt(8);
        switch (f) {
            case 1 -> b.dissem(DissemControl.NOFORN);
            case 2, 3 -> b.releasableTo(relList());
            case 4 -> b.dissem(DissemControl.RELIDO);
            case 5 -> {
                b.releasableTo(relList());
                if (!cui) {
                    b.dissem(DissemControl.RELIDO);
                }
            }
            case 6 -> b.displayOnlyTo(codes(1 + random.nextInt(2), false));
            case 7 -> {
                List<String> rel = relList();
                List<String> disp = new ArrayList<>(List.of("AFG", "IRQ"));
                disp.removeAll(rel);
                b.releasableTo(rel);
                b.displayOnlyTo(disp);
            }
            default -> {
            }
        }
    }

    private List<String> relList() {
        List<String> l = new ArrayList<>(List.of("USA"));
        l.addAll(codes(1 + random.nextInt(3), true));
        // no trigraph covered by an expandable tetragraph in the same list: roll-up would drop it (SPEC §4 R7.4)
        for (String t : List.of("FVEY", "ACGU", "TEYE")) {
            if (l.contains(t)) {
                l.removeIf(c -> c.length() == 3 && !c.equals("USA") && VOCAB.members(t).contains(c));
            }
        }
        return l;
    }

    private List<String> codes(int n, boolean tetragraphs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String c = tetragraphs && chance(0.3) ? pick(TETRAGRAPHS) : pick(TRIGRAPHS);
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<String> dedupe(List<String> l) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(l));
    }

    /**
     * @param name the test's name
     * @return the seed from {@code -Dtests.seed}, else a fixed default; printed so a failure can be replayed
     */
    public static long seed(String name) {
        long seed = Long.getLong("tests.seed", 20261128L);
        System.out.println(name + ": tests.seed=" + seed + " (replay with -Dtests.seed=" + seed + ")");
        return seed;
    }
}

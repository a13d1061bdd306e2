package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, validated classification marking: the meaning of one banner line or portion mark, independent of
 * spelling. Every collection is held in canonical order, so two markings that mean the same are {@code equals}.
 * Construction enforces the structural rules and the context-free constraints of SPEC §3.4 and throws
 * {@link IllegalArgumentException} otherwise; the parser reports the same rules with a character position.
 *
 * @param type          US, FGI, NATO or JOINT (mutually exclusive, SPEC §1.4)
 * @param level         the US-equivalent level (RESTRICTED and NATO RESTRICTED rank as C)
 * @param restricted    true when the foreign/NATO level is RESTRICTED (then {@code level} is C)
 * @param owners        US: [USA]; FGI: the owning countries, or [FGI] when concealed; NATO: [NATO]; JOINT: the
 *                      co-owners including USA, each list in canonical code order
 * @param sci           SCI control systems, sorted
 * @param sap           SAP program identifiers (without {@code SAR-}), sorted
 * @param aea           Atomic Energy Act markings in Register order
 * @param fgi           the FGI category of a US marking, or {@link FgiMarking#NONE}
 * @param dissem        dissemination controls (REL TO / DISPLAY ONLY present exactly when their lists are)
 * @param releasableTo  REL TO list, USA first then trigraphs then tetragraphs; empty when absent
 * @param displayOnlyTo DISPLAY ONLY list, trigraphs then tetragraphs; empty when absent
 * @param nonIc         non-IC dissemination controls
 * @param natoControls  NATO special markings (ATOMAL, BOHEMIA, BALK)
 * @param cui           the CUI part of an unclassified marking, or {@link CuiMarking#NONE}
 */
public record Marking(
        ClassificationType type,
        Classification level,
        boolean restricted,
        List<String> owners,
        List<SciControl> sci,
        List<String> sap,
        List<AeaMarking> aea,
        FgiMarking fgi,
        Set<DissemControl> dissem,
        List<String> releasableTo,
        List<String> displayOnlyTo,
        Set<NonIcControl> nonIc,
        Set<NatoControl> natoControls,
        CuiMarking cui) {

    /** {@code UNCLASSIFIED} / {@code (U)}. */
    public static final Marking UNCLASSIFIED = us(Classification.U);

    /**
     * Normalises every collection to canonical order and validates.
     *
     * @throws IllegalArgumentException when the components do not form a valid marking
     */
    public Marking(ClassificationType type, Classification level, boolean restricted, List<String> owners,
            List<SciControl> sci, List<String> sap, List<AeaMarking> aea, FgiMarking fgi,
            Set<DissemControl> dissem, List<String> releasableTo, List<String> displayOnlyTo,
            Set<NonIcControl> nonIc, Set<NatoControl> natoControls, CuiMarking cui) {
        this.type = Objects.requireNonNull(type, "type");
        this.level = Objects.requireNonNull(level, "level");
        this.restricted = restricted;
        this.owners = normaliseOwners(type, Objects.requireNonNull(owners, "owners"));
        this.sci = sortedUnique(sci, "SCI control system");
        this.sap = sortedStrings(sap);
        this.aea = sortedUnique(aea, "AEA marking");
        this.fgi = Objects.requireNonNull(fgi, "fgi");
        this.releasableTo = releasableTo == null || releasableTo.isEmpty()
                ? List.of() : Codes.sortReleasable(releasableTo);
        this.displayOnlyTo = displayOnlyTo == null || displayOnlyTo.isEmpty()
                ? List.of() : Codes.sortCountries(displayOnlyTo, "DISPLAY ONLY");
        EnumSet<DissemControl> d = EnumSet.noneOf(DissemControl.class);
        d.addAll(Objects.requireNonNull(dissem, "dissem"));
        if (!this.releasableTo.isEmpty()) {
            d.add(DissemControl.REL_TO);
        } else if (d.contains(DissemControl.REL_TO)) {
            throw new IllegalArgumentException("REL TO needs a country list");
        }
        if (!this.displayOnlyTo.isEmpty()) {
            d.add(DissemControl.DISPLAY_ONLY);
        } else if (d.contains(DissemControl.DISPLAY_ONLY)) {
            throw new IllegalArgumentException("DISPLAY ONLY needs a country list");
        }
        this.dissem = Collections.unmodifiableSet(d);
        this.nonIc = enumCopy(nonIc, NonIcControl.class);
        this.natoControls = enumCopy(natoControls, NatoControl.class);
        this.cui = Objects.requireNonNull(cui, "cui");
        List<MarkingRules.Violation> v = MarkingRules.check(this, false, null);
        if (!v.isEmpty()) {
            throw new RuleViolationException(v.get(0));
        }
    }

    /**
     * @param level a US level
     * @return a US marking with that level and no controls
     */
    public static Marking us(Classification level) {
        return new Marking(ClassificationType.US, level, false, List.of("USA"), List.of(), List.of(), List.of(),
                FgiMarking.NONE, Set.of(), List.of(), List.of(), Set.of(), Set.of(), CuiMarking.NONE);
    }

    /** @return a builder for a US UNCLASSIFIED marking with no controls */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised with this marking's components */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.level = level;
        b.restricted = restricted;
        b.owners = new ArrayList<>(owners);
        b.sci = new ArrayList<>(sci);
        b.sap = new ArrayList<>(sap);
        b.aea = new ArrayList<>(aea);
        b.fgi = fgi;
        b.dissem = EnumSet.noneOf(DissemControl.class);
        b.dissem.addAll(dissem);
        b.releasableTo = new ArrayList<>(releasableTo);
        b.displayOnlyTo = new ArrayList<>(displayOnlyTo);
        b.nonIc = EnumSet.noneOf(NonIcControl.class);
        b.nonIc.addAll(nonIc);
        b.natoControls = EnumSet.noneOf(NatoControl.class);
        b.natoControls.addAll(natoControls);
        b.cui = cui;
        return b;
    }

    /** @return true when the US-equivalent level is U */
    public boolean isUnclassified() {
        return level == Classification.U;
    }

    /** @return true when the marking carries NOFORN itself */
    public boolean hasNoforn() {
        return dissem.contains(DissemControl.NOFORN);
    }

    /**
     * @param control a dissemination control
     * @return whether the marking carries it
     */
    public boolean has(DissemControl control) {
        return dissem.contains(control);
    }

    /**
     * @param control a non-IC control
     * @return whether the marking carries it
     */
    public boolean has(NonIcControl control) {
        return nonIc.contains(control);
    }

    /** @return true when this is a CUI marking */
    public boolean isCui() {
        return cui.present();
    }

    /** @return true for FGI and NATO markings and US markings with an FGI category: foreign information inside */
    public boolean containsFgi() {
        return type == ClassificationType.FGI || type == ClassificationType.NATO || fgi.present();
    }

    /**
     * True when the marking says "not releasable to foreign nationals" in any form: NOFORN, SBU NOFORN, LES NOFORN,
     * or a control that requires NOFORN (EXDIS, NODIS, HCS). SPEC §4 R7.
     *
     * @return whether the FD&amp;R state is NF
     */
    public boolean isNofornState() {
        return hasNoforn() || nonIc.contains(NonIcControl.SBU_NOFORN) || nonIc.contains(NonIcControl.LES_NOFORN)
                || nonIc.contains(NonIcControl.EXDIS) || nonIc.contains(NonIcControl.NODIS)
                || sci.stream().anyMatch(s -> s.system().equals("HCS"));
    }

    /** @return true when the marking carries any foreign disclosure and release marking */
    public boolean hasFdr() {
        return isNofornState() || dissem.contains(DissemControl.REL_TO) || dissem.contains(DissemControl.RELIDO)
                || dissem.contains(DissemControl.DISPLAY_ONLY);
    }

    /** @return true when the marking has anything beyond its classification (a control, FGI, CUI...) */
    public boolean hasControls() {
        return !sci.isEmpty() || !sap.isEmpty() || !aea.isEmpty() || fgi.present() || !dissem.isEmpty()
                || !nonIc.isEmpty() || !natoControls.isEmpty() || cui.present() || type != ClassificationType.US;
    }

    /** @return SCI tokens in ISM hyphen form: {@code SI}, {@code SI-G}, {@code SI-G-ABCD}, {@code HCS-P-JJJ}... */
    public List<String> sciTokens() {
        List<String> out = new ArrayList<>();
        for (SciControl c : sci) {
            out.addAll(c.tokens());
        }
        return List.copyOf(out);
    }

    /** @return SAP tokens: each program identifier and its hyphen prefixes ({@code BP}, {@code BP-J12}) */
    public List<String> sapTokens() {
        List<String> out = new ArrayList<>();
        for (String p : sap) {
            int i = p.indexOf('-');
            while (i > 0) {
                String prefix = p.substring(0, i);
                if (!out.contains(prefix)) {
                    out.add(prefix);
                }
                i = p.indexOf('-', i + 1);
            }
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** @return AEA tokens in ISM form: {@code RD}, {@code RD-CNWDI}, {@code RD-SG-14}, {@code DCNI}... */
    public List<String> aeaTokens() {
        List<String> out = new ArrayList<>();
        for (AeaMarking a : aea) {
            out.addAll(a.tokens());
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return MarkingFormatter.portion(this);
    }

    private static List<String> normaliseOwners(ClassificationType type, List<String> owners) {
        switch (type) {
            case US -> {
                if (!owners.equals(List.of("USA"))) {
                    throw new IllegalArgumentException("a US marking is owned by USA alone");
                }
                return List.of("USA");
            }
            case NATO -> {
                if (!owners.equals(List.of("NATO"))) {
                    throw new IllegalArgumentException("a NATO marking is owned by NATO alone");
                }
                return List.of("NATO");
            }
            case FGI -> {
                if (owners.equals(List.of("FGI"))) {
                    return owners;
                }
                if (owners.isEmpty() || owners.contains("USA") || owners.contains("FGI")) {
                    throw new IllegalArgumentException("a foreign marking names its foreign owners or FGI");
                }
                return Codes.sortCountries(owners, "FGI owners");
            }
            case JOINT -> {
                List<String> sorted = Codes.sortCountries(owners, "JOINT");
                if (!sorted.contains("USA") || sorted.size() < 2) {
                    throw new IllegalArgumentException("JOINT needs USA and at least one other co-owner");
                }
                return sorted;
            }
            default -> throw new IllegalStateException();
        }
    }

    private static <T extends Comparable<T>> List<T> sortedUnique(Collection<T> in, String what) {
        List<T> out = new ArrayList<>(Objects.requireNonNull(in, what));
        out.sort(null);
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).compareTo(out.get(i - 1)) == 0) {
                throw new IllegalArgumentException("duplicate " + what + " " + out.get(i));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> sortedStrings(Collection<String> in) {
        List<String> out = sortedUnique(in, "SAP program");
        for (String p : out) {
            for (String part : p.split("-", -1)) {
                Codes.requireIdentifier(part, "SAP program");
            }
        }
        return out;
    }

    private static <E extends Enum<E>> Set<E> enumCopy(Collection<E> in, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(Objects.requireNonNull(in, type.getSimpleName()));
        return Collections.unmodifiableSet(set);
    }

    /** Mutable assembly of a {@link Marking}; {@link #build()} validates. */
    public static final class Builder {
        private ClassificationType type = ClassificationType.US;
        private Classification level = Classification.U;
        private boolean restricted;
        private List<String> owners = new ArrayList<>(List.of("USA"));
        private List<SciControl> sci = new ArrayList<>();
        private List<String> sap = new ArrayList<>();
        private List<AeaMarking> aea = new ArrayList<>();
        private FgiMarking fgi = FgiMarking.NONE;
        private EnumSet<DissemControl> dissem = EnumSet.noneOf(DissemControl.class);
        private List<String> releasableTo = new ArrayList<>();
        private List<String> displayOnlyTo = new ArrayList<>();
        private EnumSet<NonIcControl> nonIc = EnumSet.noneOf(NonIcControl.class);
        private EnumSet<NatoControl> natoControls = EnumSet.noneOf(NatoControl.class);
        private CuiMarking cui = CuiMarking.NONE;

        private Builder() {
        }

        /**
         * @param t the classification type
         * @param ownerCodes the owners (see {@link Marking#owners()})
         * @return this
         */
        public Builder type(ClassificationType t, List<String> ownerCodes) {
            this.type = t;
            this.owners = new ArrayList<>(ownerCodes);
            return this;
        }

        /** @param l the level @return this */
        public Builder level(Classification l) {
            this.level = l;
            return this;
        }

        /** @param r whether the foreign level is RESTRICTED @return this */
        public Builder restricted(boolean r) {
            this.restricted = r;
            return this;
        }

        /** @param c an SCI control (merged with one of the same system) @return this */
        public Builder sci(SciControl c) {
            for (int i = 0; i < sci.size(); i++) {
                if (sci.get(i).system().equals(c.system())) {
                    sci.set(i, sci.get(i).merge(c));
                    return this;
                }
            }
            sci.add(c);
            return this;
        }

        /** @param program a SAP program identifier @return this */
        public Builder sap(String program) {
            if (!sap.contains(program)) {
                sap.add(program);
            }
            return this;
        }

        /** @param a an AEA marking (SIGMA numbers merged with one of the same type) @return this */
        public Builder aea(AeaMarking a) {
            for (int i = 0; i < aea.size(); i++) {
                if (aea.get(i).type() == a.type()) {
                    List<Integer> n = new ArrayList<>(aea.get(i).sigmas());
                    a.sigmas().stream().filter(x -> !n.contains(x)).forEach(n::add);
                    aea.set(i, new AeaMarking(a.type(), n));
                    return this;
                }
            }
            aea.add(a);
            return this;
        }

        /** @param f the FGI category @return this */
        public Builder fgi(FgiMarking f) {
            this.fgi = f;
            return this;
        }

        /** @param d a dissemination control (not REL TO / DISPLAY ONLY: give their lists) @return this */
        public Builder dissem(DissemControl d) {
            dissem.add(d);
            return this;
        }

        /** @param d a dissemination control to remove @return this */
        public Builder removeDissem(DissemControl d) {
            dissem.remove(d);
            if (d == DissemControl.REL_TO) {
                releasableTo.clear();
            } else if (d == DissemControl.DISPLAY_ONLY) {
                displayOnlyTo.clear();
            }
            return this;
        }

        /** @param codes the REL TO list (USA included) @return this */
        public Builder releasableTo(Collection<String> codes) {
            this.releasableTo = new ArrayList<>(codes);
            return this;
        }

        /** @param codes the DISPLAY ONLY list @return this */
        public Builder displayOnlyTo(Collection<String> codes) {
            this.displayOnlyTo = new ArrayList<>(codes);
            return this;
        }

        /** @param c a non-IC control @return this */
        public Builder nonIc(NonIcControl c) {
            nonIc.add(c);
            return this;
        }

        /** @param c a NATO special marking @return this */
        public Builder nato(NatoControl c) {
            natoControls.add(c);
            return this;
        }

        /** @param c the CUI part @return this */
        public Builder cui(CuiMarking c) {
            this.cui = c;
            return this;
        }

        /**
         * @return the validated marking
         * @throws IllegalArgumentException when the parts do not form a valid marking
         */
        public Marking build() {
            return new Marking(type, level, restricted, owners, sci, sap, aea, fgi, dissem, releasableTo,
                    displayOnlyTo, nonIc, natoControls, cui);
        }
    }
}

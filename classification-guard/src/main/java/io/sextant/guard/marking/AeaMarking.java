package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One Atomic Energy Act marking value (SPEC §2.3): RD, RD-CNWDI, RD-SIGMA n, FRD, FRD-SIGMA n, DOD UCNI, DOE UCNI,
 * TFNI. SIGMA values carry their numbers (1–99), sorted.
 *
 * @param type   which value
 * @param sigmas the SIGMA numbers, only for {@link Type#RD_SIGMA} and {@link Type#FRD_SIGMA}
 */
public record AeaMarking(Type type, List<Integer> sigmas) implements Comparable<AeaMarking> {

    /** AEA values in Register order. */
    public enum Type {
        /** RESTRICTED DATA. */
        RD("RD", "RD", "RD"),
        /** RD-CRITICAL NUCLEAR WEAPON DESIGN INFORMATION. */
        RD_CNWDI("RD-CNWDI", "RD-CNWDI", "RD-CNWDI"),
        /** RD-SIGMA [#]. */
        RD_SIGMA("RD-SIGMA", "RD-SG", "RD-SG"),
        /** FORMERLY RESTRICTED DATA. */
        FRD("FRD", "FRD", "FRD"),
        /** FRD-SIGMA [#]. */
        FRD_SIGMA("FRD-SIGMA", "FRD-SG", "FRD-SG"),
        /** DOD UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION. */
        DOD_UCNI("DOD UCNI", "DCNI", "DCNI"),
        /** DOE UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION. */
        DOE_UCNI("DOE UCNI", "UCNI", "UCNI"),
        /** TRANSCLASSIFIED FOREIGN NUCLEAR INFORMATION. */
        TFNI("TFNI", "TFNI", "TFNI");

        private final String banner;
        private final String portion;
        private final String ism;

        Type(String banner, String portion, String ism) {
            this.banner = banner;
            this.portion = portion;
            this.ism = ism;
        }

        /** @return the banner form (without SIGMA numbers) */
        public String banner() {
            return banner;
        }

        /** @return the portion form (without SIGMA numbers) */
        public String portion() {
            return portion;
        }

        /** @return true for the SIGMA values */
        public boolean isSigma() {
            return this == RD_SIGMA || this == FRD_SIGMA;
        }

        /** @return true for the values that need an access (RD, FRD, CNWDI, SIGMA, TFNI; not UCNI) */
        public boolean requiresAccess() {
            return this != DOD_UCNI && this != DOE_UCNI;
        }

        /** @return true for the values that may only mark classified information */
        public boolean classifiedOnly() {
            return this != DOD_UCNI && this != DOE_UCNI;
        }
    }

    /** Validates and sorts the SIGMA numbers. */
    public AeaMarking {
        Objects.requireNonNull(type, "type");
        TreeSet<Integer> set = new TreeSet<>();
        for (Integer n : Objects.requireNonNull(sigmas, "sigmas")) {
            if (n == null || n < 1 || n > 99) {
                throw new IllegalArgumentException("SIGMA number out of range 1-99: " + n);
            }
            if (!set.add(n)) {
                throw new IllegalArgumentException("duplicate SIGMA number " + n);
            }
        }
        if (type.isSigma() && set.isEmpty()) {
            throw new IllegalArgumentException(type.banner() + " requires at least one SIGMA number");
        }
        if (!type.isSigma() && !set.isEmpty()) {
            throw new IllegalArgumentException(type.banner() + " takes no SIGMA numbers");
        }
        sigmas = List.copyOf(set);
    }

    /**
     * @param type a value without SIGMA numbers
     * @return the marking
     */
    public static AeaMarking of(Type type) {
        return new AeaMarking(type, List.of());
    }

    /**
     * @param portion true for the portion form
     * @return the text, e.g. {@code RD-SIGMA 14} or {@code RD-SG 14}
     */
    public String text(boolean portion) {
        StringBuilder sb = new StringBuilder(portion ? type.portion() : type.banner());
        for (Integer n : sigmas) {
            sb.append(' ').append(n);
        }
        return sb.toString();
    }

    /** @return ISM-style tokens: {@code RD}, {@code RD-CNWDI}, {@code RD-SG-14}, {@code DCNI}... */
    public List<String> tokens() {
        List<String> out = new ArrayList<>();
        if (type.isSigma()) {
            for (Integer n : sigmas) {
                out.add(type.ism + "-" + n);
            }
        } else {
            out.add(type.ism);
        }
        return out;
    }

    @Override
    public int compareTo(AeaMarking o) {
        return type.compareTo(o.type);
    }
}

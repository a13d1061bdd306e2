package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An SCI control system with its compartments ({@code SI-G ABCD EFGH-XYZ} is system {@code SI} with compartments
 * {@code G} [ABCD, EFGH] and {@code XYZ}). Compartments are kept sorted and unique.
 *
 * @param system       the control system abbreviation (SI, TK, HCS, RSV, or a locally registered one)
 * @param compartments the compartments, sorted by name
 */
public record SciControl(String system, List<SciCompartment> compartments) implements Comparable<SciControl> {

    /** Validates and sorts. */
    public SciControl {
        Objects.requireNonNull(system, "system");
        Codes.requireIdentifier(system, "SCI control system");
        List<SciCompartment> sorted = new ArrayList<>(Objects.requireNonNull(compartments, "compartments"));
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("duplicate compartment " + system + "-" + sorted.get(i).name());
            }
        }
        compartments = List.copyOf(sorted);
    }

    /**
     * @param system a control system with no compartments
     * @return the control
     */
    public static SciControl of(String system) {
        return new SciControl(system, List.of());
    }

    /**
     * @param name a compartment name
     * @return the compartment of that name, or null
     */
    public SciCompartment compartment(String name) {
        for (SciCompartment c : compartments) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** @return the marking text, e.g. {@code SI-G ABCD EFGH-XYZ} (identical in banner and portion) */
    public String text() {
        StringBuilder sb = new StringBuilder(system);
        for (SciCompartment c : compartments) {
            sb.append('-').append(c.name());
            for (String s : c.subCompartments()) {
                sb.append(' ').append(s);
            }
        }
        return sb.toString();
    }

    /** @return the ISM hyphen tokens: {@code SI}, {@code SI-G}, {@code SI-G-ABCD}, ... */
    public List<String> tokens() {
        List<String> out = new ArrayList<>();
        out.add(system);
        for (SciCompartment c : compartments) {
            String ct = system + "-" + c.name();
            out.add(ct);
            for (String s : c.subCompartments()) {
                out.add(ct + "-" + s);
            }
        }
        return out;
    }

    /**
     * @param other another control of the same system
     * @return the union of both, compartments and sub-compartments merged
     */
    public SciControl merge(SciControl other) {
        if (!system.equals(other.system)) {
            throw new IllegalArgumentException("cannot merge " + system + " with " + other.system);
        }
        List<SciCompartment> merged = new ArrayList<>(compartments);
        for (SciCompartment c : other.compartments) {
            SciCompartment mine = compartment(c.name());
            if (mine == null) {
                merged.add(c);
            } else {
                java.util.TreeSet<String> subs = new java.util.TreeSet<>(mine.subCompartments());
                subs.addAll(c.subCompartments());
                merged.set(merged.indexOf(mine), new SciCompartment(c.name(), List.copyOf(subs)));
            }
        }
        return new SciControl(system, merged);
    }

    @Override
    public int compareTo(SciControl o) {
        return system.compareTo(o.system);
    }
}

package io.sextant.guard.marking;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One compartment of an SCI control system with its sub-compartments ({@code G} with {@code ABCD EFGH} in
 * {@code SI-G ABCD EFGH}). Sub-compartments are kept sorted and unique so equal markings are equal values.
 *
 * @param name            the compartment identifier (upper case, no spaces or hyphens)
 * @param subCompartments the sub-compartment identifiers, sorted ascending
 */
public record SciCompartment(String name, List<String> subCompartments) implements Comparable<SciCompartment> {

    /** Validates the identifiers and sorts the sub-compartments. */
    public SciCompartment {
        Objects.requireNonNull(name, "name");
        Codes.requireIdentifier(name, "SCI compartment");
        TreeSet<String> subs = new TreeSet<>();
        for (String s : Objects.requireNonNull(subCompartments, "subCompartments")) {
            Codes.requireIdentifier(s, "SCI sub-compartment");
            if (!subs.add(s)) {
                throw new IllegalArgumentException("duplicate sub-compartment " + s + " in compartment " + name);
            }
        }
        subCompartments = List.copyOf(subs);
    }

    /**
     * @param name a compartment with no sub-compartments
     * @return the compartment
     */
    public static SciCompartment of(String name) {
        return new SciCompartment(name, List.of());
    }

    @Override
    public int compareTo(SciCompartment o) {
        return name.compareTo(o.name);
    }
}

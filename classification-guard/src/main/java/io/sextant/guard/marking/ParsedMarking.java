package io.sextant.guard.marking;

import java.util.List;
import java.util.Objects;

/**
 * The result of parsing: the marking and what the parser repaired on the way (titles mapped to abbreviations,
 * values re-sorted, a portion form in a banner...). Empty warnings mean the input was canonical or differed only in
 * case and spacing.
 *
 * @param marking  the marking
 * @param warnings repairs made, in input order
 */
public record ParsedMarking(Marking marking, List<String> warnings) {

    /** Copies the warnings. */
    public ParsedMarking {
        Objects.requireNonNull(marking, "marking");
        warnings = List.copyOf(warnings);
    }
}

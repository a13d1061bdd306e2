package io.sextant.guard.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The classification authority block of a derivatively classified product (SPEC §6.1; 32 CFR 2001.22).
 *
 * @param classifiedBy the accountable person, name and position
 * @param derivedFrom  the single source's citation, or {@code Multiple Sources}
 * @param sourceList   the source list kept with the product (one line per source) when derived from several
 * @param declassifyOn the longest-protecting value of the contributing sources
 */
public record AuthorityBlock(String classifiedBy, String derivedFrom, List<String> sourceList,
        DeclassifyOn declassifyOn) {

    /** The {@code Derived From:} text for more than one source. */
    public static final String MULTIPLE_SOURCES = "Multiple Sources";

    /** Validates. */
    public AuthorityBlock {
        Objects.requireNonNull(classifiedBy, "classifiedBy");
        Objects.requireNonNull(derivedFrom, "derivedFrom");
        sourceList = List.copyOf(sourceList);
        Objects.requireNonNull(declassifyOn, "declassifyOn");
    }

    /** @return the block's lines: Classified By, Derived From, Declassify On */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Classified By: " + classifiedBy);
        out.add("Derived From: " + derivedFrom);
        out.add("Declassify On: " + declassifyOn.text());
        return out;
    }
}

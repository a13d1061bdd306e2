package io.sextant.guard.marking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The CUI part of an unclassified marking (SPEC §1.6): categories ({@code SP-PRVCY}, {@code PRVCY}) and the
 * limited dissemination controls that are not IC controls. NOFORN, REL TO and DISPLAY ONLY of a CUI marking are held
 * as the marking's ordinary dissemination controls. {@link #NONE} when the marking is not CUI.
 *
 * @param present    whether this is a CUI marking
 * @param categories category markings: Specified ({@code SP-}) first, then Basic, each alphabetical
 * @param ldcs       the other limited dissemination controls, in registry order
 */
public record CuiMarking(boolean present, List<String> categories, Set<CuiLdc> ldcs) {

    /** Not CUI. */
    public static final CuiMarking NONE = new CuiMarking(false, List.of(), Set.of());
    /** Plain {@code CUI}. */
    public static final CuiMarking BASIC = new CuiMarking(true, List.of(), Set.of());

    /** Validates and sorts. */
    public CuiMarking {
        categories = sortCategories(Objects.requireNonNull(categories, "categories"));
        EnumSet<CuiLdc> set = EnumSet.noneOf(CuiLdc.class);
        set.addAll(Objects.requireNonNull(ldcs, "ldcs"));
        ldcs = java.util.Collections.unmodifiableSet(set);
        if (!present && (!categories.isEmpty() || !ldcs.isEmpty())) {
            throw new IllegalArgumentException("an absent CUI marking has no categories or controls");
        }
    }

    /**
     * Sorts category markings canonically: Specified first, each group alphabetical, no duplicates.
     *
     * @param categories the categories
     * @return the sorted, unmodifiable list
     */
    public static List<String> sortCategories(Collection<String> categories) {
        List<String> out = new ArrayList<>(categories);
        out.sort((a, b) -> {
            boolean sa = a.startsWith("SP-");
            boolean sb = b.startsWith("SP-");
            if (sa != sb) {
                return sa ? -1 : 1;
            }
            return a.compareTo(b);
        });
        for (int i = 0; i < out.size(); i++) {
            String c = out.get(i);
            String bare = c.startsWith("SP-") ? c.substring(3) : c;
            if (!Codes.isIdentifier(bare.replace("-", ""))) {
                throw new IllegalArgumentException("invalid CUI category '" + c + "'");
            }
            if (i > 0 && out.get(i - 1).equals(c) || out.contains("SP-" + bare) && !c.startsWith("SP-")) {
                throw new IllegalArgumentException("duplicate CUI category " + bare);
            }
        }
        return List.copyOf(out);
    }
}

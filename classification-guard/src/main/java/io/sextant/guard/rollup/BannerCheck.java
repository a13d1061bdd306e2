package io.sextant.guard.rollup;

import io.sextant.guard.marking.DissemControl;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.marking.NonIcControl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Validation mode of the roll-up (SPEC §4 R10): checks a banner someone supplied against its portions. The banner may
 * be higher than the portions only when classification by compilation is recorded; it may never be lower, miss a
 * control a portion carries, or claim a REL TO list the portions do not share.
 */
public final class BannerCheck {

    private static final Set<DissemControl> MUST_APPEAR = EnumSet.of(DissemControl.ORCON, DissemControl.IMCON,
            DissemControl.NOFORN, DissemControl.PROPIN, DissemControl.FISA, DissemControl.DSEN, DissemControl.RSEN);

    private BannerCheck() {
    }

    /**
     * @param banner      the supplied banner
     * @param portions    the portions it heads
     * @param rollup      the roll-up rules (profile and vocabulary) to derive the expected banner with
     * @param compilation whether a compilation reason is recorded (allows a banner above every portion)
     * @return the problems in plain words; empty when the banner is consistent with its portions
     * @throws RollupException when the portions themselves give no banner (fail closed)
     */
    public static List<String> problems(Marking banner, Collection<Marking> portions, Rollup rollup,
            boolean compilation) {
        Marking expected = rollup.rollup(portions);
        List<String> out = new ArrayList<>();
        if (!banner.level().atLeast(expected.level())) {
            out.add("banner level " + banner.level() + " is below the highest portion level " + expected.level());
        } else if (banner.level() != expected.level() && !compilation) {
            out.add("banner level " + banner.level() + " is above every portion and no compilation reason is recorded");
        }
        for (String t : expected.sciTokens()) {
            if (!banner.sciTokens().contains(t)) {
                out.add("SCI control " + t + " of a portion is missing from the banner");
            }
        }
        for (String t : expected.sapTokens()) {
            if (!banner.sapTokens().contains(t)) {
                out.add("SAP " + t + " of a portion is missing from the banner");
            }
        }
        for (String t : expected.aeaTokens()) {
            if (!banner.aeaTokens().contains(t)) {
                out.add("AEA marking " + t + " of a portion is missing from the banner");
            }
        }
        for (DissemControl d : expected.dissem()) {
            if (MUST_APPEAR.contains(d) && !banner.has(d)) {
                out.add(d.banner() + " of a portion is missing from the banner");
            }
        }
        for (NonIcControl c : expected.nonIc()) {
            if (!banner.has(c)) {
                out.add(c.banner() + " of a portion is missing from the banner");
            }
        }
        if (expected.fgi().present() && !banner.fgi().present() && !banner.containsFgi()) {
            out.add("FGI of a portion is missing from the banner");
        }
        if (banner.has(DissemControl.REL_TO) && !banner.releasableTo().equals(expected.releasableTo())) {
            out.add("banner REL TO must equal the portions' common set: " + (expected.has(DissemControl.REL_TO)
                    ? String.join(", ", expected.releasableTo()) : "none (" + MarkingFormatter.banner(expected) + ")"));
        }
        if (!banner.has(DissemControl.REL_TO) && !banner.isNofornState() && expected.isNofornState()) {
            out.add("the portions are NOFORN but the banner is not");
        }
        return out;
    }
}

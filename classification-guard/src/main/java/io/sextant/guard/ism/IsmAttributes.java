package io.sextant.guard.ism;

import io.sextant.guard.marking.ClassificationType;
import io.sextant.guard.marking.DissemControl;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.NatoControl;
import io.sextant.guard.marking.NonIcControl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ISM-style attributes of a marking (SPEC §5.5, after ODNI ISM.XML V10) for machine-readable exports: each attribute
 * is a space-separated token list, present only when non-empty, in a fixed order. CUI has no ISM V10 attribute and is
 * not exported here.
 */
public final class IsmAttributes {

    /** Attribute names in output order. */
    public static final List<String> NAMES = List.of("classification", "ownerProducer", "joint", "SCIcontrols",
            "SARIdentifier", "atomicEnergyMarkings", "FGIsourceOpen", "FGIsourceProtected", "disseminationControls",
            "releasableTo", "displayOnlyTo", "nonICmarkings", "nonUSControls");

    private IsmAttributes() {
    }

    /**
     * @param m a marking
     * @return the attributes by name, in {@link #NAMES} order, unmodifiable
     */
    public static Map<String, String> of(Marking m) {
        Objects.requireNonNull(m, "marking");
        Map<String, String> a = new LinkedHashMap<>();
        a.put("classification", m.restricted() ? "R" : m.level().portion());
        a.put("ownerProducer", String.join(" ", m.owners()));
        if (m.type() == ClassificationType.JOINT) {
            a.put("joint", "true");
        }
        put(a, "SCIcontrols", m.sciTokens());
        put(a, "SARIdentifier", m.sap().stream().map(p -> "SAR-" + p).toList());
        put(a, "atomicEnergyMarkings", m.aeaTokens());
        if (m.fgi().present()) {
            if (m.fgi().concealed()) {
                a.put("FGIsourceProtected", "FGI");
            } else {
                put(a, "FGIsourceOpen", m.fgi().sources());
            }
        }
        List<String> dissem = new ArrayList<>();
        for (DissemControl d : m.dissem()) {
            dissem.add(dissemToken(d));
        }
        put(a, "disseminationControls", dissem);
        put(a, "releasableTo", m.releasableTo());
        put(a, "displayOnlyTo", m.displayOnlyTo());
        put(a, "nonICmarkings", m.nonIc().stream().map(NonIcControl::portion).toList());
        put(a, "nonUSControls", m.natoControls().stream().map(NatoControl::name).toList());
        return Collections.unmodifiableMap(a);
    }

    /**
     * @param m a marking
     * @return the attributes as XML attribute text in the {@code ism} namespace, e.g.
     *         {@code ism:classification="S" ism:ownerProducer="USA" ism:disseminationControls="NF"}
     */
    public static String xml(Marking m) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : of(m).entrySet()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append("ism:").append(e.getKey()).append("=\"").append(e.getValue()).append('"');
        }
        return sb.toString();
    }

    /** ISM CVE tokens: portion abbreviations, with REL and DISPLAYONLY for the list-carrying controls. */
    static String dissemToken(DissemControl d) {
        return switch (d) {
            case REL_TO -> "REL";
            case DISPLAY_ONLY -> "DISPLAYONLY";
            default -> d.portion();
        };
    }

    private static void put(Map<String, String> a, String name, List<String> tokens) {
        if (!tokens.isEmpty()) {
            a.put(name, String.join(" ", tokens));
        }
    }
}

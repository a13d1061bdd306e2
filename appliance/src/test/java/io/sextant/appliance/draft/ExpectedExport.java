package io.sextant.appliance.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What every export of {@link DraftFixtures#secretDraft()} must say, line by line, whatever the format. */
final class ExpectedExport {

    static final String BANNER = "SECRET//NOFORN";

    /** Every line of the export in order: the marked lines written out by hand, not derived from the code. */
    static final List<String> SECRET_LINES = List.of(
            BANNER,
            "(S//NF) Situation report (SITREP): Harbour activity at Port X",
            "(S//NF) Topic: Harbour activity at Port X. Scope: collections harbour, liaison; from 2026-11-01 to"
                    + " 2026-11-28. Requested by j.analyst on 2026-11-28 09:15 UTC. Status: draft.",
            "(U) Situation",
            "(S//NF) Shipments through the harbour rose sharply [1].",
            "(U) Port activity was otherwise moderate [2].",
            "(S//NF) [1] Harbour report A, p. 4 (document doc-p-a, passage p-a)",
            "(U) [2] Press summary C (document doc-p-c, passage p-c)",
            "(U) Threat / adversary activity",
            "(S//NF) Both reports agree on the timing [1][2].",
            "- (U) Convoys seen at night [3]",
            "- (U) Cranes idle by day [3]",
            "(C//REL TO USA, GBR) [1] Liaison report B, 2.3 Logistics (document doc-p-b, passage p-b)",
            "(S//NF) [2] Harbour report A, p. 4 (document doc-p-a, passage p-a)",
            "(U) [3] Press summary C (document doc-p-c, passage p-c)",
            "(U) Outlook (next 24–72 hours)",
            "(U) Nothing was drafted for this section.",
            "Classified By: j.analyst, Analyst",
            "Derived From: Multiple Sources",
            "Declassify On: 25X1, 20651231",
            "Sources:",
            "1. Harbour report A, dated 2020-01-01 (S//NF); Declassify On: 20401231",
            "2. Press summary C, dated 2021-02-03 (U)",
            "3. Liaison report B, dated 2018-05-02 (C//REL TO USA, GBR); Declassify On: 25X1, 20651231",
            BANNER);

    private ExpectedExport() {
    }

    /**
     * Checks the lines read back from an export: banner first and last, every expected line present in order, and
     * every line between the banners that is not a heading-free authority line opening with a portion mark.
     *
     * @param lines the export's non-blank lines, as re-read from the file
     */
    static void assertSecretExport(List<String> lines) {
        assertThat(lines.get(0)).isEqualTo(BANNER);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(BANNER);
        assertThat(lines).containsSubsequence(SECRET_LINES);
        int authority = lines.indexOf("Classified By: j.analyst, Analyst");
        for (String line : lines.subList(1, authority)) {
            assertThat(line).as("every line before the authority block opens with a portion mark")
                    .matches("(- )?\\((U|C|S|TS|//)[^)]*\\) .*");
        }
    }
}

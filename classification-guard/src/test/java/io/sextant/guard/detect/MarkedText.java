package io.sextant.guard.detect;

import java.util.Locale;
import java.util.Random;

/**
 * Realistic marked text for tests and benchmarks: pages with a banner line at top and bottom, paragraphs each opening
 * with a portion mark, and marking-like noise (enumerations, "document(s)", a mid-sentence portion mark).
 */
public final class MarkedText {

    private static final String[] PORTIONS = {"(U)", "(U//FOUO)", "(C)", "(S//NF)", "(S//REL TO USA, GBR)",
        "(S//REL TO USA, AUS, CAN, GBR, NZL)", "(TS//SI//NF)", "(TS//SI-G ABCD//OC/NF)", "(C//REL TO USA, FVEY)",
        "(S//OC/NF)", "(//DEU S//REL TO USA, DEU)", "(U//LES-NF)"};
    private static final String[] WORDS = {"the", "analysis", "of", "regional", "logistics", "indicates", "that",
        "shipments", "increased", "during", "quarter", "according", "to", "reporting", "from", "several", "sources",
        "and", "assessment", "remains", "moderate", "confidence", "port", "activity", "convoy", "observed"};

    private MarkedText() {
    }

    /** The result: the text and how many portion marks and banner lines it holds at line starts. */
    public record Generated(String text, int portionMarks, int bannerLines) {
    }

    /**
     * @param seed  random seed
     * @param bytes approximate size in characters
     * @return the text with counts of what a detector must find
     */
    public static Generated generate(long seed, int bytes) {
        return generate(seed, bytes, false);
    }

    /**
     * @param seed     random seed
     * @param bytes    approximate size in characters
     * @param distinct true to give every portion its own mark (a random SCI sub-compartment), the worst case for a
     *                 detector that parses each distinct mark once per scan
     * @return the text with counts of what a detector must find
     */
    public static Generated generate(long seed, int bytes, boolean distinct) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(bytes + 4096);
        int portions = 0;
        int banners = 0;
        while (sb.length() < bytes) {
            sb.append("SECRET//NOFORN\n\n");
            banners++;
            for (int p = 0; p < 6; p++) {
                if (distinct) {
                    sb.append("(TS//SI-G ").append(Integer.toString(46_656 + portions, 36).toUpperCase(Locale.ROOT))
                            .append("//OC/NF) ");
                } else {
                    sb.append(PORTIONS[r.nextInt(PORTIONS.length)]).append(' ');
                }
                portions++;
                int words = 40 + r.nextInt(60);
                for (int w = 0; w < words; w++) {
                    sb.append(WORDS[r.nextInt(WORDS.length)]);
                    int noise = r.nextInt(400);
                    if (noise == 0) {
                        sb.append(" (a) and (b) of the document(s)");
                    } else if (noise == 1) {
                        sb.append(" (see (S//NF) annex)");
                    } else if (noise == 2) {
                        sb.append(" (Copyright (C) 2024)");
                    }
                    sb.append(w == words - 1 ? ".\n\n" : " ");
                }
            }
            sb.append("SECRET//NOFORN\n\f");
            banners++;
        }
        return new Generated(sb.toString(), portions, banners);
    }
}

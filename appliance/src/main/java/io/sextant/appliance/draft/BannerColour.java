package io.sextant.appliance.draft;

import io.sextant.guard.marking.Classification;
import io.sextant.guard.marking.Marking;

/**
 * The banner colours of the web UI ({@code static/sextant.css}: U green, C blue, S red, TS orange, TS with SCI yellow),
 * for the DOCX and PDF banners. Chosen from the marking itself rather than from the banner text, so a foreign or
 * NATO level (whose banner does not start with the US level word) still gets its level's colour.
 *
 * @see io.sextant.appliance.web.Banner
 */
enum BannerColour {
    /** UNCLASSIFIED. */
    U(0x007A33, 0xFFFFFF),
    /** CONFIDENTIAL. */
    C(0x0033A0, 0xFFFFFF),
    /** SECRET. */
    S(0xC8102E, 0xFFFFFF),
    /** TOP SECRET. */
    TS(0xFF8C00, 0x000000),
    /** TOP SECRET with SCI. */
    TS_SCI(0xFCE83A, 0x000000);

    private final int background;
    private final int text;

    BannerColour(int background, int text) {
        this.background = background;
        this.text = text;
    }

    /** @param m a banner marking @return its colour */
    static BannerColour of(Marking m) {
        Classification level = m.level();
        return switch (level) {
            case U -> U;
            case C -> C;
            case S -> S;
            case TS -> m.sci().isEmpty() ? TS : TS_SCI;
        };
    }

    /** @return the background as RGB */
    int background() {
        return background;
    }

    /** @return the text colour as RGB */
    int text() {
        return text;
    }

    /** @return the background as six hex digits, as Office wants it */
    String backgroundHex() {
        return String.format(java.util.Locale.ROOT, "%06X", background);
    }

    /** @return the text colour as six hex digits */
    String textHex() {
        return String.format(java.util.Locale.ROOT, "%06X", text);
    }
}

package io.sextant.appliance.web;

import java.util.Locale;

/**
 * The classification banner at the top and bottom of a page: the text of the highest content on the page and the
 * colour of its level (U green, C blue, S red, TS orange, TS with SCI yellow). A page without content is
 * UNCLASSIFIED whatever the system is accredited for.
 *
 * @param text the banner line
 * @param css the style class that colours it
 */
public record Banner(String text, String css) {

    /** The banner of a page that shows no content. */
    public static final Banner UNCLASSIFIED = new Banner("UNCLASSIFIED", "banner-u");

    /**
     * @param text the banner line of the content's roll-up, e.g. {@code TOP SECRET//SI//NOFORN}
     * @return the banner coloured by the level that line starts with
     */
    public static Banner of(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        String level = t.split("//", 2)[0];
        String css = switch (level) {
            case "TOP SECRET" -> t.contains("//SI") || t.contains("//TK") || t.contains("//HCS")
                    || t.contains("//G") ? "banner-ts-sci" : "banner-ts";
            case "SECRET" -> "banner-s";
            case "CONFIDENTIAL" -> "banner-c";
            default -> "banner-u";
        };
        return new Banner(t, css);
    }
}

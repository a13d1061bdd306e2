package io.sextant.guard.output;

import io.sextant.guard.marking.MarkingFormatter;

/**
 * Renders a marked product as plain text that is also valid Markdown: the banner first and last, every non-blank line
 * of every paragraph opening with its portion mark (after a list bullet, if any) as a block of its own, then the
 * authority block and the source list. Marking every line keeps a marking-like string the model wrote at the start
 * of a line from ever reading as that line's portion mark when the product is ingested again.
 */
final class ProductRenderer {

    private ProductRenderer() {
    }

    static String render(GuardResult.MarkedProduct p) {
        String banner = MarkingFormatter.banner(p.banner());
        StringBuilder sb = new StringBuilder(banner).append("\n\n");
        for (MarkedParagraph para : p.paragraphs()) {
            String mark = MarkingFormatter.portion(para.marking());
            boolean any = false;
            for (String line : para.text().split("\\R")) {
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                any = true;
                sb.append(withMark(mark, t)).append("\n\n");
            }
            if (!any) {
                sb.append(mark).append("\n\n");
            }
        }
        if (p.authorityBlock() != null) {
            for (String line : p.authorityBlock().lines()) {
                sb.append(line).append("\n\n");
            }
            if (!p.authorityBlock().sourceList().isEmpty()) {
                sb.append("Sources:\n\n");
                int n = 1;
                for (String s : p.authorityBlock().sourceList()) {
                    sb.append(n++).append(". ").append(s).append('\n');
                }
                sb.append('\n');
            }
        }
        return sb.append(banner).append('\n').toString();
    }

    private static String withMark(String mark, String line) {
        if (line.length() > 2 && (line.startsWith("- ") || line.startsWith("* "))) {
            return line.substring(0, 2) + mark + " " + line.substring(2).strip();
        }
        return mark + " " + line;
    }
}

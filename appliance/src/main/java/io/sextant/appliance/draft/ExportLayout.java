package io.sextant.appliance.draft;

import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.output.AuthorityBlock;
import io.sextant.guard.output.MarkedParagraph;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides what every export says, line by line, so that Markdown, DOCX and PDF differ only in styling. The banner
 * opens and closes the product. Every line of every paragraph opens with its portion mark, after a list bullet if
 * the line is one (the guard's own renderer does the same, so a marking-like string the model wrote at the start of
 * a line can never pass for that line's portion mark). The title and the line describing the request are marked at
 * the banner's level: the topic and scope are typed by the analyst and nobody has assessed them. Template headings
 * are template text, marked (U). Each citation line carries the cited passage's portion mark.
 */
final class ExportLayout {

    /** Kinds of lines, for styling. */
    enum Kind {
        /** The banner line. */
        BANNER,
        /** The product title. */
        TITLE,
        /** Topic, scope, requester, date, state. */
        META,
        /** A section heading. */
        HEADING,
        /** A line of a drafted paragraph. */
        PARAGRAPH,
        /** A section's citation. */
        CITATION,
        /** A line of the classification authority block, or the heading of its source list. */
        AUTHORITY,
        /** An entry of the authority block's source list. */
        SOURCE
    }

    /**
     * One line of the export.
     *
     * @param kind what it is
     * @param text its full text, portion mark included
     */
    record Line(Kind kind, String text) {
        /** Drops control characters, which no format can show and which break DOCX's XML. */
        Line {
            text = CONTROL.matcher(text.replace('\t', ' ')).replaceAll("");
        }
    }

    static final String EMPTY_SECTION = "Nothing was drafted for this section.";

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ExportLayout() {
    }

    /** @param d the marked draft @return its lines, the banner first and last */
    static List<Line> lines(MarkedDraft d) {
        Marking bannerMarking = d.product().banner();
        String banner = MarkingFormatter.banner(bannerMarking);
        String overall = MarkingFormatter.portion(bannerMarking);
        String unclassified = MarkingFormatter.portion(Marking.UNCLASSIFIED);
        Draft draft = d.draft();
        List<Line> out = new ArrayList<>();
        out.add(new Line(Kind.BANNER, banner));
        out.add(new Line(Kind.TITLE, overall + " " + d.productName() + ": " + oneLine(draft.topic())));
        out.add(new Line(Kind.META, overall + " Topic: " + oneLine(draft.topic()) + ". Scope: "
                + draft.scope().describe() + ". Requested by " + draft.user() + " on " + WHEN.format(draft.created())
                + ". Status: " + draft.state().name().toLowerCase(Locale.ROOT) + "."));
        for (DraftSection s : draft.sections()) {
            out.add(new Line(Kind.HEADING, unclassified + " " + s.heading()));
            boolean any = false;
            for (MarkedParagraph p : s.body()) {
                for (String line : marked(p)) {
                    out.add(new Line(Kind.PARAGRAPH, line));
                    any = true;
                }
            }
            if (!any) {
                out.add(new Line(Kind.PARAGRAPH, unclassified + " " + EMPTY_SECTION));
            }
            for (Citation c : s.citations()) {
                out.add(new Line(Kind.CITATION, c.portionMark() + " " + c.reference()));
            }
        }
        AuthorityBlock cab = d.product().authorityBlock();
        if (cab != null) {
            cab.lines().forEach(l -> out.add(new Line(Kind.AUTHORITY, l)));
            if (!cab.sourceList().isEmpty()) {
                out.add(new Line(Kind.AUTHORITY, "Sources:"));
                int n = 1;
                for (String src : cab.sourceList()) {
                    out.add(new Line(Kind.SOURCE, n++ + ". " + src));
                }
            }
        }
        out.add(new Line(Kind.BANNER, banner));
        return out;
    }

    /** @return each non-blank line of the paragraph with its portion mark; the bare mark for an empty paragraph */
    static List<String> marked(MarkedParagraph p) {
        String mark = MarkingFormatter.portion(p.marking());
        List<String> out = new ArrayList<>();
        for (String line : LINE_BREAK.split(p.text())) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > 2 && (t.startsWith("- ") || t.startsWith("* "))) {
                out.add(t.substring(0, 2) + mark + " " + t.substring(2).strip());
            } else {
                out.add(mark + " " + t);
            }
        }
        if (out.isEmpty()) {
            out.add(mark);
        }
        return out;
    }

    private static String oneLine(String s) {
        return SPACES.matcher(s.strip()).replaceAll(" ");
    }
}

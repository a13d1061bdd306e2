package io.sextant.appliance.draft;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;

/**
 * Word (DOCX) export through Apache POI: the banner in the page header and footer of every page and as the first and
 * last paragraph, on its level's colour as in the web UI; one Word paragraph per line of the layout, so each
 * paragraph opens with its portion mark (set in bold) and an editor who splits or merges text does it visibly.
 */
public final class DocxExporter implements DraftExporter {

    private static final String FONT = "Arial";

    /** A stateless exporter. */
    public DocxExporter() {
    }

    @Override
    public void write(MarkedDraft draft, OutputStream out) throws IOException {
        BannerColour colour = BannerColour.of(draft.product().banner());
        try (XWPFDocument doc = new XWPFDocument()) {
            String bannerText = null;
            ExportLayout.Kind previous = ExportLayout.Kind.BANNER;
            for (ExportLayout.Line line : ExportLayout.lines(draft)) {
                if (line.kind() == ExportLayout.Kind.BANNER) {
                    bannerText = line.text();
                    banner(doc.createParagraph(), bannerText, colour);
                } else {
                    body(doc.createParagraph(), line, previous);
                }
                previous = line.kind();
            }
            banner(doc.createHeader(HeaderFooterType.DEFAULT).createParagraph(), bannerText, colour);
            banner(doc.createFooter(HeaderFooterType.DEFAULT).createParagraph(), bannerText, colour);
            doc.write(out);
        }
    }

    private static void banner(XWPFParagraph p, String text, BannerColour colour) {
        p.setAlignment(ParagraphAlignment.CENTER);
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTShd shd = ppr.isSetShd() ? ppr.getShd() : ppr.addNewShd();
        shd.setVal(STShd.CLEAR);
        shd.setColor("auto");
        shd.setFill(colour.backgroundHex());
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(true);
        r.setColor(colour.textHex());
        r.setFontFamily(FONT);
        r.setFontSize(11);
    }

    private static void body(XWPFParagraph p, ExportLayout.Line line, ExportLayout.Kind previous) {
        int size = switch (line.kind()) {
            case TITLE -> 16;
            case HEADING -> 13;
            case CITATION, AUTHORITY, SOURCE -> 9;
            default -> 11;
        };
        boolean bold = line.kind() == ExportLayout.Kind.TITLE || line.kind() == ExportLayout.Kind.HEADING;
        if (bold || line.kind() == ExportLayout.Kind.AUTHORITY && previous != ExportLayout.Kind.AUTHORITY) {
            p.setSpacingBefore(240);
        }
        boolean tight = line.kind() == ExportLayout.Kind.AUTHORITY || line.kind() == ExportLayout.Kind.SOURCE;
        p.setSpacingAfter(tight ? 40 : 120);
        String text = line.text();
        int markEnd = portionMarkEnd(text);
        if (markEnd > 0 && !bold) {
            run(p, text.substring(0, markEnd), size, true);
            run(p, text.substring(markEnd), size, false);
        } else {
            run(p, text, size, bold);
        }
    }

    /** @return the index after a leading portion mark (after a list bullet, if any), or 0 when there is none */
    private static int portionMarkEnd(String text) {
        int start = text.startsWith("- ") || text.startsWith("* ") ? 2 : 0;
        if (text.length() <= start || text.charAt(start) != '(') {
            return 0;
        }
        int close = text.indexOf(')', start);
        return close < 0 ? 0 : close + 1;
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontFamily(FONT);
        r.setFontSize(size);
    }

    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
}

package io.sextant.appliance.draft;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * PDF export through Apache PDFBox: the banner on its level's colour at the top and the bottom of every page, the
 * text wrapped to the page, one paragraph per line of the layout. All text is set in Liberation Sans, which PDFBox
 * ships, embedded as a subset so the file shows the same on an air-gapped reader without the font (the standard 14
 * fonts are not embedded, and PDFBox would scan the host's fonts to stand in for them); a character the font lacks
 * prints as {@code ?} rather than failing the export. Banners are emboldened by stroking the glyph outlines.
 */
public final class PdfExporter implements DraftExporter {

    private static final String BODY_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final float MARGIN_X = 60;
    private static final float TOP = PAGE.getHeight() - 64;
    private static final float BOTTOM = 56;
    private static final float BANNER_HEIGHT = 18;
    private static final float BANNER_SIZE = 10;

    /** A stateless exporter. */
    public PdfExporter() {
    }

    @Override
    public void write(MarkedDraft draft, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument(); InputStream ttf = PdfExporter.class.getResourceAsStream(BODY_FONT)) {
            if (ttf == null) {
                throw new IOException("PDFBox's Liberation Sans is missing from the class path: " + BODY_FONT);
            }
            PDFont body = PDType0Font.load(doc, ttf, true);
            List<ExportLayout.Line> lines = ExportLayout.lines(draft);
            String banner = lines.get(0).text();
            Glyphs glyphs = new Glyphs(body);
            try (Pages pages = new Pages(doc, glyphs.printable(banner), BannerColour.of(draft.product().banner()),
                    body)) {
                ExportLayout.Kind previous = ExportLayout.Kind.BANNER;
                for (ExportLayout.Line line : lines) {
                    if (line.kind() != ExportLayout.Kind.BANNER) {
                        paragraph(pages, glyphs, line, previous);
                        previous = line.kind();
                    }
                }
            }
            doc.save(out);
        }
    }

    private static void paragraph(Pages pages, Glyphs glyphs, ExportLayout.Line line, ExportLayout.Kind previous)
            throws IOException {
        float size = switch (line.kind()) {
            case TITLE -> 15;
            case HEADING -> 12.5f;
            case CITATION, AUTHORITY, SOURCE -> 8.5f;
            default -> 10.5f;
        };
        float before = switch (line.kind()) {
            case TITLE, HEADING -> size;
            case AUTHORITY -> previous == ExportLayout.Kind.AUTHORITY ? 0 : 14;
            default -> 0;
        };
        boolean tight = line.kind() == ExportLayout.Kind.AUTHORITY || line.kind() == ExportLayout.Kind.SOURCE;
        float after = tight ? 2 : size * 0.6f;
        float leading = size * 1.3f;
        pages.space(before);
        for (String l : wrap(glyphs.printable(line.text()), glyphs.font(), size, PAGE.getWidth() - 2 * MARGIN_X)) {
            pages.text(glyphs.font(), size, leading, l);
        }
        pages.space(after);
    }

    /** Greedy word wrap; a word wider than the line is broken between characters. */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                out.add(line.toString());
                line.setLength(0);
            }
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                String next = line.toString() + Character.toString(cp);
                if (!line.isEmpty() && width(font, size, next) > width) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        if (!line.isEmpty() || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    private static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }

    /** Replaces what the font cannot draw; remembers each code point's answer. */
    private record Glyphs(PDFont font, Map<Integer, Boolean> known) {
        Glyphs(PDFont font) {
            this(font, new HashMap<>());
        }

        String printable(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> sb.appendCodePoint(known.computeIfAbsent(cp, this::drawable) ? cp : '?'));
            return sb.toString();
        }

        private boolean drawable(int cp) {
            try {
                font.encode(Character.toString(cp));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** The page being filled: opens a new page with both banners when the text reaches the bottom margin. */
    private static final class Pages implements AutoCloseable {
        private final PDDocument doc;
        private final String banner;
        private final BannerColour colour;
        private final PDFont bannerFont;
        private PDPageContentStream cs;
        private float y;

        Pages(PDDocument doc, String banner, BannerColour colour, PDFont bannerFont) throws IOException {
            this.doc = doc;
            this.banner = banner;
            this.colour = colour;
            this.bannerFont = bannerFont;
            newPage();
        }

        void space(float points) {
            y -= points;
        }

        void text(PDFont font, float size, float leading, String line) throws IOException {
            if (y - leading < BOTTOM) {
                newPage();
            }
            y -= leading;
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(MARGIN_X, y);
            cs.showText(line);
            cs.endText();
        }

        private void newPage() throws IOException {
            finishPage();
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            drawBanner(PAGE.getHeight() - 14 - BANNER_HEIGHT);
            y = TOP;
        }

        private void finishPage() throws IOException {
            if (cs != null) {
                drawBanner(14);
                cs.close();
                cs = null;
            }
        }

        private void drawBanner(float bottom) throws IOException {
            int bg = colour.background();
            int fg = colour.text();
            cs.setNonStrokingColor(((bg >> 16) & 0xFF) / 255f, ((bg >> 8) & 0xFF) / 255f, (bg & 0xFF) / 255f);
            cs.addRect(0, bottom, PAGE.getWidth(), BANNER_HEIGHT);
            cs.fill();
            // A long banner (many compartments or REL TO countries) shrinks to fit rather than run off the page.
            float size = Math.min(BANNER_SIZE, (PAGE.getWidth() - 20) * 1000f / bannerFont.getStringWidth(banner));
            float w = bannerFont.getStringWidth(banner) / 1000f * size;
            cs.setNonStrokingColor(((fg >> 16) & 0xFF) / 255f, ((fg >> 8) & 0xFF) / 255f, (fg & 0xFF) / 255f);
            cs.setStrokingColor(((fg >> 16) & 0xFF) / 255f, ((fg >> 8) & 0xFF) / 255f, (fg & 0xFF) / 255f);
            cs.setLineWidth(0.35f);
            cs.beginText();
            cs.setRenderingMode(RenderingMode.FILL_STROKE);
            cs.setFont(bannerFont, size);
            cs.newLineAtOffset((PAGE.getWidth() - w) / 2, bottom + (BANNER_HEIGHT - size) / 2 + 1.5f);
            cs.showText(banner);
            cs.setRenderingMode(RenderingMode.FILL);
            cs.endText();
        }

        @Override
        public void close() throws IOException {
            finishPage();
        }
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }
}

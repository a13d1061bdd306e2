package io.sextant.ingest.tika;

import io.sextant.ingest.Block;
import io.sextant.ingest.BlockKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds {@link Block}s from the XHTML SAX events a parser emits: headings, paragraphs, list items and whole tables,
 * with the page ({@code <div class="page">}, as Tika's PDF parser writes it) and the enclosing heading path.
 * Paragraphs that hold blank lines (plain text arrives as one {@code <p>}) are split at them.
 */
public final class BlockCollector extends DefaultHandler {
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final Deque<String[]> headingStack = new ArrayDeque<>();
    private int page;
    private int headingLevel;
    private int tableDepth;
    private int listItemDepth;
    private int skipDepth;
    private boolean cellOpen;
    private long chars;

    /**
     * The blocks collected so far (all of them once the document ended).
     *
     * @return blocks in reading order
     */
    public List<Block> blocks() {
        flush(BlockKind.PARAGRAPH);
        return List.copyOf(blocks);
    }

    /**
     * Characters of text seen.
     *
     * @return count
     */
    public long chars() {
        return chars;
    }

    /**
     * Number of pages seen (0 for formats without pages).
     *
     * @return the page count
     */
    public int pages() {
        return page;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = localName(localName, qName);
        if (skipDepth > 0 || name.equals("head") || name.equals("script") || name.equals("style")) {
            skipDepth++;
            return;
        }
        if (tableDepth > 0) {
            switch (name) {
                case "table" -> tableDepth++;
                case "td", "th" -> {
                    if (cellOpen) {
                        text.append('\t');
                    }
                    cellOpen = true;
                }
                case "br" -> text.append(' ');
                default -> { }
            }
            return;
        }
        switch (name) {
            case "div" -> {
                if ("page".equals(atts.getValue("class"))) {
                    flush(BlockKind.PARAGRAPH);
                    page++;
                }
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                flush(BlockKind.PARAGRAPH);
                headingLevel = name.charAt(1) - '0';
            }
            case "p", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd" -> flush(BlockKind.PARAGRAPH);
            case "li" -> {
                flush(listItemDepth > 0 ? BlockKind.LIST_ITEM : BlockKind.PARAGRAPH);
                listItemDepth++;
            }
            case "table" -> {
                flush(BlockKind.PARAGRAPH);
                tableDepth = 1;
                cellOpen = false;
            }
            case "br" -> text.append('\n');
            default -> { }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = localName(localName, qName);
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        if (tableDepth > 0) {
            switch (name) {
                case "tr" -> {
                    text.append('\n');
                    cellOpen = false;
                }
                case "table" -> {
                    tableDepth--;
                    if (tableDepth == 0) {
                        flush(BlockKind.TABLE);
                    }
                }
                default -> { }
            }
            return;
        }
        switch (name) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                flushHeading();
                headingLevel = 0;
            }
            case "li" -> {
                flush(BlockKind.LIST_ITEM);
                listItemDepth = Math.max(0, listItemDepth - 1);
            }
            case "p", "blockquote", "pre", "div", "dt", "dd" -> flush(BlockKind.PARAGRAPH);
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (skipDepth > 0) {
            return;
        }
        text.append(ch, start, length);
        chars += length;
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    private void flushHeading() {
        String h = normalize(text.toString());
        text.setLength(0);
        if (h.isEmpty()) {
            return;
        }
        int level = headingLevel == 0 ? 1 : headingLevel;
        while (!headingStack.isEmpty() && Integer.parseInt(headingStack.peek()[0]) >= level) {
            headingStack.pop();
        }
        blocks.add(new Block(BlockKind.HEADING, h, level, path(), page));
        headingStack.push(new String[] {Integer.toString(level), h});
    }

    private void flush(BlockKind kind) {
        if (headingLevel > 0) {
            flushHeading();
            return;
        }
        String raw = text.toString();
        text.setLength(0);
        if (raw.isBlank()) {
            return;
        }
        if (kind == BlockKind.TABLE) {
            blocks.add(new Block(kind, raw.strip().replaceAll("[ \\x0B\\f\\r]+", " "), 0, path(), page));
            return;
        }
        // Plain text and many PDFs give paragraphs as one run with blank lines between them.
        for (String para : raw.split("\\n[ \\t\\x0B\\f\\r]*\\n")) {
            String p = normalize(para);
            if (!p.isEmpty()) {
                blocks.add(new Block(kind, p, 0, path(), page));
            }
        }
    }

    private List<String> path() {
        List<String> out = new ArrayList<>(headingStack.size());
        headingStack.descendingIterator().forEachRemaining(e -> out.add(e[1]));
        return out;
    }

    /** Collapses runs of spaces inside lines but keeps line breaks: banner lines are recognised per line. */
    private static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\\R")) {
            String l = line.replaceAll("[\\s\\u00A0]+", " ").strip();
            if (!l.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append(l);
            }
        }
        return out.toString();
    }

    private static String localName(String localName, String qName) {
        String n = localName == null || localName.isEmpty() ? qName : localName;
        return n.toLowerCase(Locale.ROOT);
    }
}

package io.sextant.appliance.draft;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Markdown export: the first and the last line of the file are the banner line, the title and section headings are
 * Markdown headings (each with its portion mark), and every paragraph line, citation and authority-block line is a
 * Markdown paragraph of its own, so a renderer never runs two portions together.
 */
public final class MarkdownExporter implements DraftExporter {

    /** A stateless exporter. */
    public MarkdownExporter() {
    }

    @Override
    public void write(MarkedDraft draft, OutputStream out) throws IOException {
        out.write(render(draft).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param draft the marked draft
     * @return the Markdown text, ending with the banner line and a newline
     */
    public String render(MarkedDraft draft) {
        StringBuilder sb = new StringBuilder();
        boolean inSourceList = false;
        for (ExportLayout.Line line : ExportLayout.lines(draft)) {
            String prefix = switch (line.kind()) {
                case TITLE -> "# ";
                case HEADING -> "## ";
                default -> "";
            };
            boolean listItem = line.kind() == ExportLayout.Kind.AUTHORITY && inSourceList;
            sb.append(prefix).append(line.text()).append(listItem ? "\n" : "\n\n");
            inSourceList = inSourceList || line.kind() == ExportLayout.Kind.AUTHORITY && line.text().equals("Sources:");
        }
        // The layout ends with the banner; drop the blank line after it so the banner is the file's last line.
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    @Override
    public String extension() {
        return "md";
    }

    @Override
    public String mediaType() {
        return "text/markdown; charset=UTF-8";
    }
}

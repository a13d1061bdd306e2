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
        boolean previousWasItem = false;
        for (ExportLayout.Line line : ExportLayout.lines(draft)) {
            String prefix = switch (line.kind()) {
                case TITLE -> "# ";
                case HEADING -> "## ";
                default -> "";
            };
            // The source list is a tight Markdown list; a blank line after it keeps the banner out of its last item.
            boolean item = line.kind() == ExportLayout.Kind.SOURCE;
            if (previousWasItem && !item) {
                sb.append('\n');
            }
            sb.append(prefix).append(line.text()).append(item ? "\n" : "\n\n");
            previousWasItem = item;
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

package io.sextant.appliance.draft;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes a {@link MarkedDraft} as a file an analyst can send on: Markdown, DOCX or PDF. Every format carries the
 * same marking furniture (banner top and bottom, a portion mark at the start of every paragraph, each section's
 * citations, the classification authority block), laid out once by the package's line layout so the formats cannot
 * drift apart.
 */
public sealed interface DraftExporter permits MarkdownExporter, DocxExporter, PdfExporter {

    /**
     * @param draft the marked draft
     * @param out   where to write; left open
     * @throws IOException when writing fails
     */
    void write(MarkedDraft draft, OutputStream out) throws IOException;

    /** @return the file name extension without the dot: {@code md}, {@code docx}, {@code pdf} */
    String extension();

    /** @return the media type, for HTTP downloads */
    String mediaType();

    /**
     * Writes to a file through a temporary sibling, so a failed export never leaves a half-written product behind.
     *
     * @param draft the marked draft
     * @param file  the file to (re)place
     * @throws IOException when writing fails
     */
    default void write(MarkedDraft draft, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), ".export-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(draft, out);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @param format {@code md} (or {@code markdown}), {@code docx} or {@code pdf}, any case
     * @return the exporter for it
     * @throws IllegalArgumentException for any other format
     */
    static DraftExporter forFormat(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> new MarkdownExporter();
            case "docx" -> new DocxExporter();
            case "pdf" -> new PdfExporter();
            default -> throw new IllegalArgumentException("unknown export format '" + format
                    + "'; use md, docx or pdf");
        };
    }
}

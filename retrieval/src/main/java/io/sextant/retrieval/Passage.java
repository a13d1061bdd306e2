package io.sextant.retrieval;

import io.sextant.guard.marking.Marking;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One indexable passage: the unit the index ranks, trims and cites. The appliance adapts ingest's passages to this
 * record, so retrieval never depends on ingest.
 *
 * @param id          unique passage id (stable across re-ingest of the same document and ordinal)
 * @param documentId  the owning document; re-ingesting it replaces all its passages at once
 * @param ordinal     position of the passage in the document
 * @param text        the passage text
 * @param title       the document title (may be empty)
 * @param headingPath section headings from the outermost down (may be empty)
 * @param page        page number, or null when the format has none
 * @param marking     the portion marking that controls who may see the passage
 * @param collection  collection name (metadata filter and facet)
 * @param docType     document type, e.g. {@code pdf} (filter and facet)
 * @param date        document date, or null
 * @param source      where it came from (filter and facet)
 * @param language    ISO language code (filter and facet)
 * @param vector      a precomputed embedding, or null to have the index embed the text
 */
public record Passage(String id, String documentId, int ordinal, String text, String title, List<String> headingPath,
        Integer page, Marking marking, String collection, String docType, LocalDate date, String source,
        String language, float[] vector) {

    /** Validates: ids, text and marking are required; optional strings become empty. */
    public Passage {
        requireText(id, "id");
        requireText(documentId, "documentId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(marking, "marking (a passage without a marking is never indexed)");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must be >= 0: " + ordinal);
        }
        title = title == null ? "" : title;
        headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        collection = collection == null ? "" : collection;
        docType = docType == null ? "" : docType;
        source = source == null ? "" : source;
        language = language == null ? "" : language;
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    /** @return the text a passage is embedded as: title, headings and body */
    public String embeddingText() {
        StringBuilder sb = new StringBuilder();
        if (!title.isBlank()) {
            sb.append(title).append('\n');
        }
        if (!headingPath.isEmpty()) {
            sb.append(String.join(" > ", headingPath)).append('\n');
        }
        return sb.append(text).toString();
    }

    /**
     * @param v the embedding
     * @return this passage carrying {@code v}
     */
    public Passage withVector(float[] v) {
        return new Passage(id, documentId, ordinal, text, title, headingPath, page, marking, collection, docType, date,
                source, language, v);
    }
}

package io.sextant.retrieval.search;

import java.util.List;

/**
 * One ranked passage as a user may see it.
 *
 * @param passageId   passage id
 * @param documentId  the document to link to
 * @param ordinal     passage position in the document
 * @param score       fused score (higher is better; comparable within one result only)
 * @param portionMark the passage's portion mark, e.g. {@code (S//NF)}
 * @param title       document title
 * @param headingPath section headings
 * @param page        page, or null
 * @param snippet     the best fragment with matched terms wrapped in {@code <b>…</b>} (text is HTML-escaped)
 * @param collection  collection
 * @param docType     document type
 * @param source      source
 * @param language    language
 * @param date        ISO date, or null
 * @param text        the whole passage text (plain, not escaped): what an answer is grounded in and a citation opens
 */
public record Hit(String passageId, String documentId, int ordinal, float score, String portionMark, String title,
        List<String> headingPath, Integer page, String snippet, String collection, String docType, String source,
        String language, String date, String text) {
}

package io.sextant.appliance.search;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One hit as the caller sees it.
 *
 * @param passageId  the passage
 * @param documentId its document
 * @param title      the document's title
 * @param text       the whole passage text (plain)
 * @param snippet    the best window, HTML-escaped, with matched terms in {@code <mark>}
 * @param marking    the passage's portion mark, e.g. {@code (S//NF)}
 * @param page       page number, or null
 * @param section    section headings joined with {@code " > "}, or null
 * @param score      the fused retrieval score (comparable within one response only)
 * @param link       where the document opens at this passage
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchHit(String passageId, String documentId, String title, String text, String snippet,
        String marking, @Nullable Integer page, @Nullable String section, float score, String link) {

    /**
     * @param documentId a document
     * @param passageId  one of its passages
     * @return the document page opened at that passage
     */
    public static String link(String documentId, String passageId) {
        return "/documents/" + documentId + "?passage=" + passageId + "#passage-" + passageId;
    }
}

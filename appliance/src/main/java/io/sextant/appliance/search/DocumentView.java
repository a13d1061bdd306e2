package io.sextant.appliance.search;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A document as one caller may see it: only its visible passages, in order, and the banner they roll up to.
 *
 * @param documentId the document
 * @param title      its title
 * @param collection its collection
 * @param date       its date (ISO), or null
 * @param marking    the roll-up of the visible passages (never the stored document banner, which may name more)
 * @param passages   the visible passages in document order
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DocumentView(String documentId, String title, String collection, @Nullable String date,
        String marking, List<PassageView> passages) {

    /**
     * One visible passage.
     *
     * @param passageId the passage
     * @param ordinal   its position in the document (0-based)
     * @param text      its text (plain)
     * @param marking   its portion mark
     * @param page      page number, or null
     * @param section   section headings joined with {@code " > "}, or null
     * @param cited     whether the request asked to open the document at this passage
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PassageView(String passageId, int ordinal, String text, String marking, @Nullable Integer page,
            @Nullable String section, boolean cited) {
    }
}

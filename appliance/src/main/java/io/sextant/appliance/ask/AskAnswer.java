package io.sextant.appliance.ask;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One guarded turn as the client receives it (the {@code final}, {@code refused} or {@code empty} event of
 * {@code POST /api/ask}) and as it is stored with its conversation. Everything here passed the output guard or says
 * nothing about content: a refusal carries the guard's general message, an empty answer the engine's notice, and
 * neither differs between "hidden passages exist" and "nothing exists".
 *
 * @param conversationId the conversation
 * @param answerId       this answer (feedback names it)
 * @param outcome        {@code final}, {@code refused} or {@code empty}
 * @param marking        the banner line: the roll-up of the passages used ({@code UNCLASSIFIED} when none)
 * @param paragraphs     the portion-marked paragraphs (empty unless final)
 * @param citations      the cited passages, by number (empty unless final)
 * @param authority      the classification authority block lines, or empty when unclassified or not final
 * @param notice         an engine notice shown beside the answer (e.g. that passages are quoted), or the reason of
 *                       a refusal / the notice of an empty answer; may be empty
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AskAnswer(String conversationId, String answerId, String outcome, String marking,
        List<Paragraph> paragraphs, List<CitationRef> citations, List<String> authority, String notice) {

    /** A final answer. */
    public static final String FINAL = "final";
    /** The guard withheld the answer. */
    public static final String REFUSED = "refused";
    /** Nothing visible was found to answer from. */
    public static final String EMPTY = "empty";

    /** Freezes. */
    public AskAnswer {
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        citations = citations == null ? List.of() : List.copyOf(citations);
        authority = authority == null ? List.of() : List.copyOf(authority);
        notice = notice == null ? "" : notice;
    }

    /** @return the answer as plain text (portion marks and paragraphs), for conversation history and OpenAI */
    public String text() {
        if (!FINAL.equals(outcome)) {
            return notice;
        }
        StringBuilder b = new StringBuilder();
        for (Paragraph p : paragraphs) {
            if (!b.isEmpty()) {
                b.append("\n\n");
            }
            b.append(p.mark()).append(' ').append(p.text());
        }
        return b.toString();
    }

    /**
     * A marked paragraph.
     *
     * @param mark its portion mark, e.g. {@code (S//NF)}
     * @param text its text with {@code [n]} citations
     */
    @Serdeable
    public record Paragraph(String mark, String text) {
    }

    /**
     * A citation the user may open.
     *
     * @param n          the {@code [n]} in the text
     * @param passageId  the passage
     * @param documentId its document
     * @param title      document title
     * @param marking    the passage's marking, banner form
     * @param mark       the passage's portion mark
     * @param page       page number, or null
     * @param section    section path, or null
     * @param link       where the passage opens
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CitationRef(int n, String passageId, String documentId, String title, String marking, String mark,
            @Nullable Integer page, @Nullable String section, String link) {
    }
}

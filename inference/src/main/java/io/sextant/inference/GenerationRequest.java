package io.sextant.inference;

import java.util.List;
import java.util.Objects;

/**
 * Everything an engine needs for one completion.
 *
 * @param messages the conversation, at least one turn, the last one a user turn
 * @param grounding passages the answer may cite (may be {@link GroundingContext#NONE})
 * @param settings sampling settings
 */
public record GenerationRequest(List<ChatMessage> messages, GroundingContext grounding, GenerationSettings settings) {

    /**
     * Validates the request.
     *
     * @throws IllegalArgumentException when there are no messages or the last one is not from the user
     */
    public GenerationRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a generation request needs at least one message");
        }
        if (messages.getLast().role() != ChatMessage.Role.USER) {
            throw new IllegalArgumentException("the last message must be a user turn, got "
                    + messages.getLast().role());
        }
        Objects.requireNonNull(grounding, "grounding");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * A single user turn without passages.
     *
     * @param userText the request
     * @param settings sampling settings
     * @return the request
     */
    public static GenerationRequest of(String userText, GenerationSettings settings) {
        return new GenerationRequest(List.of(ChatMessage.user(userText)), GroundingContext.NONE, settings);
    }

    /**
     * A copy with other settings.
     *
     * @param s the settings
     * @return the copy
     */
    public GenerationRequest withSettings(GenerationSettings s) {
        return new GenerationRequest(messages, grounding, s);
    }

    /**
     * A copy with grounding passages.
     *
     * @param g the passages
     * @return the copy
     */
    public GenerationRequest withGrounding(GroundingContext g) {
        return new GenerationRequest(messages, g, settings);
    }

    /**
     * The text of the last user turn: the question the answer is about.
     *
     * @return the last user turn's content
     */
    public String question() {
        return messages.getLast().content();
    }
}

package io.sextant.inference;

import java.util.Objects;

/**
 * One turn of a conversation. Engines render the turns with the model's own chat template, so callers never build
 * prompt strings by hand.
 *
 * @param role who speaks
 * @param content what is said (may be empty, never null)
 */
public record ChatMessage(Role role, String content) {

    /** Who speaks in a turn. */
    public enum Role {
        /** Instructions that frame the whole conversation. */
        SYSTEM,
        /** The analyst (or the appliance on the analyst's behalf). */
        USER,
        /** The model. */
        ASSISTANT
    }

    /**
     * Validates the turn.
     *
     * @throws NullPointerException when the role or the content is null
     */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /**
     * A system turn.
     *
     * @param content the instructions
     * @return the turn
     */
    public static ChatMessage system(String content) {
        return new ChatMessage(Role.SYSTEM, content);
    }

    /**
     * A user turn.
     *
     * @param content the request
     * @return the turn
     */
    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    /**
     * An assistant turn.
     *
     * @param content what the model said earlier
     * @return the turn
     */
    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content);
    }
}

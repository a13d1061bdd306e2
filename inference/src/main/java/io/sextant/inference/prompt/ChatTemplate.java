package io.sextant.inference.prompt;

import io.sextant.inference.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chat-template families Sextant renders itself. A GGUF file carries its template as Jinja text; rather than embed a
 * Jinja engine, Sextant recognises the common families by their markers and renders them in Java, which also lets it
 * count the exact prompt tokens before a request is queued. Anything unrecognised gets {@link #PLAIN}, a documented
 * "System:/User:/Assistant:" layout that every base model can follow.
 *
 * <p>No template writes the beginning-of-sequence token: llama.cpp adds it when it tokenizes the prompt.
 */
public enum ChatTemplate {
    /** {@code <|im_start|>role ... <|im_end|>} (Qwen, many fine-tunes). */
    CHATML(List.of("<|im_end|>")),
    /** {@code <|start_header_id|>role<|end_header_id|> ... <|eot_id|>} (Llama 3.x). */
    LLAMA3(List.of("<|eot_id|>")),
    /** {@code [INST] <<SYS>>...<</SYS>> ... [/INST]} (Llama 2 chat). */
    LLAMA2(List.of("</s>")),
    /** {@code [INST] ... [/INST]} with the system text folded into the first user turn (Mistral, Mixtral). */
    MISTRAL(List.of("</s>")),
    /** {@code <start_of_turn>user ... <end_of_turn>}, assistant role named "model" (Gemma 1/2/3). */
    GEMMA(List.of("<end_of_turn>")),
    /** The fallback: "System:", "User:", "Assistant:" paragraphs. */
    PLAIN(List.of("\nUser:"));

    private final List<String> stops;

    ChatTemplate(List<String> stops) {
        this.stops = stops;
    }

    /**
     * Recognises a GGUF's Jinja template.
     *
     * @param jinja the {@code tokenizer.chat_template} text, if the file has one
     * @return the family, {@link #PLAIN} when absent or unrecognised
     */
    public static ChatTemplate detect(Optional<String> jinja) {
        if (jinja.isEmpty()) {
            return PLAIN;
        }
        String t = jinja.get();
        if (t.contains("<|im_start|>")) {
            return CHATML;
        }
        if (t.contains("<|start_header_id|>")) {
            return LLAMA3;
        }
        if (t.contains("<start_of_turn>")) {
            return GEMMA;
        }
        if (t.contains("[INST]")) {
            return t.contains("<<SYS>>") ? LLAMA2 : MISTRAL;
        }
        return PLAIN;
    }

    /**
     * Text that marks the end of the assistant's turn in this family; engines add them to the caller's stop
     * sequences so a model that spells the marker out as text still stops.
     *
     * @return the stop texts
     */
    public List<String> stops() {
        return stops;
    }

    /**
     * Renders a conversation, ending with the cue for the assistant's answer.
     *
     * @param messages the turns
     * @return the prompt text
     */
    public String render(List<ChatMessage> messages) {
        return renderSafe(messages.stream().map(m -> new ChatMessage(m.role(), neutralize(m.content()))).toList());
    }

    /**
     * Defuses text that would otherwise be parsed as a control token of some template family (llama.cpp parses
     * special tokens in the prompt), so that a passage or a user cannot close a turn or forge a system turn.
     *
     * @param content message text
     * @return the text with every template marker broken up
     */
    public static String neutralize(String content) {
        return content.replace("<|", "< |").replace("|>", "| >")
                .replace("<start_of_turn>", "<start of turn>").replace("<end_of_turn>", "<end of turn>")
                .replace("[INST]", "[INST ]").replace("[/INST]", "[/INST ]").replace("<<SYS>>", "<SYS>")
                .replace("<</SYS>>", "</SYS>").replace("</s>", "</ s>").replace("<s>", "< s>");
    }

    private String renderSafe(List<ChatMessage> messages) {
        StringBuilder b = new StringBuilder();
        switch (this) {
            case CHATML -> {
                for (ChatMessage m : messages) {
                    b.append("<|im_start|>").append(role(m)).append('\n').append(m.content()).append("<|im_end|>\n");
                }
                b.append("<|im_start|>assistant\n");
            }
            case LLAMA3 -> {
                for (ChatMessage m : messages) {
                    b.append("<|start_header_id|>").append(role(m)).append("<|end_header_id|>\n\n")
                            .append(m.content().strip()).append("<|eot_id|>");
                }
                b.append("<|start_header_id|>assistant<|end_header_id|>\n\n");
            }
            case LLAMA2 -> renderInst(b, messages, true);
            case MISTRAL -> renderInst(b, messages, false);
            case GEMMA -> {
                for (ChatMessage m : foldSystem(messages, "\n\n")) {
                    String role = m.role() == ChatMessage.Role.ASSISTANT ? "model" : "user";
                    b.append("<start_of_turn>").append(role).append('\n').append(m.content().strip())
                            .append("<end_of_turn>\n");
                }
                b.append("<start_of_turn>model\n");
            }
            case PLAIN -> {
                for (ChatMessage m : messages) {
                    String label = switch (m.role()) {
                        case SYSTEM -> "System";
                        case USER -> "User";
                        case ASSISTANT -> "Assistant";
                    };
                    b.append(label).append(": ").append(m.content().strip()).append("\n\n");
                }
                b.append("Assistant:");
            }
        }
        return b.toString();
    }

    private static void renderInst(StringBuilder b, List<ChatMessage> messages, boolean sysBlock) {
        List<ChatMessage> turns = sysBlock ? messages : foldSystem(messages, "\n\n");
        String system = null;
        boolean first = true;
        for (ChatMessage m : turns) {
            switch (m.role()) {
                case SYSTEM -> system = m.content().strip();
                case USER -> {
                    b.append(first ? "[INST] " : "<s>[INST] ");
                    if (system != null) {
                        b.append("<<SYS>>\n").append(system).append("\n<</SYS>>\n\n");
                        system = null;
                    }
                    b.append(m.content().strip()).append(" [/INST]");
                    first = false;
                }
                case ASSISTANT -> b.append(' ').append(m.content().strip()).append(" </s>");
            }
        }
    }

    /** Folds system turns into the next user turn, for families without a system role. */
    private static List<ChatMessage> foldSystem(List<ChatMessage> messages, String separator) {
        List<ChatMessage> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (ChatMessage m : messages) {
            if (m.role() == ChatMessage.Role.SYSTEM) {
                pending.append(m.content().strip()).append(separator);
            } else if (m.role() == ChatMessage.Role.USER && !pending.isEmpty()) {
                out.add(ChatMessage.user(pending + m.content()));
                pending.setLength(0);
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static String role(ChatMessage m) {
        return m.role().name().toLowerCase(java.util.Locale.ROOT);
    }
}

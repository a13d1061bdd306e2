package io.sextant.appliance.ask;

import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.corpus.Corpus;
import io.sextant.appliance.corpus.Evidence;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.grounding.Analyst;
import io.sextant.appliance.grounding.Citation;
import io.sextant.appliance.grounding.GroundedWriter;
import io.sextant.guard.access.AccessDecision;
import io.sextant.guard.access.AccessPolicy;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.output.GuardResult;
import io.sextant.guard.output.MarkedParagraph;
import io.sextant.inference.Cancellation;
import io.sextant.inference.ChatMessage;
import io.sextant.inference.Completion;
import io.sextant.inference.TokenSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Answers questions for one analyst at a time: retrieval as the asking user ({@link Corpus#evidence} with the
 * user's clearance, so every passage the engine sees is one the user may see), a grounded write that streams, the
 * output guard's verdict, the conversation turn stored, and the question audited with the markings shown.
 *
 * <p><b>Why streamed tokens cannot leak what the guard would withhold.</b> The stream is the engine's raw text, shown
 * before the guard's verdict. The engine's whole input is the conversation (the user's own questions and the answers
 * the user was already given, each re-checked against the user's clearance today) and the evidence, which the corpus
 * has already trimmed to the user's access. So the stream can only derive from what the user may see; the guard's
 * later verdict adds portion marks and a banner and may still refuse (e.g. unreconcilable markings in the text), in
 * which case the client replaces the provisional text with the refusal. The provisional banner announced in the
 * {@code start} event is the roll-up of the offered passages, an upper bound of what the text derives from. When the
 * user may see nothing relevant the engine is not called at all, and the answer is the same {@code empty} answer
 * whether hidden passages exist or not.
 */
public final class AskService {

    /** How many passages an answer may draw on. */
    public static final int PASSAGES = 6;
    /** What an empty answer says: the same whether hidden passages exist or not. */
    public static final String NOTHING_FOUND = "Nothing you have access to answers this question.";

    private final Corpus corpus;
    private final GroundedWriter writer;
    private final ConversationStore store;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * @param corpus the corpus
     * @param writer the grounded writer
     * @param store  the conversations
     * @param audit  the audit log
     * @param clock  the clock
     */
    public AskService(Corpus corpus, GroundedWriter writer, ConversationStore store, AuditLog audit, Clock clock) {
        this.corpus = corpus;
        this.writer = writer;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the conversation store */
    public ConversationStore store() {
        return store;
    }

    /** @return the grounded writer */
    public GroundedWriter writer() {
        return writer;
    }

    /** Thrown when a conversation is not the user's (or does not exist): both look the same. */
    public static final class NoSuchConversation extends RuntimeException {
        NoSuchConversation() {
            super("no such conversation", null, false, false);
        }
    }

    /**
     * Receives the stream of one answer.
     */
    public interface Listener {
        /**
         * Called once, before generation.
         *
         * @param conversationId the conversation
         * @param provisional    the provisional banner (roll-up of the offered passages)
         */
        void start(String conversationId, String provisional);

        /**
         * A piece of provisional text.
         *
         * @param piece the text
         */
        void token(String piece);
    }

    /**
     * A question ready to answer: the conversation exists and is the user's.
     *
     * @param analyst        who asks
     * @param remote         client address for the audit, or null
     * @param question       the question
     * @param conversationId the conversation (new or continued)
     * @param history        earlier turns the user may still see
     * @param scope          what to draw on
     * @param instructions   extra instructions (the API's system turns), may be empty
     * @param rag            whether to retrieve passages (false: the model alone, still guarded)
     * @param save           whether to store the turn
     */
    public record Prepared(Analyst analyst, String remote, String question, String conversationId,
            List<ChatMessage> history, Scope scope, String instructions, boolean rag, boolean save) {
    }

    /**
     * The guarded outcome of one question.
     *
     * @param answer     the answer as the client receives it
     * @param rendered   the answer as marked plain text: banner, marked paragraphs, authority block, banner (or the
     *                   refusal / notice)
     * @param completion the engine's completion (token counts), or null when the engine was not called
     */
    public record Result(AskAnswer answer, String rendered, Completion completion) {
    }

    /**
     * Starts or continues a conversation of the user.
     *
     * @param analyst        who asks
     * @param remote         client address, or null
     * @param question       the question (not blank)
     * @param conversationId an existing conversation of the user, or null to start one
     * @param scope          what to draw on, or null for everything the user may see
     * @return the prepared question
     * @throws NoSuchConversation when the id is not one of the user's conversations
     * @throws IllegalArgumentException when the question is blank
     */
    public Prepared prepare(Analyst analyst, String remote, String question, String conversationId, Scope scope) {
        String q = requireQuestion(question);
        String id;
        List<ChatMessage> history = new ArrayList<>();
        if (conversationId == null || conversationId.isBlank()) {
            id = store.create(analyst.username(), q, clock.instant());
        } else {
            List<ConversationStore.Turn> turns = store.turns(analyst.username(), conversationId)
                    .orElseThrow(NoSuchConversation::new);
            id = conversationId;
            for (ConversationStore.Turn t : turns) {
                history.add(ChatMessage.user(t.question()));
                if (visible(analyst, t.answer())) {
                    history.add(ChatMessage.assistant(historyText(t.answer())));
                } else {
                    // The user's access shrank since: the old answer stays out of the model's view.
                    history.add(ChatMessage.assistant(""));
                }
            }
        }
        return new Prepared(analyst, remote, q, id, history, scope == null ? Scope.ALL : scope, "", true, true);
    }

    /**
     * A one-off question (the OpenAI-compatible API): not stored as a conversation.
     *
     * @param analyst      who asks
     * @param remote       client address, or null
     * @param question     the last user turn
     * @param history      earlier turns as the client sent them
     * @param instructions the client's system turns, may be empty
     * @param rag          whether to ground on retrieved passages
     * @return the prepared question
     */
    public Prepared prepareOneOff(Analyst analyst, String remote, String question, List<ChatMessage> history,
            String instructions, boolean rag) {
        return new Prepared(analyst, remote, requireQuestion(question), "chatcmpl-" + UUID.randomUUID(),
                history, Scope.ALL, instructions, rag, false);
    }

    /**
     * Retrieves as the user, writes (streaming to the listener), guards, stores and audits.
     *
     * @param p            the prepared question
     * @param listener     receives the start and the provisional tokens
     * @param cancellation cancels generation (client gone)
     * @return the guarded result
     */
    public Result answer(Prepared p, Listener listener, Cancellation cancellation) {
        List<Evidence> evidence = p.rag()
                ? corpus.evidence(p.analyst().clearance(), p.question(), p.scope(), PASSAGES) : List.of();
        listener.start(p.conversationId(), MarkingFormatter.banner(GroundedWriter.provisionalBanner(evidence)));
        String answerId = UUID.randomUUID().toString();
        Result result;
        if (p.rag() && evidence.isEmpty()) {
            result = empty(p, answerId, null);
        } else {
            GroundedWriter.Request request = new GroundedWriter.Request(p.instructions(), p.history(), p.question(),
                    evidence, null);
            TokenSink sink = listener::token;
            GroundedWriter.Written w = writer.write(p.analyst(), request, sink, cancellation);
            result = switch (w) {
                case GroundedWriter.Product product -> product(p, answerId, evidence, product);
                case GroundedWriter.Refused refused -> new Result(new AskAnswer(p.conversationId(), answerId,
                        AskAnswer.REFUSED, "UNCLASSIFIED", null, null, null, refused.refusal().message()),
                        refused.refusal().message(), refused.completion());
                case GroundedWriter.Empty e -> empty(p, answerId, e.completion());
            };
        }
        if (p.save()) {
            store.addTurn(p.analyst().username(), p.question(), result.answer(), clock.instant());
        }
        AskAnswer a = result.answer();
        audit.append(new AuditEvent(AuditEventType.QUESTION,
                AskAnswer.REFUSED.equals(a.outcome()) ? Outcome.DENIED : Outcome.OK, p.analyst().username(),
                p.conversationId(), "answer=" + answerId + ";outcome=" + a.outcome() + ";citations="
                + a.citations().size() + ";rag=" + p.rag(),
                AskAnswer.FINAL.equals(a.outcome()) ? a.marking() : null, p.remote()));
        return result;
    }

    /**
     * @param analyst the user
     * @param answer  a stored answer
     * @return whether the user may see it with their clearance as it is now
     */
    public static boolean visible(Analyst analyst, AskAnswer answer, ConversationStore store) {
        if (!AskAnswer.FINAL.equals(answer.outcome())) {
            return true;
        }
        try {
            Marking m = store.parse(answer.marking());
            return AccessPolicy.decide(analyst.clearance(), m) instanceof AccessDecision.Allow;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean visible(Analyst analyst, AskAnswer answer) {
        return visible(analyst, answer, store);
    }

    private static Result empty(Prepared p, String answerId, Completion c) {
        return new Result(new AskAnswer(p.conversationId(), answerId, AskAnswer.EMPTY, "UNCLASSIFIED", null, null,
                null, NOTHING_FOUND), NOTHING_FOUND, c);
    }

    private static Result product(Prepared p, String answerId, List<Evidence> evidence,
            GroundedWriter.Product product) {
        GuardResult.MarkedProduct mp = product.product();
        List<AskAnswer.Paragraph> paragraphs = new ArrayList<>();
        for (MarkedParagraph mpar : mp.paragraphs()) {
            paragraphs.add(new AskAnswer.Paragraph(MarkingFormatter.portion(mpar.marking()), mpar.text()));
        }
        List<AskAnswer.CitationRef> citations = new ArrayList<>();
        for (Citation c : product.citations()) {
            Evidence e = evidence.get(c.number() - 1);
            citations.add(new AskAnswer.CitationRef(c.number(), e.passageId(), e.documentId(), e.title(),
                    MarkingFormatter.banner(e.marking()), MarkingFormatter.portion(e.marking()),
                    e.page() != null && e.page() > 0 ? e.page() : null,
                    e.headingPath().isEmpty() ? null : String.join(" > ", e.headingPath()),
                    link(e.documentId(), e.passageId())));
        }
        List<String> authority = mp.authorityBlock() == null ? List.of() : mp.authorityBlock().lines();
        AskAnswer a = new AskAnswer(p.conversationId(), answerId, AskAnswer.FINAL,
                MarkingFormatter.banner(mp.banner()), paragraphs, citations, authority, product.notice());
        return new Result(a, mp.render(), product.completion());
    }

    /**
     * @param documentId a document
     * @param passageId  one of its passages
     * @return where the passage opens in the UI
     */
    public static String link(String documentId, String passageId) {
        return "/documents/" + documentId + "?passage=" + passageId + "#passage-" + passageId;
    }

    private static String requireQuestion(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("the question is empty");
        }
        if (question.length() > 8000) {
            throw new IllegalArgumentException("the question is longer than 8000 characters");
        }
        return question.strip();
    }

    /** The answer's words without portion marks or citation numbers, which the model must not copy. */
    private static String historyText(AskAnswer a) {
        if (!AskAnswer.FINAL.equals(a.outcome())) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (AskAnswer.Paragraph p : a.paragraphs()) {
            b.append(p.text().replaceAll("\\[\\d+]", "").strip()).append("\n\n");
        }
        return b.toString().strip();
    }
}

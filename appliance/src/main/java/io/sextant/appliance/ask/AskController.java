package io.sextant.appliance.ask;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.sextant.appliance.audit.AuditEvent;
import io.sextant.appliance.audit.AuditEventType;
import io.sextant.appliance.audit.AuditLog;
import io.sextant.appliance.audit.Outcome;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.security.Principal;
import io.sextant.guard.marking.Marking;
import io.sextant.guard.marking.MarkingFormatter;
import io.sextant.guard.rollup.Rollup;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * The Ask API: {@code POST /api/ask} answers a question as a server-sent event stream ({@code start}, {@code token}…,
 * then {@code final}, {@code refused} or {@code empty}), {@code GET /api/conversations} and
 * {@code GET /api/conversations/{id}} list and show the caller's own conversations, and
 * {@code POST /api/answers/{answerId}/feedback} stores a rating and correction. Another user's conversation or answer
 * answers exactly like a missing one (404).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AskController {

    private final AskService service;
    private final AskStreams streams;
    private final AuditLog audit;
    private final Clock clock;

    AskController(AskService service, AskStreams streams, AuditLog audit, Clock clock) {
        this.service = service;
        this.streams = streams;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param question       the question
     * @param conversationId a conversation of the caller to continue, or null
     * @param scope          collections and dates, or null
     */
    @Serdeable
    record AskRequest(@Nullable String question, @Nullable String conversationId, @Nullable ScopeJson scope) {
    }

    /**
     * @param collections collection names
     * @param from        earliest date, ISO
     * @param to          latest date, ISO
     */
    @Serdeable
    record ScopeJson(@Nullable List<String> collections, @Nullable String from, @Nullable String to) {
        Scope toScope() {
            try {
                return new Scope(collections, from == null || from.isBlank() ? null : LocalDate.parse(from),
                        to == null || to.isBlank() ? null : LocalDate.parse(to));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("scope dates are YYYY-MM-DD", e);
            }
        }
    }

    /**
     * @param rating     up or down
     * @param correction what the answer should have said
     */
    @Serdeable
    record Feedback(@Nullable String rating, @Nullable String correction) {
    }

    /**
     * @param conversations the caller's conversations
     * @param marking       the roll-up of their answers
     */
    @Serdeable
    record ConversationList(List<ConversationStore.Summary> conversations, String marking) {
    }

    /**
     * @param question the question
     * @param answer   the guarded answer (withheld when the caller's access no longer covers it)
     */
    @Serdeable
    record TurnJson(String question, AskAnswer answer) {
    }

    /**
     * @param id      the conversation
     * @param turns   its turns
     * @param marking the roll-up of the answers shown
     */
    @Serdeable
    record ConversationJson(String id, List<TurnJson> turns, String marking) {
    }

    @Post("/api/ask")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> ask(HttpRequest<?> request, Principal principal, @Body AskRequest body) {
        AskService.Prepared p;
        try {
            p = service.prepare(principal.analyst(), remote(request), body.question(), body.conversationId(),
                    body.scope() == null ? null : body.scope().toScope());
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "bad question");
        } catch (AskService.NoSuchConversation e) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        return streams.askStream(p);
    }

    @Get("/api/conversations")
    ConversationList conversations(Principal principal) {
        List<ConversationStore.Summary> list = service.store().list(principal.name());
        List<Marking> ms = new ArrayList<>();
        for (ConversationStore.Summary s : list) {
            ms.add(service.store().parse(s.marking()));
        }
        return new ConversationList(list, ms.isEmpty() ? "UNCLASSIFIED" : MarkingFormatter.banner(Rollup.of(ms)));
    }

    @Get("/api/conversations/{id}")
    ConversationJson conversation(Principal principal, @PathVariable String id) {
        return view(service, principal, id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "not found"));
    }

    @Post("/api/answers/{answerId}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    Map<String, Object> feedback(HttpRequest<?> request, Principal principal, @PathVariable String answerId,
            @Body Feedback body) {
        String rating = body.rating() == null ? "" : body.rating().strip();
        if (!rating.equals("up") && !rating.equals("down")) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "rating is up or down");
        }
        String correction = body.correction() == null ? "" : body.correction().strip();
        if (correction.length() > 8000) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "correction too long");
        }
        Optional<String> marking = service.store().feedback(principal.name(), answerId, rating, correction,
                clock.instant());
        if (marking.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not found");
        }
        audit.append(new AuditEvent(AuditEventType.FEEDBACK, Outcome.OK, principal.name(), answerId,
                "rating=" + rating + ";correction=" + !correction.isEmpty(), null, remote(request)));
        return Map.of("answerId", answerId, "rating", rating, "stored", true, "marking", "UNCLASSIFIED");
    }

    /**
     * A conversation as the caller may see it now: answers whose marking the caller's clearance no longer covers are
     * withheld.
     *
     * @param service   the service
     * @param principal the caller
     * @param id        the conversation
     * @return the view, empty when not the caller's
     */
    static Optional<ConversationJson> view(AskService service, Principal principal, String id) {
        return service.store().turns(principal.name(), id).map(turns -> {
            List<TurnJson> out = new ArrayList<>();
            List<Marking> shown = new ArrayList<>();
            for (ConversationStore.Turn t : turns) {
                AskAnswer a = t.answer();
                if (AskService.visible(principal.analyst(), a, service.store())) {
                    if (AskAnswer.FINAL.equals(a.outcome())) {
                        shown.add(service.store().parse(a.marking()));
                    }
                } else {
                    a = new AskAnswer(a.conversationId(), a.answerId(), AskAnswer.REFUSED, "UNCLASSIFIED", null,
                            null, null, WITHHELD);
                }
                out.add(new TurnJson(t.question(), a));
            }
            return new ConversationJson(id, out,
                    shown.isEmpty() ? "UNCLASSIFIED" : MarkingFormatter.banner(Rollup.of(shown)));
        });
    }

    /** What a stored answer the user may no longer see says instead. */
    static final String WITHHELD = "This answer is outside your current access, so it has been withheld.";

    static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}

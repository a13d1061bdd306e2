package io.sextant.appliance.ask;

import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.sextant.inference.Cancellation;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Turns one prepared question into a server-sent event stream. The answer is written on a blocking worker; each
 * engine token becomes a {@code token} event as soon as it exists, and the guarded outcome ends the stream. A client
 * that goes away cancels the generation. Errors end the stream with an {@code error} event that names nothing.
 */
@Singleton
final class AskStreams {

    private static final Logger LOG = LoggerFactory.getLogger(AskStreams.class);

    private final AskService service;
    private final JsonMapper json;
    private final ExecutorService executor;

    AskStreams(AskService service, JsonMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.service = service;
        this.json = json;
        this.executor = executor;
    }

    /**
     * @param p the prepared question
     * @return the stream: start, tokens, then final / refused / empty (or error)
     */
    Publisher<Event<String>> askStream(AskService.Prepared p) {
        return Flux.create(sink -> {
            Cancellation cancel = Cancellation.create();
            sink.onCancel(cancel::cancel);
            executor.execute(() -> {
                try {
                    AskService.Result r = service.answer(p, new AskService.Listener() {
                        @Override
                        public void start(String conversationId, String provisional) {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("conversationId", conversationId);
                            m.put("marking", provisional);
                            m.put("provisional", true);
                            sink.next(Event.of(json(m)).name("start"));
                        }

                        @Override
                        public void token(String piece) {
                            if (cancel.isCancelled()) {
                                throw new IllegalStateException("client went away");
                            }
                            sink.next(Event.of(json(Map.of("text", piece))).name("token"));
                        }
                    }, cancel);
                    sink.next(Event.of(json(r.answer())).name(r.answer().outcome()));
                } catch (RuntimeException e) {
                    if (!cancel.isCancelled()) {
                        LOG.error("answering failed", e);
                        sink.next(Event.of(json(Map.of("error", "The answer could not be produced.",
                                "marking", "UNCLASSIFIED"))).name("error"));
                    }
                } finally {
                    sink.complete();
                }
            });
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /**
     * @param value a value
     * @return its JSON
     */
    String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

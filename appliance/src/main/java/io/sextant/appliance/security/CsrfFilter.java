package io.sextant.appliance.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * Synchronizer-token CSRF check on every state-changing request that a browser could send: the token of the caller's
 * session must come back in the {@code _csrf} form field or the {@code X-CSRF-Token} header. Requests with an
 * {@code Authorization} header carry no ambient credential and are exempt ({@link AuthFilter} validates the token);
 * requests without a live session carry no credential either and are left to {@link AuthFilter}, except the public
 * sign-in form, which needs the anonymous session's token. Runs before {@link AuthFilter}, on the event loop, because
 * it reads the form body without blocking.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CsrfFilter implements Ordered {

    private final Sessions sessions;

    CsrfFilter(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Form field carrying the token. */
    static final String FIELD = "_csrf";
    /** Header carrying the token (scripts). */
    static final String HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestFilter
    Publisher<Optional<HttpResponse<?>>> check(ServerHttpRequest<?> request) {
        if (SAFE.contains(request.getMethod())) {
            return Publishers.just(Optional.empty());
        }
        if (request.getHeaders().getAuthorization().isPresent()) {
            return Publishers.just(Optional.empty());
        }
        Optional<Sessions.Session> session = request.getCookies().findCookie(Sessions.COOKIE)
                .flatMap(c -> sessions.find(c.getValue()));
        if (session.isEmpty()) {
            return PublicRoutes.isPublic(request.getMethod(), request.getPath())
                    ? deny() : Publishers.just(Optional.empty());
        }
        String expected = session.get().csrf();
        String header = request.getHeaders().get(HEADER);
        if (header != null) {
            return matches(expected, header) ? Publishers.just(Optional.empty()) : deny();
        }
        boolean form = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .orElse(false);
        if (!form) {
            return deny();
        }
        return Publishers.fromCompletableFuture(() -> request.byteBody()
                .split(ByteBody.SplitBackpressureMode.FASTEST)
                .buffer()
                .thenApply(body -> {
                    try (CloseableAvailableByteBody b = body) {
                        String token = FormFields.first(b.toString(StandardCharsets.UTF_8), FIELD);
                        return token != null && matches(expected, token)
                                ? Optional.<HttpResponse<?>>empty() : Optional.of(forbidden());
                    }
                }));
    }

    private static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static Publisher<Optional<HttpResponse<?>>> deny() {
        return Publishers.just(Optional.of(forbidden()));
    }

    private static HttpResponse<?> forbidden() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("error", "missing or invalid CSRF token"));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}

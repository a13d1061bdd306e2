package io.sextant.appliance.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Synchronizer-token CSRF check on every state-changing request that a browser could send: the token of the caller's
 * session must come back in the {@code _csrf} form field or the {@code X-CSRF-Token} header. Requests with an
 * {@code Authorization} header carry no ambient credential and are exempt ({@link AuthFilter} validates the token);
 * requests without a live session carry no credential either and are left to {@link AuthFilter}, except the public
 * sign-in form, which needs the anonymous session's token. Runs before {@link AuthFilter}. The body is bound by
 * Micronaut (buffered up to {@code micronaut.server.max-request-size}) and stays available to the controller.
 * The API ({@code /api/**}, {@code /v1/**}) is left to {@link ApiCsrfFilter}, which never buffers a body (uploads).
 */
@ServerFilter(value = CsrfFilter.NOT_API, patternStyle = FilterPatternStyle.REGEX)
final class CsrfFilter implements Ordered {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CsrfFilter.class);

    private final Sessions sessions;

    CsrfFilter(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Every path but the API's. */
    static final String NOT_API = "^(?!/api/|/api$|/v1/).*";
    /** Form field carrying the token. */
    static final String FIELD = "_csrf";
    /** Header carrying the token (scripts). */
    static final String HEADER = "X-CSRF-Token";
    static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body String body) {
        if (SAFE.contains(request.getMethod()) || request.getHeaders().getAuthorization().isPresent()) {
            return null;
        }
        Optional<Sessions.Session> session = request.getCookies().findCookie(Sessions.COOKIE)
                .flatMap(c -> sessions.find(c.getValue()));
        if (session.isEmpty()) {
            if (PublicRoutes.isPublic(request.getMethod(), request.getPath())) {
                LOG.debug("CSRF refusal on {} {}: no live session", request.getMethod(), request.getPath());
                return forbidden();
            }
            return null;
        }
        String expected = session.get().csrf();
        String header = request.getHeaders().get(HEADER);
        if (header != null) {
            return matches(expected, header) ? null : forbidden();
        }
        boolean form = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .orElse(false);
        String token = form && body != null ? FormFields.first(body, FIELD) : null;
        if (token != null && matches(expected, token)) {
            return null;
        }
        LOG.debug("CSRF refusal on {} {}: form={} body={} token={}", request.getMethod(), request.getPath(), form,
                body == null ? "absent" : body.length() + " chars", token == null ? "absent" : "mismatch");
        return forbidden();
    }

    static boolean matches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<?> forbidden() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Map.of("error", "missing or invalid CSRF token"));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}

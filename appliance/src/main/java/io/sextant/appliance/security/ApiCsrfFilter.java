package io.sextant.appliance.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Optional;

/**
 * CSRF check for the REST API when a browser script calls it with the session cookie: a state-changing request must
 * carry the session's token in the {@code X-CSRF-Token} header (pages publish it in {@code <meta name="csrf-token">}).
 * Unlike {@link CsrfFilter} it never binds the body, so multi-gigabyte uploads stream straight to the controller.
 * Bearer-token callers carry no ambient credential and are exempt; requests without a session are left to
 * {@link AuthFilter}.
 */
@ServerFilter({"/api/**", "/v1/**"})
final class ApiCsrfFilter implements Ordered {

    private final Sessions sessions;

    ApiCsrfFilter(Sessions sessions) {
        this.sessions = sessions;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (CsrfFilter.SAFE.contains(request.getMethod()) || request.getHeaders().getAuthorization().isPresent()) {
            return null;
        }
        Optional<Sessions.Session> session = request.getCookies().findCookie(Sessions.COOKIE)
                .flatMap(c -> sessions.find(c.getValue()));
        if (session.isEmpty()) {
            return null;
        }
        String header = request.getHeaders().get(CsrfFilter.HEADER);
        return header != null && CsrfFilter.matches(session.get().csrf(), header) ? null : CsrfFilter.forbidden();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}

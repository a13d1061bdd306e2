package io.sextant.appliance.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;

/**
 * Bounds what a page form may send before anything reads it. The server accepts large request bodies for uploads
 * ({@code micronaut.server.max-request-size}, streamed by the API), but {@link CsrfFilter} buffers a page request's
 * body to find its token; without this bound anyone, signed in or not, could make it hold hundreds of megabytes.
 * A state-changing page request must declare its length and stay within {@link #MAX_FORM_BYTES}.
 */
@ServerFilter(value = CsrfFilter.NOT_API, patternStyle = FilterPatternStyle.REGEX)
final class FormSizeFilter implements Ordered {

    /** The largest page form accepted (job files pasted into a form fit easily). */
    static final long MAX_FORM_BYTES = 4L * 1024 * 1024;

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (CsrfFilter.SAFE.contains(request.getMethod())) {
            return null;
        }
        long length = request.getContentLength();
        boolean chunked = request.getHeaders().get("Transfer-Encoding") != null;
        if (length > MAX_FORM_BYTES || (length < 0 && chunked)) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("error", "a form may send at most " + MAX_FORM_BYTES / (1024 * 1024)
                            + " MB with a declared length"));
        }
        return null;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before() - 10;
    }
}

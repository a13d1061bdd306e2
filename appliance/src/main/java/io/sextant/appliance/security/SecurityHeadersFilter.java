package io.sextant.appliance.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every response, errors included: a CSP that allows only the appliance's own scripts and styles
 * (no inline code), no framing, no MIME sniffing, no referrer, no caching of pages, and HSTS over HTTPS.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements Ordered {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var h = response.getHeaders();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        if (!request.getPath().startsWith("/static/")) {
            h.set("Cache-Control", "no-store");
        }
        if (request.isSecure()) {
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /** First in, so its response side also sees responses that the authentication filter short-circuits. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}

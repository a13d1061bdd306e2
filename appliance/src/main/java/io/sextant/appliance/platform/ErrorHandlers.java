package io.sextant.appliance.platform;

import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.views.ModelAndView;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.sextant.appliance.security.AccountException;
import io.sextant.appliance.security.Principal;
import io.sextant.appliance.web.Banner;
import io.sextant.appliance.web.PageModel;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become responses. Client-caused errors map to their 4xx status (logged at debug), everything
 * else to 500 (logged at error with the stack trace, server-side only). Clients get the status and its reason phrase
 * — an HTML page for the UI, a small JSON object for the API — never a stack trace, an exception message or content.
 */
@Controller
final class ErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private final SiteConfig site;

    ErrorHandlers(SiteConfig site) {
        this.site = site;
    }

    @Error(global = true, exception = Throwable.class)
    HttpResponse<?> onException(HttpRequest<?> request, Throwable error) {
        HttpStatus status = statusOf(error);
        if (status.getCode() < 500) {
            LOG.debug("{} {} -> {}: {}", request.getMethod(), request.getPath(), status.getCode(), error.toString());
        } else {
            LOG.error("{} {} failed", request.getMethod(), request.getPath(), error);
        }
        return respond(request, status);
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        return respond(request, HttpStatus.NOT_FOUND);
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    HttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Error(global = true, status = HttpStatus.NOT_ACCEPTABLE)
    HttpResponse<?> notAcceptable(HttpRequest<?> request) {
        return respond(request, HttpStatus.NOT_ACCEPTABLE);
    }

    static HttpStatus statusOf(Throwable error) {
        return switch (error) {
            case HttpStatusException e -> e.getStatus();
            case AccountException e -> e.isClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
            case ContentLengthExceededException e -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case UnsatisfiedArgumentException e -> HttpStatus.BAD_REQUEST;
            case UnsatisfiedRouteException e -> HttpStatus.BAD_REQUEST;
            case ConversionErrorException e -> HttpStatus.BAD_REQUEST;
            case CodecException e -> HttpStatus.BAD_REQUEST;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private HttpResponse<?> respond(HttpRequest<?> request, HttpStatus status) {
        String path = request.getPath();
        boolean api = path.startsWith("/api/") || path.startsWith("/v1/");
        boolean html = !api && request.getHeaders().accept().stream()
                .anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
        if (!html) {
            return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("status", status.getCode(), "error", status.getReason()));
        }
        Principal principal = Principal.of(request).orElse(null);
        Map<String, Object> model = PageModel.of(principal, principal == null ? null : principal.session(), site,
                Banner.UNCLASSIFIED);
        model.put("status", status.getCode());
        model.put("reason", status.getReason());
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("error", model));
    }
}

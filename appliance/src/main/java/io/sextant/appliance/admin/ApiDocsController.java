package io.sextant.appliance.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the hand-maintained OpenAPI 3 document of the REST API ({@code openapi/sextant.yml} on the classpath) to
 * signed-in users; the authentication filter refuses anonymous calls under {@code /api}.
 */
@Controller("/api/openapi.yml")
final class ApiDocsController {

    /** Where the document lives on the classpath. */
    static final String RESOURCE = "openapi/sextant.yml";
    private static final MediaType YAML = MediaType.of("application/yaml");

    private final String document;

    ApiDocsController() {
        try (InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = "application/yaml")
    HttpResponse<String> document() {
        return HttpResponse.ok(document).contentType(YAML);
    }
}

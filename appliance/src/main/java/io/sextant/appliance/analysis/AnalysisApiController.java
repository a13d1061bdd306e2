package io.sextant.appliance.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sextant.appliance.corpus.Scope;
import io.sextant.appliance.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/analysis/{evaluate|ach|redcell|compare|pir}}: each takes a JSON object and answers the guarded
 * report as JSON (banner in {@code marking}, portion mark per paragraph, citations with links, authority block). A
 * bad request, an unknown or hidden document and a guard refusal answer a small JSON object with an {@code error}.
 */
@Controller("/api/analysis")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AnalysisApiController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnalysisService service;

    AnalysisApiController(AnalysisService service) {
        this.service = service;
    }

    @Post("/{workflow}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<String> run(HttpRequest<?> request, Principal principal, @PathVariable String workflow,
            @Body String body) {
        return respond(() -> {
            JsonNode in = parse(body);
            return AnalysisForms.run(service, workflow, principal.analyst(), in, remote(request));
        });
    }

    @Get("/ach/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<String> achView(Principal principal, @PathVariable String id) {
        return respond(() -> service.achView(principal.analyst(), id));
    }

    @Post("/ach/{id}/cells")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<String> achEdit(HttpRequest<?> request, Principal principal, @PathVariable String id,
            @Body String body) {
        return respond(() -> {
            JsonNode in = parse(body);
            return service.achEdit(principal.analyst(), id, in.path("hypothesis").asInt(0),
                    in.path("evidence").asInt(0), in.path("rating").asText(""), remote(request));
        });
    }

    private static HttpResponse<String> respond(java.util.function.Supplier<AnalysisReport> work) {
        try {
            return HttpResponse.ok(JSON.writeValueAsString(work.get().toJson())).contentType(MediaType.APPLICATION_JSON);
        } catch (AnalysisException e) {
            if (e.status() == 404) {
                // A 404 answered from here can hang a connection whose request had a body; the error handler's
                // answer does not (and says only "Not Found", the same for hidden and unknown).
                throw new io.micronaut.http.exceptions.HttpStatusException(io.micronaut.http.HttpStatus.NOT_FOUND,
                        "Not Found");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", e.getMessage());
            m.put("status", e.status());
            try {
                return HttpResponse.<String>status(io.micronaut.http.HttpStatus.valueOf(e.status()))
                        .body(JSON.writeValueAsString(m)).contentType(MediaType.APPLICATION_JSON);
            } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                throw new IllegalStateException(x);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("writing the report failed", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body == null ? "" : body);
            if (n == null || !n.isObject()) {
                throw AnalysisException.badInput("the body must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw AnalysisException.badInput("the body is not valid JSON");
        }
    }

    private static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n != null && n.isTextual()) {
            for (String line : n.asText().split("\\R")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }

    static Scope scope(JsonNode in) {
        try {
            return Scope.parse(in.path("scope").asText(""));
        } catch (IllegalArgumentException e) {
            throw AnalysisException.badInput("scope: " + e.getMessage());
        }
    }

}

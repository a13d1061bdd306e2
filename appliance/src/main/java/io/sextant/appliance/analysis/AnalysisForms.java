package io.sextant.appliance.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.appliance.grounding.Analyst;

/** Turns one JSON input (from the API, the page's form fields or the CLI's flags) into a workflow run. */
public final class AnalysisForms {

    /** The workflows, in the order pages list them. */
    public static final java.util.List<String> WORKFLOWS = java.util.List.of("evaluate", "ach", "redcell", "compare",
            "pir");

    private AnalysisForms() {
    }

    public static AnalysisReport run(AnalysisService service, String workflow, Analyst analyst, JsonNode in,
            String remote) {
        return switch (workflow) {
            case "evaluate" -> service.evaluate(analyst, text(in, "text"), text(in, "documentId"),
                    AnalysisApiController.scope(in), remote);
            case "ach" -> service.ach(analyst, AnalysisApiController.strings(in.get("hypotheses")),
                    AnalysisApiController.scope(in), remote);
            case "redcell" -> service.redCell(analyst, text(in, "text"), AnalysisApiController.scope(in), remote);
            case "compare" -> service.compare(analyst, text(in, "documentA"), text(in, "documentB"), remote);
            case "pir" -> service.pir(analyst, text(in, "topic"), AnalysisApiController.strings(in.get("requirements")),
                    in.path("ltiovHours").asInt(72), AnalysisApiController.scope(in), remote);
            default -> throw new AnalysisException(404, "no analysis workflow '" + workflow + "'; available: "
                    + WORKFLOWS);
        };
    }

    static String text(JsonNode in, String field) {
        JsonNode n = in.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}

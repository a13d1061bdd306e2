package io.sextant.appliance.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What a model's constrained output must satisfy before it replaces a heuristic result. */
class StructuredVerdictsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_schemas_are_json_and_verdicts_validate_against_the_passages_offered() throws Exception {
        assertThat(JSON.readTree(ReportEvaluator.SCHEMA).get("required").toString()).contains("verdict");
        assertThat(JSON.readTree(Ach.schema(3)).get("required")).hasSize(3);
        assertThat(JSON.readTree(PirSupport.SCHEMA).get("properties").has("status")).isTrue();

        assertThat(ReportEvaluator.validate(JSON.readTree("{\"verdict\":\"supported\",\"citations\":[2]}"), 3))
                .isNull();
        assertThat(ReportEvaluator.validate(JSON.readTree("{\"verdict\":\"not_found\",\"citations\":[]}"), 3))
                .isNull();
        assertThat(ReportEvaluator.validate(JSON.readTree("{\"verdict\":\"supported\",\"citations\":[]}"), 3))
                .contains("cites no passage");
        assertThat(ReportEvaluator.validate(JSON.readTree("{\"verdict\":\"supported\",\"citations\":[4]}"), 3))
                .contains("not a passage 1..3");
        assertThat(ReportEvaluator.validate(JSON.readTree("{\"verdict\":\"true\",\"citations\":[1]}"), 3))
                .contains("verdict");

        assertThat(Ach.validate(JSON.readTree("{\"e1\":\"consistent\",\"e2\":\"not_applicable\"}"), 2)).isNull();
        assertThat(Ach.validate(JSON.readTree("{\"e1\":\"consistent\"}"), 2)).contains("e2");
        assertThat(Ach.validate(JSON.readTree("{\"e1\":\"yes\",\"e2\":\"consistent\"}"), 2)).contains("e1");

        assertThat(PirSupport.validate(JSON.readTree("{\"status\":\"answered\",\"citations\":[1]}"), 1)).isNull();
        assertThat(PirSupport.validate(JSON.readTree("{\"status\":\"answered\",\"citations\":[]}"), 1))
                .contains("cites no passage");
    }
}

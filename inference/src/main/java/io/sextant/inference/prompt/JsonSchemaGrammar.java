package io.sextant.inference.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.inference.InvalidRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converts the JSON Schema subset Sextant's workflows use into a GBNF grammar, for llama.cpp builds whose binding has
 * no schema converter (java-llama.cpp 3.4.1). Supported: objects (required properties, in declared order; optional
 * ones are left out, which still validates), strings (min/maxLength), enums and consts, integers (exact alternation for
 * ranges up to 1,000 values, else sign-aware digit runs), numbers, booleans, null and arrays (items, min/maxItems).
 */
public final class JsonSchemaGrammar {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMON = """
            ws ::= [ \\t\\n]{0,2}
            char ::= [^"\\\\\\x7F\\x00-\\x1F] | "\\\\" (["\\\\/bfnrt] | "u" [0-9a-fA-F]{4})
            string ::= "\\"" char{0,64} "\\""
            integer ::= "-"? ([0-9] | [1-9] [0-9]{0,15})
            number ::= integer ("." [0-9]{1,16})? ([eE] [-+]? [0-9]{1,3})?
            boolean ::= "true" | "false"
            """;

    private final Map<String, String> rules = new LinkedHashMap<>();

    private JsonSchemaGrammar() {
    }

    /**
     * Converts a schema.
     *
     * @param schemaJson the schema as JSON text
     * @return a GBNF grammar whose {@code root} rule accepts JSON valid under the schema
     * @throws InvalidRequestException when the schema does not parse or uses an unsupported construct
     */
    public static String toGbnf(String schemaJson) {
        JsonNode schema;
        try {
            schema = JSON.readTree(schemaJson);
        } catch (IOException e) {
            throw new InvalidRequestException("the JSON schema does not parse: " + e.getMessage(), e);
        }
        JsonSchemaGrammar g = new JsonSchemaGrammar();
        String root = g.rule(schema, "root");
        StringBuilder b = new StringBuilder("root ::= ").append(root).append('\n');
        g.rules.forEach((name, body) -> b.append(name).append(" ::= ").append(body).append('\n'));
        return b.append(COMMON).toString();
    }

    private String rule(JsonNode s, String name) {
        if (s.has("const")) {
            return literal(s.get("const"));
        }
        if (s.has("enum")) {
            List<String> alts = new ArrayList<>();
            s.get("enum").forEach(v -> alts.add(literal(v)));
            return "(" + String.join(" | ", alts) + ")";
        }
        String type = s.path("type").asText("object");
        return switch (type) {
            case "object" -> object(s, name);
            case "string" -> string(s);
            case "integer" -> integer(s);
            case "number" -> "number";
            case "boolean" -> "boolean";
            case "null" -> "\"null\"";
            case "array" -> array(s, name);
            default -> throw new InvalidRequestException("JSON schema type '" + type + "' is not supported");
        };
    }

    private String object(JsonNode s, String name) {
        Set<String> required = new TreeSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        List<String> parts = new ArrayList<>();
        var fields = s.path("properties").properties();
        for (Map.Entry<String, JsonNode> e : fields) {
            if (required.contains(e.getKey())) {
                String sub = name + "-" + e.getKey().replaceAll("[^A-Za-z0-9]", "");
                rules.put(sub, rule(e.getValue(), sub));
                parts.add(literal(JSON.getNodeFactory().textNode(e.getKey())) + " ws \":\" ws " + sub);
            }
        }
        return "\"{\" ws " + String.join(" ws \",\" ws ", parts) + (parts.isEmpty() ? "" : " ws") + " \"}\"";
    }

    private static String string(JsonNode s) {
        int min = s.path("minLength").asInt(0);
        int max = s.path("maxLength").asInt(64);
        if (min < 0 || max < min) {
            throw new InvalidRequestException("bad string length bounds " + min + ".." + max);
        }
        return "\"\\\"\" char{" + min + "," + max + "} \"\\\"\"";
    }

    private static String integer(JsonNode s) {
        if (s.has("minimum") && s.has("maximum")) {
            long lo = s.get("minimum").asLong();
            long hi = s.get("maximum").asLong();
            if (hi >= lo && hi - lo <= 1000) {
                List<String> alts = new ArrayList<>();
                for (long v = hi; v >= lo; v--) {
                    alts.add("\"" + v + "\"");
                }
                return "(" + String.join(" | ", alts) + ")";
            }
        }
        return s.path("minimum").asLong(-1) >= 0 ? "([0-9] | [1-9] [0-9]{0,15})" : "integer";
    }

    private String array(JsonNode s, String name) {
        String item = name + "-item";
        rules.put(item, rule(s.path("items"), item));
        int min = s.path("minItems").asInt(0);
        int max = s.path("maxItems").asInt(16);
        if (max == 0) {
            return "\"[\" ws \"]\"";
        }
        String more = "(ws \",\" ws " + item + "){" + Math.max(0, min - 1) + "," + (max - 1) + "}";
        String body = item + " " + more;
        return "\"[\" ws " + (min == 0 ? "(" + body + ")?" : body) + " ws \"]\"";
    }

    private static String literal(JsonNode value) {
        String json = value.toString();
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

package io.sextant.inference;

import java.util.Objects;

/**
 * What shape the output must have. Local engines compile it to a llama.cpp grammar; remote engines pass it on in the
 * OpenAI {@code response_format}/{@code grammar} fields.
 */
public sealed interface OutputConstraint {

    /** Free text. */
    record None() implements OutputConstraint {
    }

    /**
     * Output that parses as JSON and validates against a JSON Schema.
     *
     * @param schemaJson the schema, as JSON text
     */
    record JsonSchema(String schemaJson) implements OutputConstraint {
        /**
         * Validates the schema text.
         *
         * @throws IllegalArgumentException when the schema is blank
         */
        public JsonSchema {
            Objects.requireNonNull(schemaJson, "schemaJson");
            if (schemaJson.isBlank()) {
                throw new IllegalArgumentException("JSON schema is blank");
            }
        }
    }

    /**
     * Output accepted by a GBNF grammar (llama.cpp's grammar format).
     *
     * @param gbnf the grammar with a {@code root} rule
     */
    record Grammar(String gbnf) implements OutputConstraint {
        /**
         * Validates the grammar text.
         *
         * @throws IllegalArgumentException when the grammar has no root rule
         */
        public Grammar {
            Objects.requireNonNull(gbnf, "gbnf");
            if (!gbnf.contains("root")) {
                throw new IllegalArgumentException("GBNF grammar has no 'root' rule");
            }
        }
    }

    /** The unconstrained instance. */
    OutputConstraint NONE = new None();
}

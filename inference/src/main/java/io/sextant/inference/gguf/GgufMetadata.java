package io.sextant.inference.gguf;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a GGUF file's header says about the model, read without loading any weights. Scalar and string values are kept
 * as Java objects ({@code Long}, {@code Double}, {@code Boolean}, {@code String}); arrays (the tokenizer's vocabulary)
 * are summarised by their length so that reading the header of a 150k-token vocabulary stays cheap.
 *
 * @param version the GGUF version (2 or 3)
 * @param values the key/value metadata; arrays appear as {@link ArraySummary}
 * @param tensors the tensor directory
 * @param dataOffset where the data section starts in the file
 * @param fileSize the file's size in bytes
 */
public record GgufMetadata(int version, Map<String, Object> values, List<GgufTensor> tensors, long dataOffset,
        long fileSize) {

    /**
     * An array value's element type and length.
     *
     * @param elementType the GGUF value type id of the elements
     * @param length the element count
     */
    public record ArraySummary(int elementType, long length) {
    }

    /** Copies the collections. */
    public GgufMetadata {
        values = Map.copyOf(values);
        tensors = List.copyOf(tensors);
    }

    /**
     * A string value.
     *
     * @param key the key
     * @return the value when present and a string
     */
    public Optional<String> string(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /**
     * An integer value.
     *
     * @param key the key
     * @return the value when present and integral
     */
    public Optional<Long> integer(String key) {
        return values.get(key) instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    /**
     * The model architecture ({@code general.architecture}), e.g. "llama", "qwen2", "gemma2".
     *
     * @return the architecture, or "unknown"
     */
    public String architecture() {
        return string("general.architecture").orElse("unknown");
    }

    /**
     * The model name ({@code general.name}).
     *
     * @return the name when the file states one
     */
    public Optional<String> name() {
        return string("general.name");
    }

    /**
     * The context length the model was trained for ({@code <arch>.context_length}).
     *
     * @return tokens, or 0 when not stated
     */
    public int contextLength() {
        return integer(architecture() + ".context_length").map(Long::intValue).orElse(0);
    }

    /**
     * The number of transformer blocks ({@code <arch>.block_count}).
     *
     * @return the block count, or 0 when not stated
     */
    public int blockCount() {
        return integer(architecture() + ".block_count").map(Long::intValue).orElse(0);
    }

    /**
     * The Jinja chat template ({@code tokenizer.chat_template}).
     *
     * @return the template when the file has one
     */
    public Optional<String> chatTemplate() {
        return string("tokenizer.chat_template");
    }

    /**
     * The quantization: {@code general.file_type} by name, else the commonest tensor type.
     *
     * @return e.g. "Q8_0", "Q4_K_M", "F16"
     */
    public String quantization() {
        Optional<Long> ft = integer("general.file_type");
        if (ft.isPresent()) {
            return FileTypes.name(ft.get().intValue());
        }
        return tensors.stream()
                .filter(t -> t.dims().size() > 1)
                .collect(java.util.stream.Collectors.groupingBy(t -> t.type().label(),
                        java.util.stream.Collectors.summingLong(GgufTensor::elements)))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("unknown");
    }

    /**
     * The parameter count: the sum of all tensors' elements.
     *
     * @return parameters
     */
    public long parameterCount() {
        return tensors.stream().mapToLong(GgufTensor::elements).sum();
    }
}

package io.sextant.inference.gguf;

/**
 * The ggml tensor element types GGUF files use, with their block geometry, so the reader can check that every tensor's
 * data lies inside the file and count parameters.
 *
 * @param id the numeric type id in the file
 * @param label the ggml name
 * @param blockSize elements per block
 * @param blockBytes bytes per block
 */
public record GgmlType(int id, String label, int blockSize, int blockBytes) {

    private static final GgmlType[] KNOWN = {
        new GgmlType(0, "F32", 1, 4), new GgmlType(1, "F16", 1, 2),
        new GgmlType(2, "Q4_0", 32, 18), new GgmlType(3, "Q4_1", 32, 20),
        new GgmlType(6, "Q5_0", 32, 22), new GgmlType(7, "Q5_1", 32, 24),
        new GgmlType(8, "Q8_0", 32, 34), new GgmlType(9, "Q8_1", 32, 36),
        new GgmlType(10, "Q2_K", 256, 84), new GgmlType(11, "Q3_K", 256, 110),
        new GgmlType(12, "Q4_K", 256, 144), new GgmlType(13, "Q5_K", 256, 176),
        new GgmlType(14, "Q6_K", 256, 210), new GgmlType(15, "Q8_K", 256, 292),
        new GgmlType(16, "IQ2_XXS", 256, 66), new GgmlType(17, "IQ2_XS", 256, 74),
        new GgmlType(18, "IQ3_XXS", 256, 98), new GgmlType(19, "IQ1_S", 256, 50),
        new GgmlType(20, "IQ4_NL", 32, 18), new GgmlType(21, "IQ3_S", 256, 110),
        new GgmlType(22, "IQ2_S", 256, 82), new GgmlType(23, "IQ4_XS", 256, 136),
        new GgmlType(24, "I8", 1, 1), new GgmlType(25, "I16", 1, 2),
        new GgmlType(26, "I32", 1, 4), new GgmlType(27, "I64", 1, 8),
        new GgmlType(28, "F64", 1, 8), new GgmlType(29, "IQ1_M", 256, 56),
        new GgmlType(30, "BF16", 1, 2), new GgmlType(34, "TQ1_0", 256, 54),
        new GgmlType(35, "TQ2_0", 256, 66),
    };

    /** 32-bit floats. */
    public static final GgmlType F32 = KNOWN[0];
    /** 16-bit floats. */
    public static final GgmlType F16 = KNOWN[1];
    /** 8-bit blocks of 32 with an F16 scale. */
    public static final GgmlType Q8_0 = KNOWN[6];

    /**
     * Looks a type up by id.
     *
     * @param id the id in the file
     * @return the type, or null when unknown
     */
    public static GgmlType byId(int id) {
        for (GgmlType t : KNOWN) {
            if (t.id == id) {
                return t;
            }
        }
        return null;
    }

    /**
     * Bytes a tensor of this type with {@code elements} elements takes.
     *
     * @param elements the element count, a multiple of the block size
     * @return the byte count
     */
    public long bytesFor(long elements) {
        return Math.multiplyExact(elements / blockSize, (long) blockBytes);
    }
}

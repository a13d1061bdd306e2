package io.sextant.inference.gguf;

/** Names of llama.cpp's {@code general.file_type} values (the "mostly Q4_K_M" style quantization label). */
final class FileTypes {

    private static final String[] NAMES = {
        "F32", "F16", "Q4_0", "Q4_1", "Q4_1_SOME_F16", "Q4_2", "Q4_3", "Q8_0", "Q5_0", "Q5_1", "Q2_K", "Q3_K_S",
        "Q3_K_M", "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M", "Q6_K", "IQ2_XXS", "IQ2_XS", "Q2_K_S", "IQ3_XS",
        "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S", "IQ3_M", "IQ2_S", "IQ2_M", "IQ4_XS", "IQ1_M", "BF16", "Q4_0_4_4",
        "Q4_0_4_8", "Q4_0_8_8", "TQ1_0", "TQ2_0",
    };

    private FileTypes() {
    }

    /**
     * The label of a file type.
     *
     * @param fileType the {@code general.file_type} value
     * @return its label, or "file_type N" when unknown
     */
    static String name(int fileType) {
        return fileType >= 0 && fileType < NAMES.length ? NAMES[fileType] : "file_type " + fileType;
    }
}

package io.sextant.inference.registry;

import java.util.Objects;

/**
 * What the registry knows about one model; stored as {@code models/<name>/manifest.json} beside {@code model.gguf}.
 *
 * @param name the registry name (lower-case letters, digits, '.', '_' and '-')
 * @param file the model file's name inside the model's directory
 * @param sha256 the file's SHA-256, hex
 * @param sizeBytes the file's size
 * @param architecture {@code general.architecture}
 * @param contextLength the trained context length
 * @param quantization e.g. "Q8_0"
 * @param parameterCount parameters
 * @param chatTemplate the chat-template family Sextant will render
 * @param signature "unsigned", or the algorithm that verified it (e.g. "Ed25519")
 * @param signingKey the verifying key's SHA-256 fingerprint, or "" when unsigned
 * @param importedAt when it was imported (ISO-8601 instant)
 * @param importedFrom the path it was imported from
 */
public record ModelManifest(String name, String file, String sha256, long sizeBytes, String architecture,
        int contextLength, String quantization, long parameterCount, String chatTemplate, String signature,
        String signingKey, String importedAt, String importedFrom) {

    /** Checks the required fields. */
    public ModelManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Whether a site key verified the model's signature.
     *
     * @return true when signed and verified
     */
    public boolean signed() {
        return !signature.equals("unsigned");
    }
}

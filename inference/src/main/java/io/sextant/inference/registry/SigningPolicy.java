package io.sextant.inference.registry;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether model files must be signed, and with which key. A site turns signing on by placing its model-signing public
 * key (PEM, Ed25519 or ECDSA P-384) at {@code <data-dir>/config/model-signing.pub}, and makes it mandatory with an
 * empty marker file {@code <data-dir>/config/model-signing-required}.
 *
 * @param publicKey the PEM public key file, or null when the site configured none
 * @param required whether unsigned models are refused
 */
public record SigningPolicy(Path publicKey, boolean required) {

    /** The key's file name under {@code config/}. */
    public static final String KEY_FILE = "model-signing.pub";
    /** The marker's file name under {@code config/}. */
    public static final String REQUIRED_MARKER = "model-signing-required";

    /**
     * The policy a data directory configures.
     *
     * @param dataDir the data directory
     * @return the policy
     */
    public static SigningPolicy fromDataDir(Path dataDir) {
        Path config = dataDir.resolve("config");
        Path key = config.resolve(KEY_FILE);
        return new SigningPolicy(Files.isRegularFile(key) ? key : null,
                Files.exists(config.resolve(REQUIRED_MARKER)));
    }

    /**
     * A copy using another key file (the CLI's {@code --signing-key}).
     *
     * @param key the PEM public key
     * @return the copy
     */
    public SigningPolicy withKey(Path key) {
        return new SigningPolicy(key, required);
    }
}

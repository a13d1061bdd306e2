package io.sextant.inference.registry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Site signing keys made with the JDK's own providers, so verification by Bouncy Castle is checked independently. */
final class SigningKeys {

    private SigningKeys() {
    }

    static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static Path writePublicPem(KeyPair kp, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(kp.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    /** Signs a model the way docs/inference.md tells a site to: over the raw SHA-256 digest of the file. */
    static byte[] sign(KeyPair kp, Path model) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model));
        Signature s = Signature.getInstance(switch (kp.getPrivate().getAlgorithm()) {
            case "EC" -> "SHA384withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> kp.getPrivate().getAlgorithm();
        });
        s.initSign(kp.getPrivate());
        s.update(digest);
        return s.sign();
    }
}

package io.sextant.inference.registry;

import io.sextant.inference.ModelRegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Verifies a model's detached signature with Bouncy Castle. What is signed is the model file's 32-byte SHA-256 digest
 * (raw bytes), so signing and verifying a multi-gigabyte file needs no second pass and no buffering: Ed25519 signs the
 * digest directly, ECDSA P-384 signs it with SHA-384 (DER-encoded signature, as {@code openssl dgst -sha384 -sign}
 * writes). Signature files may be raw or Base64.
 */
public final class SignatureVerifier {

    /** RFC 8410's object identifier for Ed25519 keys. */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private final AsymmetricKeyParameter key;
    private final String algorithm;
    private final String fingerprint;

    private SignatureVerifier(AsymmetricKeyParameter key, String algorithm, String fingerprint) {
        this.key = key;
        this.algorithm = algorithm;
        this.fingerprint = fingerprint;
    }

    /**
     * Loads a PEM public key.
     *
     * @param pem the {@code -----BEGIN PUBLIC KEY-----} file
     * @return a verifier
     * @throws ModelRegistryException when the file is unreadable or the key is neither Ed25519 nor ECDSA P-384
     */
    public static SignatureVerifier load(Path pem) {
        byte[] der;
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII);
            int begin = text.indexOf("-----BEGIN PUBLIC KEY-----");
            int end = text.indexOf("-----END PUBLIC KEY-----");
            if (begin < 0 || end < begin) {
                throw new ModelRegistryException("the model-signing key " + pem
                        + " is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
            }
            der = Base64.getMimeDecoder().decode(text.substring(begin + 26, end));
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelRegistryException("cannot read the model-signing key " + pem + ": " + e.getMessage(), e);
        }
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw new ModelRegistryException("the model-signing key " + pem + " does not parse", e);
        }
        ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
        String name;
        if (alg.equals(ID_ED25519)) {
            name = "Ed25519";
        } else if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)
                && SECObjectIdentifiers.secp384r1.equals(spki.getAlgorithm().getParameters())) {
            name = "ECDSA P-384";
        } else {
            throw new ModelRegistryException("the model-signing key " + pem + " has the wrong type (" + describe(spki)
                    + "); Sextant accepts Ed25519 or ECDSA P-384 keys only");
        }
        try {
            return new SignatureVerifier(PublicKeyFactory.createKey(spki), name, sha256Hex(der));
        } catch (IOException | RuntimeException e) {
            throw new ModelRegistryException("the model-signing key " + pem + " is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a signature over a model's SHA-256 digest.
     *
     * @param sha256 the model file's digest (32 bytes)
     * @param signatureFile the detached signature, raw or Base64
     * @throws ModelRegistryException when the signature does not verify
     */
    public void verify(byte[] sha256, Path signatureFile) {
        byte[] sig = readSignature(signatureFile);
        Signer signer = algorithm.equals("Ed25519") ? new Ed25519Signer()
                : new DSADigestSigner(new ECDSASigner(), new SHA384Digest());
        boolean ok;
        try {
            signer.init(false, key);
            signer.update(sha256, 0, sha256.length);
            ok = signer.verifySignature(sig);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw new ModelRegistryException("the signature " + signatureFile.getFileName() + " does not verify with"
                    + " the site's " + algorithm + " model-signing key " + fingerprint.substring(0, 16)
                    + "...: the model was altered or signed with another key");
        }
    }

    /**
     * The key's algorithm.
     *
     * @return "Ed25519" or "ECDSA P-384"
     */
    public String algorithm() {
        return algorithm;
    }

    /**
     * The SHA-256 of the key's DER encoding, hex.
     *
     * @return the fingerprint
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static byte[] readSignature(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelRegistryException("cannot read the signature " + file + ": " + e.getMessage(), e);
        }
        if (raw.length > 4096) {
            throw new ModelRegistryException("the signature " + file + " is " + raw.length + " bytes; too big");
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1).strip();
        if (!text.isEmpty() && text.matches("[A-Za-z0-9+/=\\s]+")) {
            try {
                return Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return raw;
            }
        }
        return raw;
    }

    private static String describe(SubjectPublicKeyInfo spki) {
        ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
        if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC on curve " + spki.getAlgorithm().getParameters();
        }
        return alg.equals(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption) ? "RSA" : "OID " + alg;
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

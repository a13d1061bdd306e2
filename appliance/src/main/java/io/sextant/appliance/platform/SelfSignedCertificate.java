package io.sextant.appliance.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The appliance's own TLS identity when the site supplies none: at first start an ECDSA P-256 key and a self-signed
 * certificate for {@code localhost}, the host name and the loopback addresses, in a PKCS#12 keystore under
 * {@code <data-dir>/tls/} whose random password is stored owner-only beside it. The certificate is also written as
 * PEM so administrators can hand it to clients to trust.
 */
public final class SelfSignedCertificate {

    /** Keystore file name. */
    public static final String KEYSTORE = "sextant.p12";
    /** Password file name. */
    public static final String PASSWORD = "sextant.p12.password";
    /** PEM certificate file name. */
    public static final String CERTIFICATE = "sextant.crt";
    static final String ALIAS = "sextant";
    private static final Duration VALIDITY = Duration.ofDays(825);

    private SelfSignedCertificate() {
    }

    /**
     * A keystore ready for the server.
     *
     * @param path the PKCS#12 file
     * @param password its password
     */
    public record Keystore(Path path, String password) {
    }

    /**
     * Returns the data directory's keystore, creating it on first use.
     *
     * @param dataDir the data directory
     * @return the keystore
     */
    public static Keystore ensure(DataDir dataDir) {
        Path dir = dataDir.ensure(dataDir.tls());
        Path store = dir.resolve(KEYSTORE);
        Path pwFile = dir.resolve(PASSWORD);
        try {
            if (Files.exists(store) && Files.exists(pwFile)) {
                return new Keystore(store, Files.readString(pwFile, StandardCharsets.US_ASCII).strip());
            }
            byte[] raw = new byte[24];
            new SecureRandom().nextBytes(raw);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = kpg.generateKeyPair();
            X509Certificate cert = certificate(pair, hostNames());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new X509Certificate[] {cert});
            Files.deleteIfExists(pwFile);
            DataDir.writeSecret(pwFile, password.getBytes(StandardCharsets.US_ASCII));
            Path tmp = dir.resolve(KEYSTORE + ".tmp");
            Files.deleteIfExists(tmp);
            DataDir.writeSecret(tmp, new byte[0]);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, password.toCharArray());
            }
            Files.move(tmp, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Files.writeString(dir.resolve(CERTIFICATE), pem, StandardCharsets.US_ASCII);
            return new Keystore(store, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the TLS keystore in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the self-signed certificate", e);
        }
    }

    static Set<String> hostNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        try {
            String host = InetAddress.getLocalHost().getHostName();
            if (host != null && !host.isBlank()) {
                names.add(host);
            }
            String canonical = InetAddress.getLocalHost().getCanonicalHostName();
            if (canonical != null && !canonical.isBlank() && !Character.isDigit(canonical.charAt(0))) {
                names.add(canonical);
            }
        } catch (UnknownHostException e) {
            // only localhost then; a site keystore covers real names
        }
        return names;
    }

    private static X509Certificate certificate(KeyPair pair, Set<String> names)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + names.stream().skip(names.size() > 1 ? 1 : 0).findFirst()
                .orElse("localhost") + ",O=Sextant appliance (self-signed)");
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(1, serial),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        List<GeneralName> san = new ArrayList<>();
        for (String n : names) {
            san.add(new GeneralName(GeneralName.dNSName, n));
        }
        san.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        san.add(new GeneralName(GeneralName.iPAddress, "::1"));
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san.toArray(GeneralName[]::new)));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }
}

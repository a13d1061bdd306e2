package io.sextant.appliance.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Prepares the TLS server for client certificates: reads the site's CA bundle (PEM, one or more CA certificates) and
 * writes it as a PKCS#12 trust store under the data directory's {@code tls/}, returning the Micronaut settings that
 * make Netty ask for (want) or require (need) a certificate issued by one of those CAs.
 */
public final class ClientCaTrust {

    /** The CA bundle's default place under the data directory's {@code tls/}. */
    public static final String DEFAULT_BUNDLE = "client-ca.pem";
    /** The trust store written from it. */
    public static final String TRUST_STORE = "client-ca.p12";

    private ClientCaTrust() {
    }

    /**
     * @param mode the client-auth mode
     * @param tlsDir the data directory's {@code tls/} folder
     * @param bundle the configured CA bundle path, or null for {@code tls/client-ca.pem}
     * @return Micronaut server properties (empty for {@link ClientAuth#NONE})
     * @throws IllegalStateException when client certificates are asked for but the bundle is missing or holds no
     *     certificate
     */
    public static Map<String, Object> serverProperties(ClientAuth mode, Path tlsDir, String bundle) {
        Map<String, Object> props = new HashMap<>();
        if (mode == ClientAuth.NONE) {
            return props;
        }
        Path pem = bundle == null || bundle.isBlank() ? tlsDir.resolve(DEFAULT_BUNDLE) : Path.of(bundle.strip());
        if (!Files.isRegularFile(pem)) {
            throw new IllegalStateException("sextant.tls.client-auth is " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + " but the client CA bundle " + pem + " does not exist (set sextant.tls.client-ca)");
        }
        try {
            Collection<? extends Certificate> cas;
            try (InputStream in = Files.newInputStream(pem)) {
                cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (cas.isEmpty()) {
                throw new IllegalStateException("the client CA bundle " + pem + " holds no certificate");
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate c : cas) {
                trust.setCertificateEntry("client-ca-" + i++, (X509Certificate) c);
            }
            byte[] pw = new byte[16];
            new SecureRandom().nextBytes(pw);
            String password = HexFormat.of().formatHex(pw);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            trust.store(out, password.toCharArray());
            Files.createDirectories(tlsDir);
            Path tmp = Files.createTempFile(tlsDir, TRUST_STORE, ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.write(tmp, out.toByteArray());
            Path store = tlsDir.resolve(TRUST_STORE);
            Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            props.put("micronaut.server.ssl.client-authentication", mode.name());
            props.put("micronaut.server.ssl.trust-store.path", "file:" + store);
            props.put("micronaut.server.ssl.trust-store.password", password);
            props.put("micronaut.server.ssl.trust-store.type", "PKCS12");
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the client CA bundle " + pem, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("the client CA bundle " + pem + " is not a PEM bundle of X.509 "
                    + "certificates: " + e.getMessage(), e);
        }
    }
}

package io.sextant.inference.remote;

import io.sextant.inference.EngineUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds a TLS context that trusts exactly the certificates in a site's PEM CA bundle (and nothing else). */
final class PemTrust {

    private PemTrust() {
    }

    /**
     * A TLS context trusting a PEM bundle.
     *
     * @param pem a file of one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @return the context
     * @throws EngineUnavailableException when the file cannot be read or holds no certificate
     */
    static SSLContext sslContext(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new EngineUnavailableException("the CA bundle " + pem + " holds no certificate");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("site-ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new EngineUnavailableException("cannot use the CA bundle " + pem + ": " + e.getMessage(), e);
        }
    }
}

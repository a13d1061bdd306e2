package io.sextant.inference.remote;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A site CA and a server certificate it signed, minted per test run with Bouncy Castle. */
final class TestTls {

    final SSLContext serverContext;
    final X509Certificate caCertificate;

    TestTls() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        KeyPair ca = gen.generateKeyPair();
        KeyPair server = gen.generateKeyPair();
        Date from = new Date(System.currentTimeMillis() - 60_000);
        Date to = new Date(System.currentTimeMillis() + 3_600_000);
        X500Name caName = new X500Name("CN=Sextant Test Site CA");
        caCertificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName, ca.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
        X509Certificate leaf = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to, new X500Name("CN=127.0.0.1"),
                        server.getPublic())
                        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")}))
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", server.getPrivate(), new char[0], new X509Certificate[] {leaf, caCertificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
    }

    Path writeCaPem(Path file) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(caCertificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(file, pem);
    }
}

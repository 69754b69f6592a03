package org.readroom.server.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
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
 * The exam server's own certificate authority, made on first start in {@code DATA/tls/}: an EC P-256 CA that kiosks
 * and consoles pin at enrolment, and a server certificate for this machine's names, re-issued at every start so a
 * changed address is covered. Private keys are written owner-only and never logged.
 */
public final class LocalCertificateAuthority {

    /** The files the HTTPS server uses, and the CA's fingerprint to read out to whoever enrols a kiosk. */
    public record TlsFiles(Path caCertificate, Path serverCertificate, Path serverKey, String caFingerprint) {}

    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration SERVER_LIFETIME = Duration.ofDays(825);
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalCertificateAuthority() {}

    /** Loads the CA (creating it the first time) and issues a fresh server certificate for the given names. */
    public static TlsFiles ensure(Path dataDir, List<String> extraNames) throws IOException, GeneralSecurityException {
        Path dir = dataDir.resolve("tls");
        Files.createDirectories(dir);
        Path caCert = dir.resolve("ca.crt");
        Path caKey = dir.resolve("ca.key");
        X509Certificate ca;
        PrivateKey caPrivate;
        if (Files.exists(caCert) && Files.exists(caKey)) {
            ca = readCertificate(caCert);
            caPrivate = readKey(caKey);
        } else {
            KeyPair pair = newKeyPair();
            ca = issue(
                    new X500Name("CN=ReadRoom exam server CA " + host()),
                    pair,
                    null,
                    pair.getPrivate(),
                    true,
                    List.of(),
                    CA_LIFETIME);
            caPrivate = pair.getPrivate();
            writeKey(caKey, caPrivate);
            writePem(caCert, "CERTIFICATE", ca.getEncoded());
        }
        KeyPair server = newKeyPair();
        X509Certificate leaf =
                issue(new X500Name("CN=" + host()), server, ca, caPrivate, false, names(extraNames), SERVER_LIFETIME);
        Path serverCert = dir.resolve("server.crt");
        Path serverKey = dir.resolve("server.key");
        writeKey(serverKey, server.getPrivate());
        // The chain file carries the CA too, so a kiosk enrolling can compare the CA's fingerprint.
        writePem(serverCert, "CERTIFICATE", leaf.getEncoded());
        Files.writeString(serverCert, Files.readString(caCert), java.nio.file.StandardOpenOption.APPEND);
        return new TlsFiles(caCert, serverCert, serverKey, fingerprint(ca));
    }

    /** SHA-256 of the certificate's DER encoding, as colon-separated upper-case hex (what clients compare). */
    public static String fingerprint(X509Certificate certificate) {
        return org.readroom.core.protocol.PinnedTrust.fingerprint(certificate);
    }

    private static List<GeneralName> names(List<String> extra) {
        Set<String> dns = new LinkedHashSet<>(List.of("localhost"));
        Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
        try {
            InetAddress local = InetAddress.getLocalHost();
            dns.add(local.getHostName());
            ips.add(local.getHostAddress());
        } catch (IOException ignored) {
            // No resolvable host name: loopback and the names given still work.
        }
        try {
            for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                    if (!address.isLinkLocalAddress()) {
                        ips.add(address.getHostAddress().replaceAll("%.*$", ""));
                    }
                }
            }
        } catch (IOException ignored) {
            // Interfaces cannot be listed: loopback and the names given still work.
        }
        for (String name : extra) {
            if (name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                ips.add(name);
            } else if (!name.isBlank()) {
                dns.add(name);
            }
        }
        List<GeneralName> names = new ArrayList<>();
        dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return names;
    }

    private static X509Certificate issue(
            X500Name subject,
            KeyPair subjectKeys,
            X509Certificate issuer,
            PrivateKey issuerKey,
            boolean isCa,
            List<GeneralName> names,
            Duration lifetime)
            throws GeneralSecurityException, IOException {
        Instant now = Instant.now();
        X500Name issuerName = issuer == null
                ? subject
                : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuerName,
                new BigInteger(96, RANDOM),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(lifetime)),
                subject,
                subjectKeys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        builder.addExtension(
                Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        if (isCa) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(
                    Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        }
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign a certificate: " + e.getMessage(), e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void writeKey(Path file, PrivateKey key) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        writePem(file, "PRIVATE KEY", key.getEncoded());
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}

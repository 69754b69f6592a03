package org.readroom.core.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust in exactly one certificate authority: the exam server's own, pinned at enrolment. Connections to anything
 * else fail; there is no fallback to the system's CAs.
 */
public final class PinnedTrust {

    private final X509Certificate ca;
    private final SSLContext context;

    private PinnedTrust(X509Certificate ca) throws GeneralSecurityException, IOException {
        this.ca = ca;
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("readroom-ca", ca);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
    }

    /** Trust the CA certificate in this PEM or DER file. */
    public static PinnedTrust fromFile(Path caCertificate) throws IOException {
        try {
            return new PinnedTrust(parse(Files.readAllBytes(caCertificate)));
        } catch (GeneralSecurityException e) {
            throw new IOException(caCertificate + " is not a CA certificate: " + e.getMessage(), e);
        }
    }

    public static PinnedTrust of(X509Certificate ca) throws IOException {
        try {
            return new PinnedTrust(ca);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust " + ca.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    /**
     * First contact with a server (enrolment): reads the CA certificate the server presents and accepts it only when
     * its SHA-256 fingerprint is the one the administrator read out.
     */
    public static PinnedTrust enrol(URI server, String expectedFingerprint) throws IOException {
        X509Certificate[] chain = presentedChain(server);
        X509Certificate root = chain[chain.length - 1];
        String actual = fingerprint(root);
        if (!normalize(actual).equals(normalize(expectedFingerprint))) {
            throw new IOException("the server at " + server.getHost() + " presents CA fingerprint " + actual
                    + ", not the expected " + expectedFingerprint + ": refusing to connect");
        }
        return of(root);
    }

    public SSLContext sslContext() {
        return context;
    }

    public X509Certificate certificate() {
        return ca;
    }

    public String fingerprint() {
        return fingerprint(ca);
    }

    /** Writes the pinned CA as PEM, so the next start trusts it without asking again. */
    public void save(Path file) throws IOException {
        try {
            String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(ca.getEncoded());
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException("cannot encode the pinned CA", e);
        }
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            StringBuilder out = new StringBuilder();
            for (byte b : digest) {
                out.append(out.length() == 0 ? "" : ":").append(String.format("%02X", b));
            }
            return out.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 or certificate encoding missing", e);
        }
    }

    private static String normalize(String fingerprint) {
        return fingerprint == null
                ? ""
                : fingerprint.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static X509Certificate parse(byte[] bytes) throws GeneralSecurityException {
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
    }

    /** The certificates a server presents, read without trusting them (they are only compared to a fingerprint). */
    private static X509Certificate[] presentedChain(URI server) throws IOException {
        X509Certificate[][] seen = new X509Certificate[1][];
        TrustManager recorder = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no client certificates here");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain.clone();
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext probe = SSLContext.getInstance("TLS");
            probe.init(null, new TrustManager[] {recorder}, null);
            int port = server.getPort() < 0 ? 443 : server.getPort();
            try (Socket plain = new Socket(server.getHost(), port);
                    SSLSocket socket =
                            (SSLSocket) probe.getSocketFactory().createSocket(plain, server.getHost(), port, true)) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the server's certificate: " + e.getMessage(), e);
        }
        if (seen[0] == null || seen[0].length == 0) {
            throw new IOException("the server at " + server + " presented no certificate");
        }
        return seen[0];
    }
}

package org.readroom.core.protocol;

import java.net.http.HttpRequest;
import java.util.Base64;
import org.readroom.core.enrolment.KioskIdentity;

/** The headers of a kiosk-signed request (protocol v1): kiosk id, timestamp, one-time nonce, Ed25519 signature. */
public final class KioskSigning {

    public static final String KIOSK_HEADER = "X-ReadRoom-Kiosk";
    public static final String TIMESTAMP_HEADER = "X-ReadRoom-Timestamp";
    public static final String SIGNATURE_HEADER = "X-ReadRoom-Signature";
    public static final String NONCE_HEADER = "X-ReadRoom-Nonce";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private KioskSigning() {}

    static HttpRequest.Builder sign(
            HttpRequest.Builder request,
            KioskIdentity identity,
            String kioskId,
            String method,
            String pathAndQuery,
            long timestamp,
            byte[] body) {
        headers(identity, kioskId, method, pathAndQuery, timestamp, body).forEach(request::header);
        return request;
    }

    /** The four headers that sign one request, each with a fresh nonce. */
    static java.util.Map<String, String> headers(
            KioskIdentity identity, String kioskId, String method, String pathAndQuery, long timestamp, byte[] body) {
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String nonce = java.util.HexFormat.of().formatHex(nonceBytes);
        byte[] signature = identity.sign(KioskIdentity.requestToSign(method, pathAndQuery, timestamp, nonce, body));
        return java.util.Map.of(
                KIOSK_HEADER,
                kioskId,
                TIMESTAMP_HEADER,
                Long.toString(timestamp),
                NONCE_HEADER,
                nonce,
                SIGNATURE_HEADER,
                Base64.getEncoder().encodeToString(signature));
    }
}

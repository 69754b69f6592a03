package org.readroom.core.protocol;

import java.net.http.HttpRequest;
import java.util.Base64;
import org.readroom.core.enrolment.KioskIdentity;

/** The headers of a kiosk-signed request (protocol v1): kiosk id, timestamp, Ed25519 signature. */
public final class KioskSigning {

    public static final String KIOSK_HEADER = "X-ReadRoom-Kiosk";
    public static final String TIMESTAMP_HEADER = "X-ReadRoom-Timestamp";
    public static final String SIGNATURE_HEADER = "X-ReadRoom-Signature";

    private KioskSigning() {}

    static HttpRequest.Builder sign(
            HttpRequest.Builder request,
            KioskIdentity identity,
            String kioskId,
            String method,
            String path,
            long timestamp,
            byte[] body) {
        byte[] signature = identity.sign(KioskIdentity.requestToSign(method, path, timestamp, body));
        return request.header(KIOSK_HEADER, kioskId)
                .header(TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(SIGNATURE_HEADER, Base64.getEncoder().encodeToString(signature));
    }
}

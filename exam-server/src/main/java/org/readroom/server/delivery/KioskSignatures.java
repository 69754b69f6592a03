package org.readroom.server.delivery;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Base64;
import org.readroom.core.enrolment.KioskIdentity;
import org.readroom.core.enrolment.KioskIdentity.KioskPublicKeys;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.KioskSigning;
import org.readroom.server.http.Http;

/**
 * Checks that a request comes from an enrolled kiosk: its Ed25519 signature over method, path and query, timestamp,
 * nonce and body hash, a timestamp within the allowed skew, a nonce not seen before within that window (a replayed
 * request is refused), and the kiosk's standing (revoked kiosks are refused everywhere).
 */
public final class KioskSignatures {

    private static final String KIOSK = "readroom.kiosk";
    private static final long MAX_SKEW_MILLIS = 5 * 60_000;

    private final KioskRegistry registry;
    private final Clock clock;
    // Nonces seen within the skew window, by signing key and nonce, with the time after which they may be forgotten.
    private final java.util.Map<String, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();

    public KioskSignatures(KioskRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Lets the request through when it is signed by a known kiosk; {@code approvedOnly} also requires approval. */
    public Handler<RoutingContext> require(boolean approvedOnly) {
        return ctx -> {
            String kioskId = ctx.request().getHeader(KioskSigning.KIOSK_HEADER);
            if (kioskId == null || kioskId.isBlank()) {
                Http.fail(ctx, new ApiException(ErrorCode.KIOSK_SIGNATURE_INVALID, "no kiosk id"));
                return;
            }
            registry.find(kioskId)
                    .onSuccess(found -> {
                        if (found.isEmpty()) {
                            Http.fail(ctx, new ApiException(ErrorCode.KIOSK_UNKNOWN, "kiosk " + kioskId));
                        } else if (!verified(ctx, found.get().keys())) {
                            Http.fail(ctx, new ApiException(ErrorCode.KIOSK_SIGNATURE_INVALID, "kiosk " + kioskId));
                        } else if (found.get().revoked()) {
                            Http.fail(ctx, new ApiException(ErrorCode.KIOSK_REVOKED, "kiosk " + kioskId));
                        } else if (approvedOnly && !found.get().approved()) {
                            Http.fail(ctx, new ApiException(ErrorCode.KIOSK_NOT_APPROVED, "kiosk " + kioskId));
                        } else {
                            ctx.put(KIOSK, found.get());
                            ctx.next();
                        }
                    })
                    .onFailure(failure -> Http.fail(ctx, failure));
        };
    }

    public static KioskRecord kiosk(RoutingContext ctx) {
        KioskRecord kiosk = ctx.get(KIOSK);
        if (kiosk == null) {
            throw new ApiException(ErrorCode.KIOSK_SIGNATURE_INVALID, "route has no kiosk guard");
        }
        return kiosk;
    }

    /** True when the request carries a fresh signature by these keys, with a nonce not used before. */
    boolean verified(RoutingContext ctx, KioskPublicKeys keys) {
        String timestampText = ctx.request().getHeader(KioskSigning.TIMESTAMP_HEADER);
        String signatureText = ctx.request().getHeader(KioskSigning.SIGNATURE_HEADER);
        String nonce = ctx.request().getHeader(KioskSigning.NONCE_HEADER);
        if (timestampText == null || signatureText == null || nonce == null || !nonce.matches("[0-9a-f]{16,64}")) {
            return false;
        }
        try {
            long timestamp = Long.parseLong(timestampText);
            long now = clock.millis();
            if (Math.abs(now - timestamp) > MAX_SKEW_MILLIS) {
                return false;
            }
            Buffer body = ctx.body() == null ? null : ctx.body().buffer();
            byte[] message = KioskIdentity.requestToSign(
                    ctx.request().method().name(),
                    ctx.request().uri(),
                    timestamp,
                    nonce,
                    body == null ? new byte[0] : body.getBytes());
            return keys.verify(message, Base64.getDecoder().decode(signatureText))
                    && firstUse(keys.signingHex() + ":" + nonce, timestamp + MAX_SKEW_MILLIS, now);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Records a nonce; false when it was already used (a replay). Expired nonces are forgotten now and then. */
    private boolean firstUse(String key, long forgetAfter, long now) {
        if (checks.incrementAndGet() % 4096 == 0) {
            seen.values().removeIf(expiry -> expiry < now);
        }
        return seen.putIfAbsent(key, forgetAfter) == null;
    }
}

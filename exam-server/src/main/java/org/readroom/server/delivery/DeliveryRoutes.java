package org.readroom.server.delivery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.readroom.core.enrolment.KeyWrap;
import org.readroom.core.enrolment.KioskIdentity.KioskPublicKeys;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.DeliveryMessages.EnrolRequest;
import org.readroom.core.protocol.DeliveryMessages.KioskStatus;
import org.readroom.core.protocol.DeliveryMessages.PackageBuilt;
import org.readroom.core.protocol.DeliveryMessages.PackageProgress;
import org.readroom.core.protocol.DeliveryMessages.SessionStarted;
import org.readroom.core.protocol.DeliveryMessages.WrappedKey;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.auth.Principal;
import org.readroom.server.auth.Role;
import org.readroom.server.auth.Tokens;
import org.readroom.server.http.Http;
import org.readroom.server.packaging.PackageService;

/**
 * Kiosk enrolment and approval, package distribution (resumable downloads, progress), and key release at the start:
 * a kiosk that is not enrolled, not approved, revoked or not admitted gets nothing.
 */
public final class DeliveryRoutes {

    /** The longest a kiosk may park a key request. */
    static final long MAX_WAIT_MILLIS = 120_000;

    private final Vertx vertx;
    private final KioskRegistry registry;
    private final KioskSignatures signatures;
    private final KeyRelease release;
    private final PackageService packages;
    private final Path packagesDir;
    private final Tokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final String signingKeyHex;

    public DeliveryRoutes(
            Vertx vertx,
            KioskRegistry registry,
            KeyRelease release,
            PackageService packages,
            Path packagesDir,
            byte[] packageSigningKey,
            Tokens tokens,
            AuditLog audit,
            Clock clock) {
        this.vertx = vertx;
        this.registry = registry;
        this.signatures = new KioskSignatures(registry, clock);
        this.release = release;
        this.packages = packages;
        this.packagesDir = packagesDir;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.signingKeyHex = HexFormat.of().formatHex(packageSigningKey);
    }

    public void mount(Router router) {
        router.post(ApiPaths.KIOSK_ENROL).handler(this::enrol);
        router.get(ApiPaths.KIOSK_ME).handler(signatures.require(false)).handler(this::me);
        router.get(ApiPaths.KIOSK_PACKAGES).handler(signatures.require(true)).handler(this::list);
        router.get(ApiPaths.KIOSK_PACKAGES + "/:id")
                .handler(signatures.require(true))
                .handler(this::download);
        router.post(ApiPaths.KIOSK_PACKAGES + "/:id/progress")
                .handler(signatures.require(true))
                .handler(this::progress);
        router.get(ApiPaths.KIOSK_PACKAGES + "/:id/key")
                .handler(signatures.require(true))
                .handler(this::key);
        var staff = Http.requireRole(tokens, Role.ADMIN, Role.PROCTOR);
        router.get(ApiPaths.ADMIN_KIOSKS).handler(staff).handler(ctx -> Http.reply(ctx, registry.list()));
        router.post(ApiPaths.ADMIN_KIOSKS + "/:id/approve").handler(staff).handler(ctx -> decide(ctx, "APPROVED"));
        router.post(ApiPaths.ADMIN_KIOSKS + "/:id/revoke").handler(staff).handler(ctx -> decide(ctx, "REVOKED"));
        router.post(ApiPaths.BASE + "/admin/papers/:paper/package")
                .handler(Http.requireRole(tokens, Role.ADMIN))
                .handler(this::build);
        router.post(ApiPaths.PROCTOR_SESSIONS + "/:session/kiosks/:kiosk/admit")
                .handler(staff)
                .handler(this::admit);
        router.post(ApiPaths.PROCTOR_SESSIONS + "/:session/start")
                .handler(staff)
                .handler(this::start);
    }

    private void enrol(RoutingContext ctx) {
        EnrolRequest request = Http.body(ctx, EnrolRequest.class);
        KioskPublicKeys keys;
        try {
            keys = new KioskPublicKeys(
                    HexFormat.of().parseHex(request.agreementKey()),
                    HexFormat.of().parseHex(request.signingKey()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "agreementKey and signingKey must be 32-byte hex keys");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "name must be 1-100 characters");
        }
        // Possession of the signing key is proven by signing this very request with it.
        if (!signatures.verified(ctx, keys)) {
            throw new ApiException(ErrorCode.KIOSK_SIGNATURE_INVALID, "enrolment not signed by the key it names");
        }
        Http.reply(
                ctx,
                registry.enrol(request.name().strip(), keys, clock.millis())
                        .compose(k -> audit.append("kiosk:" + k.id(), "enrol", k.name() + " " + keys.pairingCode())
                                .map(v -> status(k))));
    }

    private void me(RoutingContext ctx) {
        KioskRecord kiosk = KioskSignatures.kiosk(ctx);
        Http.ok(ctx, status(kiosk));
    }

    private KioskStatus status(KioskRecord kiosk) {
        return new KioskStatus(
                kiosk.id(), kiosk.name(), kiosk.status(), kiosk.keys().pairingCode(), signingKeyHex);
    }

    private void list(RoutingContext ctx) {
        Http.reply(ctx, registry.packages());
    }

    private void decide(RoutingContext ctx, String status) {
        Principal who = Http.principal(ctx);
        String kioskId = ctx.pathParam("id");
        Http.reply(
                ctx,
                registry.decide(kioskId, status, who.name(), clock.millis()).compose(k -> audit.append(
                                "staff:" + who.name(),
                                status.toLowerCase(java.util.Locale.ROOT) + " kiosk",
                                k.id() + " " + k.keys().pairingCode())
                        .map(v -> status(k))));
    }

    private void build(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        String paperId = ctx.pathParam("paper");
        if (paperId == null || !paperId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "paper id is not valid");
        }
        Path file = packagesDir.resolve(paperId + "-" + clock.millis() + ".rrpkg");
        Http.reply(ctx, packages.build(paperId, file).compose(built -> audit.append(
                        "staff:" + who.name(),
                        "build package",
                        paperId + " " + built.manifest().packageId())
                .map(v -> new PackageBuilt(
                        built.manifest().packageId(),
                        paperId,
                        built.size(),
                        built.manifest().chunks().size()))));
    }

    /** Serves the package file, from the byte a kiosk already has when it sends {@code Range: bytes=N-}. */
    private void download(RoutingContext ctx) {
        String packageId = ctx.pathParam("id");
        registry.storedPackage(packageId)
                .onSuccess(stored -> {
                    long from = rangeStart(ctx.request().getHeader("Range"), stored.size());
                    if (from < 0) {
                        ctx.response()
                                .setStatusCode(416)
                                .putHeader("Content-Range", "bytes */" + stored.size())
                                .end();
                        return;
                    }
                    ctx.response().putHeader("Content-Type", "application/octet-stream");
                    ctx.response().putHeader("Accept-Ranges", "bytes");
                    if (from > 0) {
                        ctx.response().setStatusCode(206);
                        ctx.response()
                                .putHeader(
                                        "Content-Range",
                                        "bytes " + from + "-" + (stored.size() - 1) + "/" + stored.size());
                    }
                    ctx.response().sendFile(stored.file(), from, stored.size() - from);
                })
                .onFailure(failure -> Http.fail(ctx, failure));
    }

    static long rangeStart(String header, long size) {
        if (header == null) {
            return 0;
        }
        if (!header.matches("bytes=\\d{1,18}-")) {
            return -1;
        }
        long from = Long.parseLong(header.substring(6, header.length() - 1));
        return from < size ? from : -1;
    }

    private void progress(RoutingContext ctx) {
        KioskRecord kiosk = KioskSignatures.kiosk(ctx);
        PackageProgress progress = Http.body(ctx, PackageProgress.class);
        String packageId = ctx.pathParam("id");
        Http.reply(
                ctx,
                registry.storedPackage(packageId)
                        .compose(stored -> registry.progress(
                                kiosk.id(),
                                packageId,
                                Math.max(0, Math.min(progress.bytesReceived(), stored.size())),
                                progress.verified(),
                                clock.millis()))
                        .map(v -> progress));
    }

    /** The content key wrapped for this kiosk once its session has started; parks the request until then. */
    private void key(RoutingContext ctx) {
        KioskRecord kiosk = KioskSignatures.kiosk(ctx);
        long wait = waitMillis(ctx.request().getParam("wait"));
        String packageId = ctx.pathParam("id");
        Future<WrappedKey> result = registry.storedPackage(packageId).compose(stored -> registry.admission(
                        kiosk.id(), stored.paperId())
                .compose(admission -> {
                    if (admission.isEmpty()) {
                        return Future.failedFuture(new ApiException(ErrorCode.KIOSK_NOT_ADMITTED, kiosk.id()));
                    }
                    if (admission.get()) {
                        return Future.succeededFuture(wrap(stored, kiosk));
                    }
                    if (wait == 0) {
                        return Future.failedFuture(new ApiException(ErrorCode.KEY_NOT_RELEASED, packageId));
                    }
                    // Wrapped while parked, so the start only has to send bytes: the key stays on the server until
                    // then.
                    WrappedKey prepared = wrap(stored, kiosk);
                    Future<Optional<Map<String, KioskRecord>>> woken = release.awaitStart(stored.paperId(), wait);
                    // The start may have happened between the check above and parking: look once more.
                    registry.admission(kiosk.id(), stored.paperId()).onSuccess(again -> {
                        if (again.orElse(false)) {
                            release.started(stored.paperId(), Optional.empty());
                        }
                    });
                    return woken.recover(timeout ->
                                    Future.failedFuture(new ApiException(ErrorCode.KEY_NOT_RELEASED, packageId)))
                            .compose(admitted ->
                                    admitted.isPresent() && admitted.get().containsKey(kiosk.id())
                                            ? Future.succeededFuture(prepared)
                                            : afterStart(stored, kiosk.id()));
                }));
        Http.reply(ctx, result.onSuccess(key -> ctx.addEndHandler(ended -> release.keySent())));
    }

    /**
     * After a wake-up that did not name this kiosk (another session of the same paper started, or a late check),
     * everything is checked again: the kiosk's own session of this paper really started (otherwise it is told to
     * wait again, RR-1404), and the kiosk was not revoked while it waited.
     */
    private Future<WrappedKey> afterStart(KioskRegistry.StoredPackage stored, String kioskId) {
        return registry.admission(kioskId, stored.paperId())
                .compose(admission -> registry.find(kioskId).compose(now -> {
                    if (now.isEmpty() || !now.get().approved()) {
                        return Future.failedFuture(new ApiException(ErrorCode.KIOSK_REVOKED, kioskId));
                    }
                    if (!admission.orElse(false)) {
                        return Future.failedFuture(new ApiException(ErrorCode.KEY_NOT_RELEASED, stored.packageId()));
                    }
                    return Future.succeededFuture(wrap(stored, now.get()));
                }));
    }

    private static WrappedKey wrap(KioskRegistry.StoredPackage stored, KioskRecord kiosk) {
        KeyWrap.Wrapped wrapped = KeyWrap.wrap(stored.contentKey(), kiosk.keys(), stored.packageId(), kiosk.id());
        Base64.Encoder b64 = Base64.getEncoder();
        return new WrappedKey(
                stored.packageId(),
                b64.encodeToString(wrapped.ephemeralPublic()),
                b64.encodeToString(wrapped.sealed()));
    }

    private static long waitMillis(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(MAX_WAIT_MILLIS, Long.parseLong(text) * 1000));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "wait must be a number of seconds");
        }
    }

    private void admit(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        long sessionId = sessionId(ctx);
        String kioskId = ctx.pathParam("kiosk");
        Http.reply(
                ctx,
                registry.find(kioskId)
                        .compose(found -> found.isPresent() && found.get().approved()
                                ? registry.admit(sessionId, kioskId, who.name(), clock.millis())
                                : Future.failedFuture(new ApiException(ErrorCode.KIOSK_NOT_APPROVED, kioskId)))
                        .compose(v -> audit.append(
                                "staff:" + who.name(), "admit kiosk", "session " + sessionId + " " + kioskId))
                        .map(v -> List.of(kioskId)));
    }

    private void start(RoutingContext ctx) {
        Principal who = Http.principal(ctx);
        long sessionId = sessionId(ctx);
        Http.reply(
                ctx,
                registry.start(sessionId, clock.millis())
                        .compose(started -> registry.admittedApproved(sessionId).map(admitted -> {
                            release.started(started.paperId(), Optional.of(admitted));
                            return started;
                        }))
                        .compose(started -> audit.append("staff:" + who.name(), "start session", "session " + sessionId)
                                .map(v ->
                                        new SessionStarted(sessionId, started.startedAt(), started.admittedKiosks()))));
    }

    private static long sessionId(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("session"));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "session id is not a number");
        }
    }
}

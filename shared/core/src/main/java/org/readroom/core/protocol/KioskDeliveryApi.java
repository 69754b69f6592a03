package org.readroom.core.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.readroom.core.enrolment.KeyWrap;
import org.readroom.core.enrolment.KioskIdentity;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.DeliveryMessages.EnrolRequest;
import org.readroom.core.protocol.DeliveryMessages.KioskStatus;
import org.readroom.core.protocol.DeliveryMessages.PackageInfo;
import org.readroom.core.protocol.DeliveryMessages.PackageProgress;
import org.readroom.core.protocol.DeliveryMessages.WrappedKey;

/**
 * The kiosk's side of delivery (protocol v1): enrol with its own keys, fetch packages ahead of time (resuming where a
 * download stopped), report progress, and wait for its wrapped content key at the start. Every call is signed.
 */
public final class KioskDeliveryApi {

    private final ServerConnection connection;
    private final KioskIdentity identity;
    private final Executor io;
    private volatile String kioskId;

    public KioskDeliveryApi(ServerConnection connection, KioskIdentity identity, String kioskId, Executor io) {
        this.connection = connection;
        this.identity = identity;
        this.kioskId = kioskId;
        this.io = io;
    }

    public String kioskId() {
        return kioskId;
    }

    /** Asks to be enrolled; the answer carries the pairing code to show on screen while an admin approves. */
    public CompletableFuture<KioskStatus> enrol(String name) {
        KioskIdentity.KioskPublicKeys keys = identity.publicKeys();
        return connection
                .<KioskStatus>signed(
                        "POST",
                        ApiPaths.KIOSK_ENROL,
                        null,
                        new EnrolRequest(name, keys.agreementHex(), keys.signingHex()),
                        identity,
                        "enrolling",
                        Wire.mapper().constructType(KioskStatus.class))
                .thenApply(status -> {
                    kioskId = status.kioskId();
                    return status;
                });
    }

    public CompletableFuture<KioskStatus> me() {
        return connection.signed(
                "GET",
                ApiPaths.KIOSK_ME,
                null,
                null,
                identity,
                kioskId,
                Wire.mapper().constructType(KioskStatus.class));
    }

    public CompletableFuture<List<PackageInfo>> packages() {
        return connection.signed(
                "GET",
                ApiPaths.KIOSK_PACKAGES,
                null,
                null,
                identity,
                kioskId,
                Wire.mapper().getTypeFactory().constructCollectionType(List.class, PackageInfo.class));
    }

    /**
     * Downloads a package into {@code target}, continuing from the bytes already there; completes with the file's
     * final size. {@code progress} hears the byte count as it grows.
     */
    public CompletableFuture<Long> download(PackageInfo info, Path target, LongConsumer progress) {
        long have;
        try {
            have = Files.exists(target) ? Files.size(target) : 0;
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (have == info.size()) {
            return CompletableFuture.completedFuture(have);
        }
        long from = have > info.size() ? 0 : have;
        Map<String, String> headers = from > 0 ? Map.of("Range", "bytes=" + from + "-") : Map.of();
        String path = ApiPaths.packageFile(info.packageId());
        return connection.signedStream(path, identity, kioskId, headers, io).thenApply(response -> {
            if (response.status() != 200 && response.status() != 206) {
                throw ServerConnection.errorFromStream(path, response);
            }
            boolean append = response.status() == 206;
            return copy(response, target, append ? from : 0, append, progress);
        });
    }

    private static long copy(
            ServerConnection.Streamed response, Path target, long start, boolean append, LongConsumer progress) {
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (InputStream in = response.body();
                OutputStream out =
                        Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[64 * 1024];
            long total = start;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                total += n;
                progress.accept(total);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("download into " + target + " stopped: " + e.getMessage(), e);
        }
    }

    public CompletableFuture<PackageProgress> report(String packageId, long bytes, boolean verified) {
        return connection.signed(
                "POST",
                ApiPaths.packageProgress(packageId),
                null,
                new PackageProgress(bytes, verified),
                identity,
                kioskId,
                Wire.mapper().constructType(PackageProgress.class));
    }

    /**
     * Waits (up to {@code waitSeconds}, parked on the server) for the session to start, then unwraps the content key
     * with this kiosk's private key.
     */
    public CompletableFuture<byte[]> awaitKey(String packageId, int waitSeconds) {
        return connection
                .<WrappedKey>signed(
                        "GET",
                        ApiPaths.packageKey(packageId),
                        "wait=" + waitSeconds,
                        null,
                        identity,
                        kioskId,
                        Wire.mapper().constructType(WrappedKey.class),
                        // The server holds the request until the start: the client must wait longer than that.
                        java.time.Duration.ofSeconds(waitSeconds + 15L))
                .thenApply(wrapped -> {
                    try {
                        Base64.Decoder b64 = Base64.getDecoder();
                        return KeyWrap.unwrap(
                                new KeyWrap.Wrapped(
                                        b64.decode(wrapped.ephemeralPublic()), b64.decode(wrapped.sealed())),
                                identity,
                                packageId,
                                kioskId);
                    } catch (InvalidCipherTextException | IllegalArgumentException e) {
                        throw new CompletionException(new ApiException(
                                ErrorCode.PACKAGE_REFUSED,
                                "the released key does not unwrap with this kiosk's key",
                                e));
                    }
                });
    }
}

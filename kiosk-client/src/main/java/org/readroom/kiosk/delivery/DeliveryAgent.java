package org.readroom.kiosk.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.readroom.core.enrolment.KioskIdentity;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.journal.AnswerJournal;
import org.readroom.core.packaging.PackageException;
import org.readroom.core.packaging.PackageReader;
import org.readroom.core.protocol.DeliveryMessages.KioskStatus;
import org.readroom.core.protocol.DeliveryMessages.PackageInfo;
import org.readroom.core.protocol.KioskDeliveryApi;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.kiosk.resume.ResumeTickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's delivery work, in the background from the moment it starts: enrol (or pick up its earlier enrolment),
 * wait for an admin to approve it while its pairing code is on screen, then fetch every package ahead of the exam,
 * resuming interrupted downloads, verify each against the server's signature and report progress. At the start,
 * {@link #open} waits for the released key and opens the candidate's package. Network trouble is retried with backoff;
 * progress and problems are reported through the listener.
 */
public final class DeliveryAgent {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAgent.class);

    /** Where the kiosk stands. */
    public enum Stage {
        CONNECTING,
        AWAITING_APPROVAL,
        REVOKED,
        DOWNLOADING,
        READY
    }

    /**
     * What the enrolment and download screens show: the stage, the pairing code, bytes of packages fetched so far out
     * of their total, and the last problem (null when none).
     */
    public record Status(Stage stage, String pairingCode, long bytes, long size, ErrorCode problem) {}

    static final long APPROVAL_POLL_MILLIS = 2_000;
    static final long RESYNC_MILLIS = 30_000;
    static final long MAX_BACKOFF_MILLIS = 30_000;
    /** How long one key request parks on the server before the kiosk asks again. */
    static final int KEY_WAIT_SECONDS = 60;

    private final ServerConnection connection;
    private final KioskState state;
    private final String name;
    private final ScheduledExecutorService scheduler;
    private final Executor io;
    private final Consumer<Status> listener;
    private final Map<String, CompletableFuture<Path>> verified = new ConcurrentHashMap<>();
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();
    private volatile KioskDeliveryApi api;
    private volatile byte[] signingKey;
    private volatile Status status = new Status(Stage.CONNECTING, "", 0, 0, null);
    private volatile boolean stopped;
    private final java.util.concurrent.atomic.AtomicBoolean syncing = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

    public DeliveryAgent(
            ServerConnection connection,
            KioskState state,
            String name,
            ScheduledExecutorService scheduler,
            Executor io,
            Consumer<Status> listener) {
        this.connection = connection;
        this.state = state;
        this.name = name;
        this.scheduler = scheduler;
        this.io = io;
        this.listener = listener;
    }

    public void start() {
        later(this::connect, 0);
    }

    public void stop() {
        stopped = true;
    }

    public Status status() {
        return status;
    }

    /** This kiosk's id at the server, once enrolled (null before). */
    public String kioskId() {
        KioskDeliveryApi current = api;
        return current == null ? null : current.kioskId();
    }

    private void connect() {
        KioskIdentity identity = state.identity();
        Optional<KioskState.Enrolment> known = state.enrolment();
        CompletableFuture<KioskStatus> step;
        if (known.isPresent()) {
            api = new KioskDeliveryApi(connection, identity, known.get().kioskId(), io);
            signingKey = known.get().packageSigningKey();
            step = api.me().exceptionallyCompose(failure -> {
                if (ServerConnection.errorOf(failure).error() == ErrorCode.KIOSK_UNKNOWN) {
                    // The server no longer knows this kiosk (a new data folder): enrol again with the same keys.
                    LOG.info(
                            "the server does not know kiosk {}; enrolling again",
                            known.get().kioskId());
                    state.forgetEnrolment();
                    return enrol(identity);
                }
                return CompletableFuture.failedFuture(failure);
            });
        } else {
            step = enrol(identity);
        }
        step.whenComplete((kiosk, failure) -> {
            if (failure != null) {
                retry(this::connect, failure);
            } else {
                standing(kiosk);
            }
        });
    }

    private CompletableFuture<KioskStatus> enrol(KioskIdentity identity) {
        KioskDeliveryApi fresh = new KioskDeliveryApi(connection, identity, null, io);
        api = fresh;
        return fresh.enrol(name).thenApply(kiosk -> {
            state.saveEnrolment(kiosk.kioskId(), kiosk.packageSigningKey());
            signingKey = state.enrolment().orElseThrow().packageSigningKey();
            return kiosk;
        });
    }

    private void standing(KioskStatus kiosk) {
        failures.set(0);
        switch (kiosk.status()) {
            case "APPROVED" -> sync();
            case "REVOKED" -> {
                publish(new Status(Stage.REVOKED, kiosk.pairingCode(), 0, 0, ErrorCode.KIOSK_REVOKED));
                later(this::poll, RESYNC_MILLIS);
            }
            default -> {
                publish(new Status(Stage.AWAITING_APPROVAL, kiosk.pairingCode(), 0, 0, null));
                later(this::poll, APPROVAL_POLL_MILLIS);
            }
        }
    }

    private void poll() {
        api.me().whenComplete((kiosk, failure) -> {
            if (failure == null) {
                standing(kiosk);
            } else if (ServerConnection.errorOf(failure).error() == ErrorCode.KIOSK_REVOKED) {
                publish(new Status(Stage.REVOKED, status.pairingCode(), 0, 0, ErrorCode.KIOSK_REVOKED));
                later(this::poll, RESYNC_MILLIS);
            } else {
                retry(this::connect, failure);
            }
        });
    }

    /** Fetches and verifies every package the server lists, one after another, then looks again later. */
    private void sync() {
        if (!syncing.compareAndSet(false, true)) {
            return;
        }
        api.packages().thenCompose(this::fetchAll).whenComplete((v, failure) -> {
            syncing.set(false);
            if (failure != null) {
                ErrorCode code = ServerConnection.errorOf(failure).error();
                if (code == ErrorCode.KIOSK_REVOKED || code == ErrorCode.KIOSK_NOT_APPROVED) {
                    later(this::poll, 0);
                } else {
                    retry(this::sync, failure);
                }
                return;
            }
            failures.set(0);
            publishProgress(Stage.READY, null);
            later(this::poll, RESYNC_MILLIS);
        });
    }

    private CompletableFuture<Void> fetchAll(List<PackageInfo> packages) {
        packages.forEach(p -> sizes.put(p.packageId(), p.size()));
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (PackageInfo info : packages) {
            chain = chain.thenCompose(v -> fetch(info));
        }
        return chain;
    }

    private CompletableFuture<Void> fetch(PackageInfo info) {
        CompletableFuture<Path> ready = verified.computeIfAbsent(info.packageId(), id -> new CompletableFuture<>());
        if (ready.isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        Path file = state.packageFile(info.packageId());
        long[] lastReport = {0, 0};
        publishProgress(Stage.DOWNLOADING, null);
        return api.download(info, file, bytes -> {
                    received.put(info.packageId(), bytes);
                    long now = System.nanoTime();
                    if (now - lastReport[1] > TimeUnit.SECONDS.toNanos(1)) {
                        lastReport[1] = now;
                        publishProgress(Stage.DOWNLOADING, null);
                        if (bytes - lastReport[0] > info.size() / 20) {
                            lastReport[0] = bytes;
                            api.report(info.packageId(), bytes, false);
                        }
                    }
                })
                .thenApplyAsync(size -> verify(info, file), io)
                .thenCompose(checked -> api.report(info.packageId(), info.size(), true)
                        .handle((r, e) -> {
                            // The server's copy of our progress is informative; the package is ready either way.
                            ready.complete(checked);
                            return null;
                        }));
    }

    private Path verify(PackageInfo info, Path file) {
        try {
            PackageReader.verify(file, signingKey);
            received.put(info.packageId(), info.size());
            return file;
        } catch (PackageException e) {
            LOG.warn("package {} refused ({}); fetching it again", info.packageId(), e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException deleteFailed) {
                throw new UncheckedIOException(deleteFailed);
            }
            received.put(info.packageId(), 0L);
            throw new CompletionException(new ApiException(ErrorCode.PACKAGE_REFUSED, e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** This kiosk's encrypted answer journal for a candidate (see {@link KioskState#openJournal}). */
    public AnswerJournal journal(long sessionId, String candidateNumber) throws IOException {
        return state.openJournal(sessionId, candidateNumber);
    }

    /** This kiosk's sealed resume tickets. */
    public ResumeTickets resumeTickets() {
        return state.resumeTickets();
    }

    /**
     * Opens a package at the start: waits until it is here and verified (fetching it now if the server built it
     * late), then for the key, which the server releases when the proctor starts the session. {@code waiting} hears
     * why the kiosk is still waiting (for example, not admitted yet) while it keeps asking.
     */
    public CompletableFuture<PaperPackage> open(String packageId, Consumer<ErrorCode> waiting) {
        if (packageId == null || packageId.isBlank()) {
            return CompletableFuture.failedFuture(
                    new ApiException(ErrorCode.PACKAGE_REFUSED, "no package has been built for this paper"));
        }
        CompletableFuture<Path> here = verified.computeIfAbsent(packageId, id -> new CompletableFuture<>());
        if (!here.isDone()) {
            later(this::sync, 0);
        }
        return here.thenCompose(file -> key(packageId, waiting, new CompletableFuture<>())
                .thenApplyAsync(key -> opened(file, signingKey, key), io));
    }

    /**
     * Opens a package already on this kiosk with a key it was given earlier (from a resume ticket), without the
     * server: the package is checked against the signing key pinned at enrolment, as always.
     */
    public CompletableFuture<PaperPackage> openOffline(String packageId, byte[] contentKey) {
        return CompletableFuture.supplyAsync(
                () -> {
                    byte[] pinned = state.enrolment()
                            .map(KioskState.Enrolment::packageSigningKey)
                            .orElseThrow(() -> new CompletionException(new ApiException(
                                    ErrorCode.PACKAGE_REFUSED, "this kiosk holds no enrolment to check packages")));
                    Path file = state.packageFile(packageId);
                    if (!Files.isRegularFile(file)) {
                        throw new CompletionException(new ApiException(
                                ErrorCode.PACKAGE_REFUSED, "package " + packageId + " is not on this kiosk"));
                    }
                    return opened(file, pinned, contentKey);
                },
                io);
    }

    private static PaperPackage opened(Path file, byte[] signedBy, byte[] contentKey) {
        try {
            return new PaperPackage(file, PackageReader.open(file, signedBy), contentKey);
        } catch (PackageException e) {
            throw new CompletionException(new ApiException(ErrorCode.PACKAGE_REFUSED, e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CompletableFuture<byte[]> key(
            String packageId, Consumer<ErrorCode> waiting, CompletableFuture<byte[]> out) {
        if (stopped) {
            out.completeExceptionally(new ApiException(ErrorCode.SERVER_UNREACHABLE, "kiosk stopped"));
            return out;
        }
        api.awaitKey(packageId, KEY_WAIT_SECONDS).whenComplete((key, failure) -> {
            if (failure == null) {
                out.complete(key);
                return;
            }
            ApiException error = ServerConnection.errorOf(failure);
            switch (error.error()) {
                case KEY_NOT_RELEASED -> key(packageId, waiting, out);
                case KIOSK_REVOKED, PACKAGE_REFUSED -> out.completeExceptionally(error);
                default -> {
                    // Not admitted yet, or the network is down: say so, and keep asking.
                    waiting.accept(error.error());
                    later(() -> key(packageId, waiting, out), 3_000);
                }
            }
        });
        return out;
    }

    private void publishProgress(Stage stage, ErrorCode problem) {
        long size = sizes.values().stream().mapToLong(Long::longValue).sum();
        long bytes = received.values().stream().mapToLong(Long::longValue).sum();
        publish(new Status(stage, status.pairingCode(), Math.min(bytes, size), size, problem));
    }

    private void publish(Status next) {
        status = next;
        listener.accept(next);
    }

    private void retry(Runnable step, Throwable failure) {
        ErrorCode code = ServerConnection.errorOf(failure).error();
        LOG.info("delivery step failed ({}); trying again", code, failure);
        long delay = Math.min(MAX_BACKOFF_MILLIS, 1_000L << Math.min(5, failures.incrementAndGet()));
        publish(new Status(status.stage(), status.pairingCode(), status.bytes(), status.size(), code));
        later(step, delay);
    }

    private void later(Runnable step, long millis) {
        if (stopped || scheduler.isShutdown()) {
            return;
        }
        scheduler.schedule(
                () -> {
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        retry(step, e);
                    }
                },
                millis,
                TimeUnit.MILLISECONDS);
    }
}

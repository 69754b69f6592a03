package org.readroom.server.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.enrolment.KioskIdentity;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.packaging.PackageReader;
import org.readroom.core.protocol.DeliveryMessages.KioskStatus;
import org.readroom.core.protocol.DeliveryMessages.KioskView;
import org.readroom.core.protocol.DeliveryMessages.PackageInfo;
import org.readroom.core.protocol.KioskDeliveryApi;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;

/**
 * Two enrolled kiosks and one that never enrolled, on loopback: the two get the package before the start and the
 * key at the start; the third gets neither; a revoked kiosk stops receiving.
 */
class DeliveryIT {

    @TempDir
    Path data;

    private Vertx vertx;
    private ExamServer server;
    private URI url;
    private PinnedTrust trust;
    private final ExecutorService io = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), Clock.systemUTC());
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        url = server.localUri();
        trust = PinnedTrust.fromFile(server.tls().caCertificate());
    }

    @AfterEach
    void stop() throws Exception {
        io.shutdownNow();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    private static ErrorCode refused(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(60, TimeUnit.SECONDS));
        return ((ApiException) e.getCause()).error();
    }

    private KioskDeliveryApi kiosk(KioskIdentity identity) {
        return new KioskDeliveryApi(new ServerConnection(url, trust), identity, null, io);
    }

    @Test
    void approvedAdmittedKiosksGetThePackageBeforeAndTheKeyAtTheStartAndNobodyElseDoes() throws Exception {
        StaffApi admin = new StaffApi(new ServerConnection(url, trust));
        get(admin.login(new StaffLoginRequest(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD)));
        long session = server.demo().sessionId();
        get(admin.buildPackage(DemoExam.PAPER_ID));
        byte[] serverKey = HexFormat.of()
                .parseHex(Files.readString(data.resolve("keys/package-signing.pub"))
                        .strip());

        KioskDeliveryApi a = kiosk(KioskIdentity.generate());
        KioskDeliveryApi b = kiosk(KioskIdentity.generate());
        KioskDeliveryApi stranger =
                new KioskDeliveryApi(new ServerConnection(url, trust), KioskIdentity.generate(), "made-up-id", io);
        KioskStatus enrolledA = get(a.enrol("Lab A seat 1"));
        KioskStatus enrolledB = get(b.enrol("Lab A seat 2"));
        assertEquals("PENDING", enrolledA.status());
        assertTrue(enrolledA.pairingCode().matches("\\d{4}-\\d{4}"));
        assertEquals(ErrorCode.KIOSK_NOT_APPROVED, refused(a.packages()), "nothing before approval");
        assertEquals(
                ErrorCode.KIOSK_NOT_APPROVED,
                refused(admin.admitKiosk(session, a.kioskId())),
                "admission waits for approval too");

        get(admin.approveKiosk(enrolledA.kioskId()));
        get(admin.approveKiosk(enrolledB.kioskId()));
        get(admin.admitKiosk(session, a.kioskId()));
        get(admin.admitKiosk(session, b.kioskId()));

        // Pre-distribution: B's download is cut half-way and resumes from where it stopped.
        PackageInfo info = get(a.packages()).get(0);
        Path copyA = data.resolve("kiosk-a.rrpkg");
        Path copyB = data.resolve("kiosk-b.rrpkg");
        assertEquals(info.size(), get(a.download(info, copyA, n -> {})));
        byte[] full = Files.readAllBytes(copyA);
        Files.write(copyB, java.util.Arrays.copyOf(full, full.length / 2));
        AtomicLong firstReported = new AtomicLong(-1);
        get(b.download(info, copyB, n -> firstReported.compareAndSet(-1, n)));
        assertTrue(firstReported.get() > full.length / 2, "resumed after the first half, not from zero");
        assertArrayEquals(full, Files.readAllBytes(copyB));
        for (var kiosk : List.of(a, b)) {
            Path copy = kiosk == a ? copyA : copyB;
            PackageReader.verify(copy, serverKey);
            get(kiosk.report(info.packageId(), Files.size(copy), true));
        }
        List<KioskView> views = get(admin.kiosks());
        assertTrue(
                views.stream()
                        .allMatch(v ->
                                v.packages().size() == 1 && v.packages().get(0).verified()),
                views.toString());

        // Before the start there is no key, and a stranger gets neither package nor key.
        assertEquals(ErrorCode.KEY_NOT_RELEASED, refused(a.awaitKey(info.packageId(), 0)));
        assertEquals(ErrorCode.KIOSK_UNKNOWN, refused(stranger.packages()));
        assertEquals(ErrorCode.KIOSK_UNKNOWN, refused(stranger.awaitKey(info.packageId(), 0)));

        CompletableFuture<byte[]> keyA = a.awaitKey(info.packageId(), 30);
        CompletableFuture<byte[]> keyB = b.awaitKey(info.packageId(), 30);
        // Parked until the start: nothing arrives during a while of waiting.
        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofMillis(500))
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> !keyA.isDone() && !keyB.isDone());
        get(admin.startSession(session));
        byte[] contentA = get(keyA);
        byte[] contentB = get(keyB);
        assertArrayEquals(contentA, contentB);
        assertTrue(PackageReader.read(copyA, serverKey, contentA, "paper.json").length > 0);

        get(admin.revokeKiosk(b.kioskId()));
        assertEquals(ErrorCode.KIOSK_REVOKED, refused(b.packages()));
        assertEquals(ErrorCode.KIOSK_REVOKED, refused(b.awaitKey(info.packageId(), 0)));
    }

    @Test
    void anApprovedKioskThatIsNotAdmittedGetsNoKey() throws Exception {
        StaffApi admin = new StaffApi(new ServerConnection(url, trust));
        get(admin.login(new StaffLoginRequest(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD)));
        get(admin.buildPackage(DemoExam.PAPER_ID));
        KioskDeliveryApi c = kiosk(KioskIdentity.generate());
        get(admin.approveKiosk(get(c.enrol("spare")).kioskId()));
        get(admin.startSession(server.demo().sessionId()));
        PackageInfo info = get(c.packages()).get(0);
        assertEquals(ErrorCode.KIOSK_NOT_ADMITTED, refused(c.awaitKey(info.packageId(), 0)));
    }

    @Test
    void anEnrolmentSignedWithAnotherKeyIsRefused() throws Exception {
        KioskIdentity real = KioskIdentity.generate();
        KioskIdentity other = KioskIdentity.generate();
        // Claim real's public keys but sign with other's private key.
        byte[] body =
                org.readroom.core.protocol.Wire.encode(new org.readroom.core.protocol.DeliveryMessages.EnrolRequest(
                        "forged",
                        real.publicKeys().agreementHex(),
                        real.publicKeys().signingHex()));
        long now = System.currentTimeMillis();
        byte[] signature = other.sign(KioskIdentity.requestToSign("POST", "/api/v1/kiosks/enrol", now, "n1", body));
        var response = java.net.http.HttpClient.newBuilder()
                .sslContext(trust.sslContext())
                .build()
                .send(
                        java.net.http.HttpRequest.newBuilder(URI.create(url + "/api/v1/kiosks/enrol"))
                                .header("Content-Type", "application/json")
                                .header("X-ReadRoom-Kiosk", "enrolling")
                                .header("X-ReadRoom-Timestamp", Long.toString(now))
                                .header("X-ReadRoom-Nonce", "n1")
                                .header(
                                        "X-ReadRoom-Signature",
                                        java.util.Base64.getEncoder().encodeToString(signature))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains(ErrorCode.KIOSK_SIGNATURE_INVALID.code()), response.body());
    }

    @Test
    void aReplayedSignedRequestIsRefusedAndTheSigningKeyComesWithTheStatus() throws Exception {
        KioskIdentity identity = KioskIdentity.generate();
        KioskStatus enrolled = get(kiosk(identity).enrol("Lab B seat 9"));
        assertEquals(
                Files.readString(data.resolve("keys/package-signing.pub")).strip(),
                enrolled.packageSigningKey(),
                "the kiosk learns the key that signs packages over the pinned connection");
        long now = System.currentTimeMillis();
        String nonce = "0123456789abcdef0123456789abcdef";
        byte[] signature =
                identity.sign(KioskIdentity.requestToSign("GET", "/api/v1/kiosks/me", now, nonce, new byte[0]));
        var http = java.net.http.HttpClient.newBuilder()
                .sslContext(trust.sslContext())
                .build();
        var request = java.net.http.HttpRequest.newBuilder(URI.create(url + "/api/v1/kiosks/me"))
                .header("X-ReadRoom-Kiosk", enrolled.kioskId())
                .header("X-ReadRoom-Timestamp", Long.toString(now))
                .header("X-ReadRoom-Nonce", nonce)
                .header("X-ReadRoom-Signature", java.util.Base64.getEncoder().encodeToString(signature))
                .build();
        var first = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode(), first.body());
        var replayed = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, replayed.statusCode(), "the same signed request a second time is a replay");
        assertTrue(replayed.body().contains(ErrorCode.KIOSK_SIGNATURE_INVALID.code()), replayed.body());
        // The kiosk's own client signs every request with a fresh nonce, so it is never mistaken for a replay.
        KioskDeliveryApi own = new KioskDeliveryApi(new ServerConnection(url, trust), identity, enrolled.kioskId(), io);
        for (int i = 0; i < 5; i++) {
            assertEquals("PENDING", get(own.me()).status());
        }
    }

    @Test
    void startingOneRoomReleasesOnlyItsKiosksWhileAnotherRoomOfTheSamePaperKeepsWaitingPastTheRequestTimeout()
            throws Exception {
        StaffApi admin = new StaffApi(new ServerConnection(url, trust));
        get(admin.login(new StaffLoginRequest(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD)));
        long roomA = server.demo().sessionId();
        long roomB;
        // A second room sitting the same paper.
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                var insert = db.prepareStatement(
                        "INSERT INTO sessions (paper_id, title_zh, title_en, room, status)"
                                + " VALUES (?, '演示场次 · 机房B', 'Demo session · Lab B', 'B', 'OPEN')",
                        java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, DemoExam.PAPER_ID);
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                roomB = keys.getLong(1);
            }
        }
        get(admin.buildPackage(DemoExam.PAPER_ID));
        KioskDeliveryApi a = kiosk(KioskIdentity.generate());
        KioskDeliveryApi b = kiosk(KioskIdentity.generate());
        get(admin.approveKiosk(get(a.enrol("Lab A seat 1")).kioskId()));
        get(admin.approveKiosk(get(b.enrol("Lab B seat 1")).kioskId()));
        get(admin.admitKiosk(roomA, a.kioskId()));
        get(admin.admitKiosk(roomB, b.kioskId()));
        String packageId = get(a.packages()).get(0).packageId();

        CompletableFuture<byte[]> keyA = a.awaitKey(packageId, 40);
        CompletableFuture<byte[]> keyB = b.awaitKey(packageId, 40);
        // Parked for longer than an ordinary request may take: the kiosk's client must wait as long as the server.
        Thread.sleep(17_000);
        assertTrue(!keyA.isDone() && !keyB.isDone(), "both kiosks are still waiting, not failed");
        get(admin.startSession(roomA));
        assertEquals(32, get(keyA).length);
        // Room B's kiosk is woken by room A's start but gets nothing: it is told to wait again (RR-1404, the kiosk
        // simply asks again), never that it is revoked.
        try {
            keyB.get(10, TimeUnit.SECONDS);
            throw new AssertionError("room B's kiosk got a key when room A started");
        } catch (ExecutionException e) {
            assertEquals(ErrorCode.KEY_NOT_RELEASED, ((ApiException) e.getCause()).error());
        }
        get(admin.startSession(roomB));
        assertEquals(32, get(b.awaitKey(packageId, 40)).length);
    }
}

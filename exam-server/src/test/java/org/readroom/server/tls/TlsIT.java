package org.readroom.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;

/** HTTPS everywhere, and clients that trust only the exam server's own CA, pinned by fingerprint. */
class TlsIT {

    @TempDir
    Path data;

    @TempDir
    Path elsewhere;

    private Vertx vertx;
    private ExamServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), Clock.systemUTC());
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aKioskPinningTheServersCaByFingerprintLogsIn() throws Exception {
        PinnedTrust pinned = PinnedTrust.enrol(server.localUri(), server.tls().caFingerprint());
        assertEquals(server.tls().caFingerprint(), pinned.fingerprint());
        KioskApi api = new KioskApi(new ServerConnection(server.localUri(), pinned));
        var login = api.login(new LoginRequest("2026001", "314159")).get(30, TimeUnit.SECONDS);
        assertEquals("张伟", login.candidateName());
    }

    @Test
    void aWrongFingerprintIsRefusedBeforeAnythingIsSent() {
        IOException e = assertThrows(
                IOException.class,
                () -> PinnedTrust.enrol(
                        server.localUri(),
                        "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"));
        assertTrue(e.getMessage().contains("refusing to connect"), e.getMessage());
    }

    @Test
    void aClientPinningAnotherCaCannotConnect() throws Exception {
        LocalCertificateAuthority.TlsFiles other = LocalCertificateAuthority.ensure(elsewhere, List.of());
        KioskApi api =
                new KioskApi(new ServerConnection(server.localUri(), PinnedTrust.fromFile(other.caCertificate())));
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> api.login(new LoginRequest("2026001", "314159"))
                        .get(30, TimeUnit.SECONDS));
        assertEquals(ErrorCode.SERVER_UNREACHABLE, ((ApiException) e.getCause()).error());
    }

    @Test
    void plainHttpIsNotServedAndNotAccepted() throws Exception {
        URI plain = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/kiosk/login");
        HttpClient client = HttpClient.newHttpClient();
        assertThrows(
                IOException.class,
                () -> client.send(
                        HttpRequest.newBuilder(plain)
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ServerConnection(
                        URI.create("http://127.0.0.1:" + server.port()),
                        PinnedTrust.fromFile(server.tls().caCertificate())));
    }

    @Test
    void privateKeysAreOwnerOnlyAndTheCaSurvivesARestart() throws Exception {
        for (String key : List.of("tls/ca.key", "tls/server.key", "keys/package-signing.key")) {
            assertEquals(
                    "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(key))), key);
        }
        String before = server.tls().caFingerprint();
        vertx.undeploy(vertx.deploymentIDs().iterator().next())
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        ExamServer again = new ExamServer(ServerConfig.of(data, 0, false).onLoopback(), Clock.systemUTC());
        vertx.deployVerticle(again).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals(before, again.tls().caFingerprint());
    }
}

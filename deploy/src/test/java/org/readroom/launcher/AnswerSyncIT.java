package org.readroom.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.kiosk.sync.AnswerSync;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;

/** The kiosk keeps answering while the server is down; the answers arrive once it is back. */
class AnswerSyncIT {

    @TempDir
    Path data;

    private Vertx vertx;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private ExamServer serve(int port) throws Exception {
        ExamServer server = new ExamServer(new ServerConfig(data, "127.0.0.1", port, true, null), Clock.systemUTC());
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return server;
    }

    @Test
    void answersGivenWhileTheServerIsDownArriveAfterItRestarts() throws Exception {
        ExamServer server = serve(0);
        int port = server.port();
        DemoExam.Credentials c = server.demo().candidates().get(0);
        KioskApi api = new KioskApi(new ServerConnection(
                URI.create("https://127.0.0.1:" + port),
                org.readroom.core.protocol.PinnedTrust.fromFile(server.tls().caCertificate())));
        api.login(new LoginRequest(c.candidateNumber(), c.admissionCode())).get(30, TimeUnit.SECONDS);
        api.start().get(30, TimeUnit.SECONDS);
        List<AnswerSync.State> states = new CopyOnWriteArrayList<>();
        AnswerSync sync = new AnswerSync(api, 0, scheduler, (state, pending, acked, rejection) -> states.add(state));

        sync.save(DemoPaper.NODULE_ITEM, Set.of("B"), "");
        sync.drained().get(30, TimeUnit.SECONDS);

        vertx.undeploy(vertx.deploymentIDs().iterator().next())
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        sync.save(DemoPaper.NODULE_ITEM, Set.of("A"), "");
        sync.save(DemoPaper.REPORT_ITEM, Set.of(), "右肺结节，断网时写的");
        await().atMost(Duration.ofSeconds(20)).until(() -> states.contains(AnswerSync.State.OFFLINE));
        assertEquals(2, sync.pending(), "nothing is dropped while offline");

        // A restart forgets tokens: the kiosk logs in again by itself and resends in order.
        serve(port);
        sync.drained().get(40, TimeUnit.SECONDS);
        assertEquals(3, sync.lastAcknowledged());

        Sitting paper = api.sitting().get(30, TimeUnit.SECONDS);
        assertEquals(3, paper.lastSequence());
        assertTrue(
                paper.answers().stream()
                        .anyMatch(a -> a.itemId().equals(DemoPaper.NODULE_ITEM)
                                && a.choices().equals(Set.of("A"))),
                paper.answers().toString());
        assertTrue(
                paper.answers().stream().anyMatch(a -> a.text().equals("右肺结节，断网时写的")),
                paper.answers().toString());
    }
}

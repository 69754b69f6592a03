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
import org.readroom.core.journal.AnswerJournal;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
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

    private static final byte[] JOURNAL_KEY = new byte[32];

    static {
        new java.security.SecureRandom().nextBytes(JOURNAL_KEY);
    }

    private static void startSession(ExamServer server) throws Exception {
        StaffApi proctor = new StaffApi(new ServerConnection(
                server.localUri(),
                org.readroom.core.protocol.PinnedTrust.fromFile(server.tls().caCertificate())));
        proctor.login(new StaffLoginRequest(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD))
                .get(30, TimeUnit.SECONDS);
        proctor.startSession(server.demo().sessionId()).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aKioskKilledWhileTheServerWasDownReplaysItsJournalOnRelaunch() throws Exception {
        ExamServer server = serve(0);
        int port = server.port();
        DemoExam.Credentials c = server.demo().candidates().get(1);
        ServerConnection connection = new ServerConnection(
                URI.create("https://127.0.0.1:" + port),
                org.readroom.core.protocol.PinnedTrust.fromFile(server.tls().caCertificate()));
        KioskApi api = new KioskApi(connection);
        api.login(new LoginRequest(c.candidateNumber(), c.admissionCode())).get(30, TimeUnit.SECONDS);
        startSession(server);
        api.start().get(30, TimeUnit.SECONDS);
        Sitting fresh = api.sitting().get(30, TimeUnit.SECONDS);
        Path journalFile = data.resolve("kiosk").resolve("s" + server.demo().sessionId() + "-" + c.candidateNumber());
        AnswerJournal journal = AnswerJournal.open(journalFile, JOURNAL_KEY);
        AnswerSync sync =
                new AnswerSync(api, fresh.lastSequence(), fresh.chainHead(), journal, scheduler, (s, p, a, r) -> {});
        sync.save(DemoPaper.NODULE_ITEM, Set.of("B"), "");
        sync.drained().get(30, TimeUnit.SECONDS);

        // The server goes away; the candidate answers two more; then the kiosk dies before anything is acknowledged.
        vertx.undeploy(vertx.deploymentIDs().iterator().next())
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        sync.save(DemoPaper.NODULE_ITEM, Set.of("C"), "");
        sync.save(DemoPaper.REPORT_ITEM, Set.of(), "重启前写下的报告");
        assertEquals(1, sync.lastAcknowledged());
        journal.close();

        // Server back, kiosk relaunched: a new client, the journal reopened from disk, the server's record as start.
        serve(port);
        KioskApi relaunched = new KioskApi(new ServerConnection(
                URI.create("https://127.0.0.1:" + port),
                org.readroom.core.protocol.PinnedTrust.fromFile(server.tls().caCertificate())));
        relaunched
                .login(new LoginRequest(c.candidateNumber(), c.admissionCode()))
                .get(30, TimeUnit.SECONDS);
        relaunched.start().get(30, TimeUnit.SECONDS);
        Sitting resumed = relaunched.sitting().get(30, TimeUnit.SECONDS);
        assertEquals(1, resumed.lastSequence(), "the server holds only what it acknowledged");
        AnswerSync again = new AnswerSync(
                relaunched,
                resumed.lastSequence(),
                resumed.chainHead(),
                AnswerJournal.open(journalFile, JOURNAL_KEY),
                scheduler,
                (s, p, a, r) -> {});
        assertEquals(2, again.replayed().size(), "both unacknowledged changes come back from the journal");
        again.drained().get(40, TimeUnit.SECONDS);
        Sitting after = relaunched.sitting().get(30, TimeUnit.SECONDS);
        assertEquals(3, after.lastSequence());
        assertTrue(
                after.answers().stream().anyMatch(a -> a.text().equals("重启前写下的报告")),
                after.answers().toString());
        // The hand-in names the chain head the kiosk built; the server checks it against every stored link.
        relaunched
                .submit(new SubmitRequest(again.lastSequence(), again.chainHead()))
                .get(30, TimeUnit.SECONDS);
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
        startSession(server);
        api.start().get(30, TimeUnit.SECONDS);
        Sitting fresh = api.sitting().get(30, TimeUnit.SECONDS);
        List<AnswerSync.State> states = new CopyOnWriteArrayList<>();
        AnswerSync sync = new AnswerSync(
                api,
                fresh.lastSequence(),
                fresh.chainHead(),
                AnswerJournal.open(data.resolve("kiosk").resolve("journal.rrj"), JOURNAL_KEY),
                scheduler,
                (state, pending, acked, rejection) -> states.add(state));

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

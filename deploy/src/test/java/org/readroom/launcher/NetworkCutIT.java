package org.readroom.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.journal.AnswerJournal;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.ExamClock;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.SavedAnswer;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.kiosk.sync.AnswerSync;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;

/**
 * The network between kiosk and server is cut mid-exam and comes back: the candidate keeps working, nothing the kiosk
 * was told is stored gets lost, the queued answers arrive in order, and the cut does not touch the candidate's clock.
 */
class NetworkCutIT {

    @TempDir
    Path data;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<AnswerSync.State> states = new CopyOnWriteArrayList<>();
    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private DemoServer demo;
    private CuttableProxy proxy;
    private DemoExam.Credentials candidate;
    private KioskApi kiosk;
    private KioskApi direct;
    private AnswerJournal journal;
    private AnswerSync sync;
    private ExamClock before;

    /** A candidate sitting, their kiosk talking to the server through the proxy; the direct line is the test's own. */
    @BeforeEach
    void aCandidateSitsBehindTheProxy() throws Exception {
        demo = DemoServer.start(data);
        proxy = CuttableProxy.to(demo.server().port());
        candidate = demo.server().demo().candidates().get(0);
        LoginRequest login = new LoginRequest(candidate.candidateNumber(), candidate.admissionCode());
        kiosk = new KioskApi(new ServerConnection(URI.create("https://127.0.0.1:" + proxy.port()), demo.trust()));
        kiosk.login(login).get(30, TimeUnit.SECONDS);
        demo.proctor().startSession(demo.server().demo().sessionId()).get(30, TimeUnit.SECONDS);
        before = kiosk.start().get(30, TimeUnit.SECONDS);
        Sitting fresh = kiosk.sitting().get(30, TimeUnit.SECONDS);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        journal = AnswerJournal.open(data.resolve("kiosk").resolve("journal.rrj"), key);
        sync = new AnswerSync(
                kiosk, fresh.lastSequence(), fresh.chainHead(), journal, scheduler, (state, pending, acked, why) -> {
                    states.add(state);
                    acknowledged.add(acked);
                });
        direct = new KioskApi(new ServerConnection(
                URI.create("https://127.0.0.1:" + demo.server().port()), demo.trust()));
        direct.login(login).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        if (proxy != null) {
            proxy.close();
        }
        if (journal != null) {
            journal.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void answersGivenWhileTheNetworkIsCutArriveInOrderOnceItIsBackAndTheClockIsUntouched() throws Exception {
        sync.save(DemoPaper.NODULE_ITEM, Set.of("B"), "");
        sync.drained().get(30, TimeUnit.SECONDS);

        proxy.cut();
        // The candidate keeps working: each save is journalled and queued, never waits for the network.
        assertTimeout(Duration.ofSeconds(1), () -> sync.save(DemoPaper.WINDOW_ITEM, Set.of("A", "C"), ""));
        assertTimeout(Duration.ofSeconds(1), () -> sync.save(DemoPaper.REPORT_ITEM, Set.of(), "右肺结节，断网时写的"));
        assertTimeout(Duration.ofSeconds(1), () -> sync.save(DemoPaper.NODULE_ITEM, Set.of("C"), ""));
        await().atMost(Duration.ofSeconds(20)).until(() -> states.contains(AnswerSync.State.OFFLINE));
        assertEquals(1, sync.lastAcknowledged(), "nothing is acknowledged while the network is cut");
        assertEquals(3, sync.pending(), "nothing is dropped while the network is cut");
        assertEquals(1, direct.sitting().get(30, TimeUnit.SECONDS).lastSequence(), "nothing got through the cut");

        proxy.restore();
        sync.drained().get(40, TimeUnit.SECONDS);
        assertEquals(4, sync.lastAcknowledged());

        Sitting after = direct.sitting().get(30, TimeUnit.SECONDS);
        assertEquals(4, after.lastSequence());
        assertEquals(sync.chainHead(), after.chainHead(), "the server chained the same four changes in order");
        Map<String, SavedAnswer> latest =
                after.answers().stream().collect(Collectors.toMap(SavedAnswer::itemId, Function.identity()));
        assertEquals(
                Set.of("C"),
                latest.get(DemoPaper.NODULE_ITEM).choices(),
                after.answers().toString());
        assertEquals(4, latest.get(DemoPaper.NODULE_ITEM).sequence());
        assertEquals(Set.of("A", "C"), latest.get(DemoPaper.WINDOW_ITEM).choices());
        assertEquals("右肺结节，断网时写的", latest.get(DemoPaper.REPORT_ITEM).text());
        assertEquals(4, highestAcknowledged());
        assertEveryAcknowledgedChangeIsStoredAsChained(4);

        ExamClock clock = direct.clock().get(30, TimeUnit.SECONDS);
        assertEquals(before.deadline(), clock.deadline(), "the cut does not move the deadline");
        assertEquals(before.deadline(), kiosk.clock().get(30, TimeUnit.SECONDS).deadline());
    }

    @Test
    void aChangeStoredWhoseAcknowledgementWasLostInTheCutIsResentAndStoredOnce() throws Exception {
        sync.save(DemoPaper.NODULE_ITEM, Set.of("B"), "");
        sync.drained().get(30, TimeUnit.SECONDS);

        proxy.loseReplies(); // the request reaches the server, the acknowledgement never reaches the kiosk
        sync.save(DemoPaper.REPORT_ITEM, Set.of(), "回执丢失的答案");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> direct.sitting().get(30, TimeUnit.SECONDS).lastSequence() == 2);
        assertEquals(1, sync.lastAcknowledged(), "the kiosk never heard the server store it");
        proxy.cut();
        await().atMost(Duration.ofSeconds(20)).until(() -> states.contains(AnswerSync.State.OFFLINE));

        proxy.restore();
        sync.drained().get(40, TimeUnit.SECONDS); // resent; the server knows it already and acknowledges
        assertEquals(2, sync.lastAcknowledged());
        Sitting after = direct.sitting().get(30, TimeUnit.SECONDS);
        assertEquals(2, after.lastSequence());
        assertEquals(sync.chainHead(), after.chainHead());
        assertEveryAcknowledgedChangeIsStoredAsChained(2);
    }

    private long highestAcknowledged() {
        return acknowledged.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Zero acknowledged answers lost: every change the kiosk was told is stored is stored, as the kiosk chained it. */
    private void assertEveryAcknowledgedChangeIsStoredAsChained(int expected) throws Exception {
        Map<Long, String> chained =
                journal.entries().stream().collect(Collectors.toMap(AnswerSave::sequence, AnswerSave::hash));
        Map<Long, String> stored =
                StoredAnswers.hashes(data, demo.server().demo().sessionId(), candidate.candidateNumber());
        assertEquals(expected, chained.size(), "the kiosk's journal");
        for (long sequence = 1; sequence <= highestAcknowledged(); sequence++) {
            assertEquals(chained.get(sequence), stored.get(sequence), "acknowledged change " + sequence);
        }
        assertEquals(expected, stored.size(), "stored once each: " + stored.keySet());
    }

    /**
     * A TCP relay on a loopback port in front of the server. {@link #cut()} drops every open connection and closes
     * new ones as soon as they are accepted (the kiosk sees the network gone); {@link #restore()} relays again.
     */
    static final class CuttableProxy implements AutoCloseable {

        private final ServerSocket listener;
        private final int target;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile boolean cut;
        private volatile boolean repliesLost;

        private CuttableProxy(ServerSocket listener, int target) {
            this.listener = listener;
            this.target = target;
        }

        static CuttableProxy to(int targetPort) throws IOException {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CuttableProxy proxy = new CuttableProxy(listener, targetPort);
            Thread acceptor = new Thread(proxy::accept, "proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        }

        int port() {
            return listener.getLocalPort();
        }

        void cut() {
            cut = true; // first the flag, then the sockets: a connection accepted meanwhile sees one or the other
            open.forEach(CuttableProxy::closeQuietly);
        }

        /** From now on the server's bytes are swallowed: requests still arrive, no reply does. */
        void loseReplies() {
            repliesLost = true;
        }

        void restore() {
            repliesLost = false;
            cut = false;
        }

        private void accept() {
            while (!listener.isClosed()) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    return; // closed
                }
                open.add(client);
                if (cut) {
                    drop(client);
                    continue;
                }
                try {
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(server);
                    if (cut) {
                        drop(client);
                        drop(server);
                        continue;
                    }
                    relay(client, server, false);
                    relay(server, client, true);
                } catch (IOException e) {
                    drop(client);
                }
            }
        }

        private void relay(Socket from, Socket to, boolean replies) {
            Thread pump = new Thread(
                    () -> {
                        byte[] buffer = new byte[16 * 1024];
                        try (InputStream in = from.getInputStream();
                                OutputStream out = to.getOutputStream()) {
                            int read;
                            while ((read = in.read(buffer)) >= 0) {
                                if (!(replies && repliesLost)) {
                                    out.write(buffer, 0, read);
                                    out.flush();
                                }
                            }
                        } catch (IOException e) {
                            // one side went away: the relay ends and both sockets close below
                        } finally {
                            drop(from);
                            drop(to);
                        }
                    },
                    "proxy-relay");
            pump.setDaemon(true);
            pump.start();
        }

        private void drop(Socket socket) {
            open.remove(socket);
            closeQuietly(socket);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            cut();
        }
    }
}

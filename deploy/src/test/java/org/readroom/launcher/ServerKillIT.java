package org.readroom.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.journal.AnswerJournal;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.ExamClock;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.kiosk.sync.AnswerSync;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;

/**
 * The exam server runs as its own process ({@code readroom server --demo}) and is killed with SIGKILL mid-exam: no
 * shutdown hook, no clean close of SQLite. Every answer it acknowledged must survive; the kiosk keeps its candidate
 * working, and once the server is started again on the same data folder the queued answers arrive and the clock is
 * as it was.
 */
class ServerKillIT {

    private static final Pattern LISTENING = Pattern.compile("ReadRoom exam server listening on https://\\S+:(\\d+)");
    private static final Pattern FINGERPRINT = Pattern.compile("CA fingerprint[^:]*: ([0-9A-F:]{95})");
    private static final Pattern SESSION = Pattern.compile("Demo session (\\d+)\\.");
    private static final Pattern LOGIN = Pattern.compile("(?m)^\\s+\\S+\\s+(\\d+) / (\\S+)\\s");

    @TempDir
    Path root;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void killEveryServer() throws InterruptedException {
        scheduler.shutdownNow();
        for (Process server : servers) {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The server's console output once it has said it listens (or a failure showing that output). */
    private String startServer(Path data, int port, String name) throws IOException {
        Path log = root.resolve(name + ".log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Dfile.encoding=UTF-8",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "server",
                        "--data",
                        data.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--demo")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        servers.add(process);
        await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    String printed = Files.readString(log, StandardCharsets.UTF_8);
                    if (!process.isAlive()) {
                        throw new AssertionError(
                                name + " exited with " + process.exitValue() + " before listening:\n" + printed);
                    }
                    return LISTENING.matcher(printed).find() && printed.contains("Staff: "); // the demo log-ins end
                });
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern + " not in:\n" + text);
        return matcher.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return probe.getLocalPort();
        }
    }

    @Test
    void acknowledgedAnswersSurviveASigkilledServerAndTheQueuedOnesArriveAfterTheRestart() throws Exception {
        Path data = root.resolve("data");
        int port = freePort();
        String printed = startServer(data, port, "server-1");
        assertEquals(port, Integer.parseInt(group(LISTENING, printed)));
        URI url = URI.create("https://127.0.0.1:" + port);
        // The kiosk pins the CA the way an enrolling kiosk does: the fingerprint the server printed at start.
        PinnedTrust trust = PinnedTrust.enrol(url, group(FINGERPRINT, printed));
        long session = Long.parseLong(group(SESSION, printed));
        Matcher login = LOGIN.matcher(printed);
        assertTrue(login.find(), "the demo prints its candidates' log-ins:\n" + printed);
        String candidate = login.group(1);
        KioskApi kiosk = new KioskApi(new ServerConnection(url, trust));
        kiosk.login(new LoginRequest(candidate, login.group(2))).get(30, TimeUnit.SECONDS);
        StaffApi proctor = new StaffApi(new ServerConnection(url, trust));
        proctor.login(new StaffLoginRequest(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD))
                .get(30, TimeUnit.SECONDS);
        proctor.startSession(session).get(30, TimeUnit.SECONDS);
        ExamClock before = kiosk.start().get(30, TimeUnit.SECONDS);
        Sitting fresh = kiosk.sitting().get(30, TimeUnit.SECONDS);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        AnswerJournal journal = AnswerJournal.open(root.resolve("kiosk").resolve("journal.rrj"), key);
        List<AnswerSync.State> states = new CopyOnWriteArrayList<>();
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        AnswerSync sync = new AnswerSync(
                kiosk, fresh.lastSequence(), fresh.chainHead(), journal, scheduler, (state, pending, acked, why) -> {
                    states.add(state);
                    acknowledged.add(acked);
                });

        // Choice items only: the server refuses choices that are not options of the item.
        List<String> items = List.of(DemoPaper.NODULE_ITEM, DemoPaper.WINDOW_ITEM, DemoPaper.LUNG_WINDOW_ITEM);
        List<Set<String>> choices = List.of(Set.of("A"), Set.of("B"));
        for (int i = 0; i < 10; i++) {
            sync.save(items.get(i % items.size()), choices.get(i % choices.size()), "");
        }
        sync.drained().get(30, TimeUnit.SECONDS);
        assertEquals(10, sync.lastAcknowledged());

        Process first = servers.get(0);
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, SQLite not closed
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the server process did not die");
        assertEquals(137, first.exitValue(), "killed by SIGKILL (128 + 9)");

        states.clear();
        sync.save(DemoPaper.REPORT_ITEM, Set.of(), "服务器宕机时写的报告");
        sync.save(DemoPaper.NODULE_ITEM, Set.of("D"), "");
        await().atMost(Duration.ofSeconds(20)).until(() -> states.contains(AnswerSync.State.OFFLINE));
        assertEquals(10, sync.lastAcknowledged());
        assertEquals(2, sync.pending(), "nothing is dropped while the server is dead");
        Map<Long, String> survived = StoredAnswers.hashes(data, session, candidate);
        Map<Long, String> chained =
                journal.entries().stream().collect(Collectors.toMap(AnswerSave::sequence, AnswerSave::hash));
        assertEquals(12, chained.size(), "the kiosk journalled every change");
        for (long sequence = 1; sequence <= 10; sequence++) {
            assertEquals(chained.get(sequence), survived.get(sequence), "acknowledged change " + sequence);
        }
        assertEquals(10, survived.size(), "the dead server holds exactly what it acknowledged");

        startServer(data, port, "server-2");
        // The new process forgot every token: the kiosk logs in again by itself and resends in order.
        sync.drained().get(40, TimeUnit.SECONDS);
        assertEquals(12, sync.lastAcknowledged());

        Sitting after = kiosk.sitting().get(30, TimeUnit.SECONDS);
        assertEquals(12, after.lastSequence());
        assertEquals(sync.chainHead(), after.chainHead(), "the restarted server holds the kiosk's whole chain");
        assertTrue(
                after.answers().stream().anyMatch(a -> a.text().equals("服务器宕机时写的报告")),
                after.answers().toString());
        long highestAcknowledged =
                acknowledged.stream().mapToLong(Long::longValue).max().orElse(0);
        assertEquals(12, highestAcknowledged);
        Map<Long, String> stored = StoredAnswers.hashes(data, session, candidate);
        for (long sequence = 1; sequence <= highestAcknowledged; sequence++) {
            assertEquals(chained.get(sequence), stored.get(sequence), "acknowledged change " + sequence);
        }
        ExamClock clock = kiosk.clock().get(30, TimeUnit.SECONDS);
        assertEquals(before.deadline(), clock.deadline(), "the crash does not move the deadline");
        assertFalse(clock.paused());
    }
}

package org.readroom.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.PaperSection;
import org.readroom.core.paper.navigation.Moves;
import org.readroom.core.protocol.Messages;
import org.readroom.core.protocol.Messages.CreatedSession;
import org.readroom.core.protocol.Messages.NewSession;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.text.LocalizedText;
import org.readroom.kiosk.exam.ExamViewModel;
import org.readroom.server.bank.BankStore;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.schedule.ScheduleStore;

/**
 * A paper with timed sections on a real kiosk: the section's own time shows beside the exam's, and when it runs out
 * the section closes (its answers kept) and the candidate goes on to the next section; the move is in the record.
 */
class SectionTimeIT {

    @TempDir
    Path data;

    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ShiftedClock kioskClock = new ShiftedClock();
    private DemoServer demo;
    private ScriptedKiosk kiosk;
    private ExamViewModel exam;

    @AfterEach
    void stop() throws Exception {
        if (exam != null) {
            CompletableFuture.runAsync(exam::stop, ui).get(30, TimeUnit.SECONDS);
        }
        ui.shutdownNow();
        if (kiosk != null) {
            kiosk.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    /**
     * Starts a server (its time read from {@code serverClock}) with a paper of three timed sections, and opens it on a
     * kiosk; returns the candidate's number.
     */
    private String openTimedPaper(Clock serverClock) throws Exception {
        // Section A (s1, s2) has 10 minutes of its own, B (s3) 5 minutes, C (s4) none; 30 minutes in all.
        Paper paper = new Paper(
                "timed",
                LocalizedText.of("分部计时", "Timed sections"),
                30,
                List.of(single("s1"), single("s2"), single("s3"), single("s4")),
                List.of(
                        new PaperSection(
                                "A", LocalizedText.of("基础", "Basics"), List.of("s1", "s2"), 10, false, null, true),
                        new PaperSection("B", LocalizedText.of("病例", "Cases"), List.of("s3"), 5, true, null, true),
                        new PaperSection(
                                "C", LocalizedText.of("其他", "Other"), List.of("s4"), null, false, null, true)));
        demo = DemoServer.start(data, serverClock);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"))) {
            BankStore.insertPaper(db, paper);
        }
        StaffApi admin = new StaffApi(new ServerConnection(demo.url(), demo.trust()));
        admin.login(new StaffLoginRequest(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD))
                .get(30, TimeUnit.SECONDS);
        admin.buildPackage("timed").get(60, TimeUnit.SECONDS);
        CreatedSession session = admin.createSession(
                        new NewSession("timed", "分部计时", "Timed sections", "Lab 2", 1, "TS", "ts-code"))
                .get(30, TimeUnit.SECONDS);
        StaffApi proctor = demo.proctor();
        kiosk = new ScriptedKiosk(demo.url(), demo.trust(), data.resolve("kiosk"), "Lab 2 seat 1", paper);
        kiosk.enrol();
        proctor.approveKiosk(kiosk.kioskId()).get(30, TimeUnit.SECONDS);
        proctor.admitKiosk(session.sessionId(), kiosk.kioskId()).get(30, TimeUnit.SECONDS);
        kiosk.ready(60);
        String number = ScheduleStore.number(session.numberStem(), 1);
        ScriptedKiosk.LoggedIn loggedIn = kiosk.logIn(new DemoExam.Credentials(number, "", "", "ts-code"), ui);
        proctor.startSession(session.sessionId()).get(30, TimeUnit.SECONDS);
        exam = kiosk.open(loggedIn, ui, kioskClock).get(60, TimeUnit.SECONDS);
        return number;
    }

    @Test
    void whenASectionsOwnTimeRunsOutItClosesAndTheCandidateGoesOn() throws Exception {
        String number = openTimedPaper(Clock.systemUTC());

        onUi(exam::tick);
        assertTrue(
                onUi(() -> exam.timeLeftProperty().get()).startsWith("本部分剩余 10:00"),
                onUi(() -> exam.timeLeftProperty().get()));
        onUi(() -> exam.choose("A"));

        // Ten minutes later section A's time is over: s1 keeps its answer, the candidate is on s3 (section B).
        onUi(() -> {
            kioskClock.shift(Duration.ofMinutes(10).plusSeconds(1));
            exam.tick();
        });
        assertEquals(2, onUi(() -> exam.indexProperty().get()));
        assertTrue(onUi(() -> exam.isLocked("s1")));
        assertFalse(onUi(() -> exam.isOpen(1)), "s2 is out of time, unanswered");
        assertTrue(onUi(() -> exam.warningProperty().get()).contains("基础"), onUi(() -> exam.warningProperty()
                .get()));
        assertTrue(onUi(() -> exam.timeLeftProperty().get()).startsWith("本部分剩余 0"), onUi(() -> exam.timeLeftProperty()
                .get()));
        onUi(() -> exam.choose("B"));

        onUi(() -> {
            kioskClock.shift(Duration.ofMinutes(5).plusSeconds(1));
            exam.tick();
        });
        assertEquals(3, onUi(() -> exam.indexProperty().get()), "section C has no limit of its own");
        assertTrue(onUi(() -> exam.isLocked("s3")));
        onUi(() -> exam.choose("A"));
        onUi(exam::submit).get(60, TimeUnit.SECONDS);

        Map<String, String> stored = stored(number);
        assertEquals("A", stored.get("s1"));
        assertEquals("B", stored.get("s3"));
        assertEquals("A", stored.get("s4"));
        assertTrue(stored.containsKey(Moves.eventId("s3")), "entering section B is in the record: " + stored);
        assertFalse(stored.containsKey("s2"), "nothing was answered in s2");
    }

    /**
     * A kiosk restarted while the server is out of reach continues from its resume ticket: the section's time left is
     * the one at the last checkpoint, not the one the section had when the paper was opened.
     */
    @Test
    void anOfflineResumeKeepsTheSectionsTimeFromTheLastCheckpoint() throws Exception {
        ShiftedClock shared = kioskClock; // the server and the kiosk agree on the time, so heartbeats confirm it
        openTimedPaper(shared);
        onUi(() -> exam.choose("A"));
        onUi(() -> {
            shared.shift(Duration.ofMinutes(6));
            exam.tick();
        });
        String before = onUi(() -> exam.timeLeftProperty().get());
        assertTrue(before.startsWith("本部分剩余 03:5") || before.startsWith("本部分剩余 04:0"), before);
        // Wait for a heartbeat's checkpoint after the six minutes (heartbeats come every few seconds).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> kiosk.ticket(shared).remainingMillis()
                        < Duration.ofMinutes(25).toMillis());
        CompletableFuture.runAsync(exam::stop, ui).get(30, TimeUnit.SECONDS);

        exam = kiosk.resumeOffline(URI.create("https://127.0.0.1:9"), ui, shared)
                .get(60, TimeUnit.SECONDS);
        onUi(exam::tick);
        String shown = onUi(() -> exam.timeLeftProperty().get());
        // About 4 minutes of section A's 10 are left (the checkpoint may be a few seconds old); not 10 again.
        assertTrue(shown.startsWith("本部分剩余 03:5") || shown.startsWith("本部分剩余 04:0"), shown);
        assertEquals("A", onUi(() -> exam.answerTo("s1").choices().iterator().next()));
    }

    /**
     * Extra time given while the candidate is in a timed section lengthens that section on the server as on the kiosk:
     * the kiosk shows it once the heartbeat brings it, and keeps showing it (the server's section clock agrees).
     */
    @Test
    void extraTimeGivenInATimedSectionLengthensItOnTheKiosk() throws Exception {
        ShiftedClock shared = kioskClock;
        String number = openTimedPaper(shared);
        onUi(() -> exam.choose("A"));
        onUi(() -> {
            shared.shift(Duration.ofMinutes(8));
            exam.tick();
        });
        String before = onUi(() -> exam.timeLeftProperty().get());
        assertTrue(before.startsWith("本部分剩余 01:5") || before.startsWith("本部分剩余 02:0"), before);

        demo.proctor()
                .candidateAction(
                        kiosk.ticket(shared).sessionId(), number, "extra-time", new Messages.ExtraTime(5, "电脑死机"))
                .get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String shown = onUi(() -> {
                        exam.tick();
                        return exam.timeLeftProperty().get();
                    });
                    return shown.startsWith("本部分剩余 06:5") || shown.startsWith("本部分剩余 07:0");
                });
        // A heartbeat later (its reply is applied before the next checkpoint) it still shows the seven minutes.
        long beats = kiosk.ticket(shared).savedAt();
        await().atMost(Duration.ofSeconds(30)).until(() -> kiosk.ticket(shared).savedAt() > beats);
        onUi(exam::tick);
        String after = onUi(() -> exam.timeLeftProperty().get());
        assertTrue(after.startsWith("本部分剩余 06:5") || after.startsWith("本部分剩余 07:0"), after);
    }

    /** The latest stored entry per id (questions and move events) for the candidate. */
    private Map<String, String> stored(String candidateNumber) throws Exception {
        Map<String, String> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT a.item_id, a.choices FROM answers a JOIN candidates c"
                        + " ON c.id = a.candidate_id WHERE c.candidate_number = '" + candidateNumber
                        + "' ORDER BY a.sequence")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getString(2));
            }
        }
        return stored;
    }

    private static SingleChoiceItem single(String id) {
        return new SingleChoiceItem(
                id,
                LocalizedText.of("题 " + id, "Question " + id),
                List.of(
                        new ChoiceOption("A", LocalizedText.of("甲", "A")),
                        new ChoiceOption("B", LocalizedText.of("乙", "B"))),
                "A",
                1,
                List.of(),
                ItemInfo.NONE);
    }

    private <T> T onUi(Callable<T> work) throws Exception {
        return ScriptedKiosk.call(ui, work).get(30, TimeUnit.SECONDS);
    }

    private void onUi(Runnable work) throws Exception {
        CompletableFuture.runAsync(work, ui).get(30, TimeUnit.SECONDS);
    }
}

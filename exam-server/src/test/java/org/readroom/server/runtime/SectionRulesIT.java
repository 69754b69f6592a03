package org.readroom.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.journal.AnswerChain;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.PaperSection;
import org.readroom.core.paper.navigation.Moves;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.CreatedSession;
import org.readroom.core.protocol.Messages.ExtraTime;
import org.readroom.core.protocol.Messages.Heartbeat;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.NewSession;
import org.readroom.core.protocol.Messages.SectionClock;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.text.LocalizedText;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.bank.BankStore;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.schedule.ScheduleStore;

/**
 * Section rules against a real server whose clock the test moves: a timed section closes when its own time is over
 * (a pause stops it), its time starts at the candidate's first entry, and an irreversible section refuses changes once
 * the candidate moved on, whatever the client sends.
 */
class SectionRulesIT {

    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(T0);
    private Vertx vertx;
    private StaffApi proctor;
    private long session;
    private String number;
    private KioskApi candidate;
    private String head;
    private long sequence;

    /**
     * Paper "timed" (30 minutes): section A (s1, s2) has 10 minutes of its own; section B (s3) has 5 and is
     * irreversible; section C (s4) has no limit of its own.
     */
    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        ExamServer server = new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), clock);
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        Paper paper = new Paper(
                "timed",
                LocalizedText.of("分部计时", "Timed sections"),
                30,
                List.of(single("s1"), single("s2"), single("s3"), single("s4")),
                List.of(
                        new PaperSection("A", LocalizedText.of("甲", "A"), List.of("s1", "s2"), 10, false, null, true),
                        new PaperSection("B", LocalizedText.of("乙", "B"), List.of("s3"), 5, true, null, true),
                        new PaperSection("C", LocalizedText.of("丙", "C"), List.of("s4"), null, false, null, true)));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"))) {
            BankStore.insertPaper(db, paper);
        }
        PinnedTrust trust = PinnedTrust.fromFile(server.tls().caCertificate());
        StaffApi admin = new StaffApi(new ServerConnection(server.localUri(), trust));
        get(admin.login(new StaffLoginRequest(DemoExam.ADMIN_USER, DemoExam.ADMIN_PASSWORD)));
        get(admin.buildPackage("timed"));
        CreatedSession created = get(
                admin.createSession(new NewSession("timed", "分部计时", "Timed sections", "Lab 2", 1, "TS", "ts-code")));
        session = created.sessionId();
        number = ScheduleStore.number(created.numberStem(), 1);
        candidate = new KioskApi(new ServerConnection(server.localUri(), trust));
        get(candidate.login(new LoginRequest(number, "ts-code")));
        proctor = new StaffApi(new ServerConnection(server.localUri(), trust));
        get(proctor.login(new StaffLoginRequest(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD)));
        get(proctor.startSession(session));
        get(candidate.start());
        head = AnswerChain.genesis(session, number);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aTimedSectionClosesWhenItsOwnTimeIsOverAndAPauseStopsIt() throws Exception {
        save("s1", "A");
        assertEquals(Map.of("A", Duration.ofMinutes(10).toMillis()), sections());

        // Section A's ten minutes (and the grace for answers in flight) are over: s2 can no longer change.
        clock.advance(Duration.ofMinutes(10).plusSeconds(31));
        assertEquals(ErrorCode.SECTION_TIME_OVER, refused("s2", "A"));
        assertEquals(0L, sections().get("A"));

        // Section B's own time starts when the candidate enters it, not at the start of the exam.
        save(Moves.eventId("s3"), null);
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Duration.ofMinutes(3).toMillis(), sections().get("B"));

        // A pause stops the section's clock with the exam's.
        get(proctor.roomAction(session, "pause", null));
        clock.advance(Duration.ofMinutes(20));
        get(proctor.roomAction(session, "resume", null));
        assertEquals(Duration.ofMinutes(3).toMillis(), sections().get("B"));
        save("s3", "B");

        clock.advance(Duration.ofMinutes(3).plusSeconds(31));
        assertEquals(ErrorCode.SECTION_TIME_OVER, refused("s3", "B"));
        assertEquals(0L, sections().get("B"));
        save("s4", "A"); // section C has no limit of its own
        assertEquals(
                Set.of("s1", "s3", "s4"),
                get(candidate.sitting()).answers().stream()
                        .map(a -> a.itemId())
                        .filter(id -> !Moves.isMove(id))
                        .collect(Collectors.toSet()),
                "the late changes to s2 and s3 are kept in the record but not counted");
        assertEquals(
                Set.of("A", "B"),
                get(candidate.sitting()).sections().stream()
                        .map(SectionClock::sectionId)
                        .collect(Collectors.toSet()));
    }

    @Test
    void extraTimeLengthensTheTimedSectionTheCandidateIsInButNotOneAlreadyOver() throws Exception {
        save("s1", "A");
        clock.advance(Duration.ofMinutes(8));
        assertEquals(Duration.ofMinutes(2).toMillis(), sections().get("A"));

        // Five minutes for this candidate, given in section A (the kiosk froze, say): A has them too.
        get(proctor.candidateAction(session, number, "extra-time", new ExtraTime(5, "电脑死机")));
        assertEquals(Duration.ofMinutes(7).toMillis(), sections().get("A"));
        clock.advance(Duration.ofMinutes(6));
        save("s2", "A"); // 14 minutes into a 10-minute section, and counted
        clock.advance(Duration.ofMinutes(1).plusSeconds(31));
        assertEquals(ErrorCode.SECTION_TIME_OVER, refused("s2", "B"));

        // Three minutes for the room while the candidate is in section B: B has them; A, already over, stays over.
        save(Moves.eventId("s3"), null);
        clock.advance(Duration.ofMinutes(1));
        get(proctor.roomAction(session, "extra-time", new ExtraTime(3, "火警")));
        assertEquals(Duration.ofMinutes(7).toMillis(), sections().get("B"));
        assertEquals(0L, sections().get("A"));
        assertEquals(ErrorCode.SECTION_TIME_OVER, refused("s1", "B"));
        clock.advance(Duration.ofMinutes(6));
        save("s3", "A");
    }

    @Test
    void anIrreversibleSectionRefusesChangesOnceTheCandidateMovedOn() throws Exception {
        save(Moves.eventId("s3"), null);
        save("s3", "A");
        save(Moves.eventId("s4"), null);
        assertEquals(ErrorCode.SECTION_CLOSED, refused("s3", "B"));
        assertEquals(ErrorCode.SECTION_CLOSED, refused(Moves.eventId("s3"), null));
        save("s1", "B"); // section A is not irreversible and still has time
    }

    private void save(String itemId, String choice) throws Exception {
        AnswerSave change = change(itemId, choice);
        assertNull(get(candidate.save(change)).notCounted(), itemId + " counts");
        head = change.hash();
        sequence++;
    }

    /** Sends a change the rules refuse: it is stored (the chain goes on) but not counted, for the reason returned. */
    private ErrorCode refused(String itemId, String choice) throws Exception {
        AnswerSave change = change(itemId, choice);
        ErrorCode notCounted = get(candidate.save(change)).notCounted();
        head = change.hash();
        sequence++;
        return notCounted;
    }

    private AnswerSave change(String itemId, String choice) {
        Set<String> choices = choice == null ? Set.of() : Set.of(choice);
        AnswerSave unhashed = new AnswerSave(sequence + 1, itemId, choices, "", null);
        return new AnswerSave(sequence + 1, itemId, choices, "", AnswerChain.next(head, unhashed));
    }

    private Map<String, Long> sections() throws Exception {
        return get(candidate.heartbeat(new Heartbeat(sequence, 0, List.of()))).sections().stream()
                .collect(Collectors.toMap(SectionClock::sectionId, SectionClock::remaining));
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

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }
}

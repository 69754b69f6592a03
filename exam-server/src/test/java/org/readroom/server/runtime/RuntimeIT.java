package org.readroom.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.journal.AnswerChain;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.ExamClock;
import org.readroom.core.protocol.Messages.ExtraTime;
import org.readroom.core.protocol.Messages.FeedUpdate;
import org.readroom.core.protocol.Messages.Heartbeat;
import org.readroom.core.protocol.Messages.HeartbeatReply;
import org.readroom.core.protocol.Messages.IrregularityReport;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.ProctorMessage;
import org.readroom.core.protocol.Messages.ResumeCode;
import org.readroom.core.protocol.Messages.ScreenLock;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.Messages.VoidRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.protocol.Wire;
import org.readroom.core.session.CandidateStatus;
import org.readroom.core.session.ResumeCodes;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;

/**
 * The runtime against a real server on loopback whose clock the test moves: extra time, pauses, the deadline and its
 * grace, late answers, moving to a spare kiosk, interruptions, the proctor's actions, audit and the live feed.
 */
class RuntimeIT {

    private static final long T0 = 1_800_000_000_000L;
    private static final long THIRTY_MINUTES = 30 * 60_000L;

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(T0);
    private Vertx vertx;
    private ExamServer server;
    private URI url;
    private PinnedTrust trust;
    private StaffApi proctor;
    private String proctorToken;
    private long session;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), clock);
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        url = server.localUri();
        trust = PinnedTrust.fromFile(server.tls().caCertificate());
        proctor = new StaffApi(new ServerConnection(url, trust));
        proctorToken = get(proctor.login(new StaffLoginRequest(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD)))
                .token();
        session = server.demo().sessionId();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void extraTimeAndARoomPauseMoveTheDeadlineAndThePausedClockStandsStill() throws Exception {
        Seat seat = seated(0);
        assertEquals(T0 + THIRTY_MINUTES, seat.clock().deadline());

        clock.advance(Duration.ofMinutes(10));
        get(proctor.roomAction(session, "pause", null));
        ExamClock paused = seat.beat().clock();
        assertTrue(paused.paused());
        assertEquals(CandidateStatus.PAUSED, paused.status());
        assertEquals(Duration.ofMinutes(20).toMillis(), paused.remaining());

        clock.advance(Duration.ofMinutes(5));
        assertEquals(Duration.ofMinutes(20).toMillis(), seat.beat().clock().remaining(), "nothing runs while paused");

        get(proctor.roomAction(session, "resume", null));
        ExamClock resumed = seat.beat().clock();
        assertFalse(resumed.paused());
        assertEquals(T0 + THIRTY_MINUTES + Duration.ofMinutes(5).toMillis(), resumed.deadline());

        get(proctor.candidateAction(session, seat.number(), "extra-time", new ExtraTime(7, "wheelchair access")));
        assertEquals(
                T0 + THIRTY_MINUTES + Duration.ofMinutes(12).toMillis(),
                seat.beat().clock().deadline());

        // The whole room gets time too, and one candidate can be paused alone.
        get(proctor.roomAction(session, "extra-time", new ExtraTime(3, "fire alarm")));
        get(proctor.candidateAction(session, seat.number(), "pause", null));
        clock.advance(Duration.ofMinutes(2));
        get(proctor.candidateAction(session, seat.number(), "resume", null));
        assertEquals(
                T0 + THIRTY_MINUTES + Duration.ofMinutes(17).toMillis(),
                seat.beat().clock().deadline());
        assertEquals(
                ErrorCode.BAD_REQUEST,
                errorOf(proctor.candidateAction(session, seat.number(), "extra-time", new ExtraTime(0, "typo"))));
        assertTrue(audited("extra time", "wheelchair access"));
        assertTrue(audited("pause room", "session " + session));
    }

    @Test
    void theServerClosesACandidateAtDeadlinePlusGraceAndRefusesLaterAnswers() throws Exception {
        Seat seat = seated(1);
        seat.save(DemoPaper.NODULE_ITEM, Set.of("A"));

        clock.advance(Duration.ofMillis(THIRTY_MINUTES + 10_000));
        seat.save(DemoPaper.NODULE_ITEM, Set.of("B")); // in flight at the deadline: within the grace
        assertEquals(0, get(server.sweepDeadlines()), "nobody is closed within the grace");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(
                ErrorCode.TIME_IS_OVER, errorOf(seat.api().save(seat.chain(DemoPaper.UNIT_ITEM, Set.of(), "late"))));
        assertEquals(1, get(server.sweepDeadlines()));
        assertEquals(CandidateStatus.SUBMITTED, seat.beat().clock().status());
        try (Connection db = database();
                Statement sql = db.createStatement();
                ResultSet row =
                        sql.executeQuery("SELECT closed_by, chain_head FROM candidates WHERE candidate_number = '"
                                + seat.number() + "'")) {
            row.next();
            assertEquals("deadline", row.getString(1));
            assertEquals(seat.head(), row.getString(2), "the head of every acknowledged answer is recorded");
        }
        assertEquals(
                ErrorCode.ALREADY_SUBMITTED, errorOf(seat.api().save(seat.chain(DemoPaper.UNIT_ITEM, Set.of(), "x"))));
    }

    @Test
    void aCandidateMovedToASpareKioskKeepsEveryAnswerAndTheClockStoodStill() throws Exception {
        Seat first = seated(2);
        first.save(DemoPaper.NODULE_ITEM, Set.of("C"));
        first.save(DemoPaper.WINDOW_ITEM, Set.of("A"));
        clock.advance(Duration.ofMinutes(4));
        get(proctor.candidateAction(session, first.number(), "move", null));

        // An answer still in flight from the kiosk being left is accepted until the candidate resumes elsewhere.
        first.save(DemoPaper.UNIT_ITEM, Set.of());
        assertEquals(ErrorCode.CANDIDATE_MOVED, errorOf(first.api().heartbeat(new Heartbeat(3, 0, List.of()))));

        clock.advance(Duration.ofMinutes(6)); // walking to the spare seat
        KioskApi spare = new KioskApi(new ServerConnection(url, trust));
        DemoExam.Credentials c = server.demo().candidates().get(2);
        get(spare.login(new LoginRequest(c.candidateNumber(), c.admissionCode())));
        ExamClock resumed = get(spare.start());
        assertEquals(CandidateStatus.SITTING, resumed.status());
        assertEquals(THIRTY_MINUTES - Duration.ofMinutes(4).toMillis(), resumed.remaining(), "the move cost no time");
        Sitting rebuilt = get(spare.sitting());
        assertEquals(3, rebuilt.lastSequence());
        assertEquals(first.head(), rebuilt.chainHead());
        assertEquals(
                ErrorCode.CANDIDATE_MOVED,
                errorOf(first.api().save(first.chain(DemoPaper.UNIT_ITEM, Set.of(), "old"))));
        assertTrue(audited("move to spare kiosk", c.candidateNumber()));
    }

    @Test
    void aCandidatePausedBeforeTheMoveIsStillPausedOnTheSpareKioskUntilTheProctorResumes() throws Exception {
        Seat seat = seated(1);
        clock.advance(Duration.ofMinutes(3));
        get(proctor.candidateAction(session, seat.number(), "pause", null));
        clock.advance(Duration.ofMinutes(2));
        get(proctor.candidateAction(session, seat.number(), "move", null));
        clock.advance(Duration.ofMinutes(4));

        KioskApi spare = new KioskApi(new ServerConnection(url, trust));
        DemoExam.Credentials c = server.demo().candidates().get(1);
        get(spare.login(new LoginRequest(c.candidateNumber(), c.admissionCode())));
        ExamClock onSpare = get(spare.start());
        assertEquals(CandidateStatus.PAUSED, onSpare.status(), "the proctor's pause outlives the move");
        assertTrue(onSpare.paused());
        assertEquals(THIRTY_MINUTES - Duration.ofMinutes(3).toMillis(), onSpare.remaining());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(
                THIRTY_MINUTES - Duration.ofMinutes(3).toMillis(),
                get(spare.clock()).remaining());

        get(proctor.candidateAction(session, seat.number(), "resume", null));
        ExamClock resumed = get(spare.clock());
        assertEquals(CandidateStatus.SITTING, resumed.status());
        assertEquals(T0 + THIRTY_MINUTES + Duration.ofMinutes(7).toMillis(), resumed.deadline());
    }

    @Test
    void aResumeCodeAnswersTheKiosksChallengeForTheCurrentSittingOnlyAndIsAudited() throws Exception {
        Seat seat = seated(0);
        byte[] secret = Base64.getDecoder().decode(get(seat.api().sitting()).resumeSecret());
        String challenge = ResumeCodes.challenge(new SecureRandom());

        ResumeCode code = get(proctor.resumeCode(session, seat.number(), challenge.toLowerCase()));
        assertEquals(ResumeCodes.display(challenge), code.challenge());
        assertTrue(ResumeCodes.accepts(secret, challenge, code.code()), "the kiosk accepts the proctor's response");
        assertTrue(audited("resume code", seat.number() + " challenge " + ResumeCodes.display(challenge)));
        assertFalse(audited("resume code", code.code()), "the response itself is never written down");

        assertEquals(ErrorCode.BAD_REQUEST, errorOf(proctor.resumeCode(session, seat.number(), "ABC")));
        assertEquals(ErrorCode.NOT_FOUND, errorOf(proctor.resumeCode(session, "nobody", challenge)));
        assertEquals(
                ErrorCode.FORBIDDEN,
                errorOf(new StaffApi(seat.connection()).resumeCode(session, seat.number(), challenge)),
                "a candidate cannot compute their own code");

        // Moved to a spare kiosk: the kiosk left behind can no longer be resumed with a fresh code.
        get(proctor.candidateAction(session, seat.number(), "move", null));
        ResumeCode afterMove = get(proctor.resumeCode(session, seat.number(), challenge));
        assertFalse(ResumeCodes.accepts(secret, challenge, afterMove.code()));
        KioskApi spare = new KioskApi(new ServerConnection(url, trust));
        DemoExam.Credentials c = server.demo().candidates().get(0);
        get(spare.login(new LoginRequest(c.candidateNumber(), c.admissionCode())));
        get(spare.start());
        byte[] spareSecret = Base64.getDecoder().decode(get(spare.sitting()).resumeSecret());
        assertTrue(ResumeCodes.accepts(spareSecret, challenge, afterMove.code()));

        get(proctor.candidateAction(session, seat.number(), "submit", null));
        assertEquals(ErrorCode.NOT_ALLOWED_NOW, errorOf(proctor.resumeCode(session, seat.number(), challenge)));
    }

    @Test
    void aHeartbeatGapIsSuggestedAsCreditAndAppliedOnlyWhenTheProctorAccepts() throws Exception {
        Seat seat = seated(3);
        seat.beat();
        clock.advance(Duration.ofSeconds(65)); // the link was down for about a minute
        seat.beat();
        var suggested = get(proctor.interruptions(session));
        assertEquals(1, suggested.size());
        assertEquals(60_000, suggested.get(0).creditMillis());
        assertEquals(T0 + THIRTY_MINUTES, seat.beat().clock().deadline(), "nothing changes before the proctor decides");

        get(proctor.decideInterruption(session, suggested.get(0).id(), true));
        assertEquals(T0 + THIRTY_MINUTES + 60_000, seat.beat().clock().deadline());
        assertEquals(
                ErrorCode.NOT_ALLOWED_NOW,
                errorOf(proctor.decideInterruption(session, suggested.get(0).id(), true)));
        assertTrue(audited("accept time credit", seat.number()));
    }

    @Test
    void messagesLockAndVoidReachTheKioskAndEveryActionIsAudited() throws Exception {
        Seat seat = seated(4);
        get(proctor.candidateAction(session, seat.number(), "message", new ProctorMessage("请保持安静")));
        get(proctor.roomAction(session, "message", new ProctorMessage("还有十五分钟")));
        get(proctor.candidateAction(session, seat.number(), "lock", new ScreenLock(true)));
        HeartbeatReply reply = seat.beat();
        assertEquals(List.of("还有十五分钟", "请保持安静"), reply.messages());
        assertTrue(reply.locked());
        assertTrue(seat.beat().messages().isEmpty(), "each message is shown once");

        get(proctor.roomAction(
                session, "irregularities", new IrregularityReport(seat.number(), "candidate", "手机放在桌上")));
        assertEquals(
                ErrorCode.BAD_REQUEST,
                errorOf(proctor.roomAction(session, "irregularities", new IrregularityReport(null, "weather", "x"))));
        assertEquals(
                ErrorCode.BAD_REQUEST,
                errorOf(proctor.candidateAction(session, seat.number(), "void", new VoidRequest(" "))));
        get(proctor.candidateAction(session, seat.number(), "void", new VoidRequest("携带手机作答")));
        assertEquals(
                ErrorCode.CANDIDATE_VOIDED, errorOf(seat.api().save(seat.chain(DemoPaper.UNIT_ITEM, Set.of(), "x"))));
        assertEquals(
                ErrorCode.NOT_ALLOWED_NOW, errorOf(proctor.candidateAction(session, seat.number(), "pause", null)));
        for (String action : List.of("message", "lock screen", "irregularity", "void")) {
            assertTrue(audited(action, seat.number()), action + " is in the audit log");
        }
        // A candidate's token cannot act as a proctor.
        StaffApi asCandidate = new StaffApi(seat.connection());
        assertEquals(ErrorCode.FORBIDDEN, errorOf(asCandidate.roomAction(session, "pause", null)));
    }

    @Test
    void theLiveFeedSendsTheSeatMapAndRefusesAnyoneButStaff() throws Exception {
        Seat seat = seated(5);
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newBuilder().sslContext(trust.sslContext()).build();
        URI feed = URI.create(url.toString().replace("https:", "wss:") + ApiPaths.feed(session));
        WebSocket socket = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + proctorToken)
                .buildAsync(feed, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.add(text.toString());
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                })
                .get(30, TimeUnit.SECONDS);
        FeedUpdate first = Wire.decode(received.poll(10, TimeUnit.SECONDS).getBytes(), FeedUpdate.class);
        assertEquals(6, first.roster().candidates().size());

        seat.beat(); // the kiosk reports in: an update follows within a second showing it connected
        boolean connected = false;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!connected && System.nanoTime() < until) {
            String message = received.poll(1, TimeUnit.SECONDS);
            if (message != null) {
                var row = Wire.decode(message.getBytes(), FeedUpdate.class).roster().candidates().stream()
                        .filter(r -> r.candidateNumber().equals(seat.number()))
                        .findFirst()
                        .orElseThrow();
                connected = row.connected() && row.status() == CandidateStatus.SITTING;
            }
        }
        assertTrue(connected, "the feed shows the seat connected and sitting");
        socket.abort();

        ExecutionException refused = assertThrows(ExecutionException.class, () -> http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + seat.token())
                .buildAsync(feed, new WebSocket.Listener() {})
                .get(30, TimeUnit.SECONDS));
        assertTrue(
                refused.getCause() instanceof WebSocketHandshakeException,
                refused.getCause().toString());
        assertEquals(
                401,
                ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    /** A candidate logged in, admitted by the start, with their clock running, and the answers they send. */
    private Seat seated(int index) throws Exception {
        DemoExam.Credentials c = server.demo().candidates().get(index);
        ServerConnection connection = new ServerConnection(url, trust);
        KioskApi api = new KioskApi(connection);
        var login = get(api.login(new LoginRequest(c.candidateNumber(), c.admissionCode())));
        get(proctor.startSession(session));
        ExamClock started = get(api.start());
        return new Seat(api, connection, c.candidateNumber(), login.token(), started, session);
    }

    private boolean audited(String action, String detailPart) throws Exception {
        try (Connection db = database();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT action, detail FROM audit_log")) {
            while (rows.next()) {
                if (rows.getString(1).equals(action) && rows.getString(2).contains(detailPart)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    private static <T> T get(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static ErrorCode errorOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        return ((ApiException) e.getCause()).error();
    }

    private static final class Seat {
        private final KioskApi api;
        private final ServerConnection connection;
        private final String number;
        private final String token;
        private final ExamClock clock;
        private String head;
        private long sequence;

        Seat(KioskApi api, ServerConnection connection, String number, String token, ExamClock clock, long session) {
            this.api = api;
            this.connection = connection;
            this.number = number;
            this.token = token;
            this.clock = clock;
            this.head = AnswerChain.genesis(session, number);
        }

        KioskApi api() {
            return api;
        }

        ServerConnection connection() {
            return connection;
        }

        String number() {
            return number;
        }

        String token() {
            return token;
        }

        ExamClock clock() {
            return clock;
        }

        String head() {
            return head;
        }

        HeartbeatReply beat() throws Exception {
            return get(api.heartbeat(new Heartbeat(sequence, 0, List.of())));
        }

        /** The next change, chained but not sent (and not counted). */
        AnswerSave chain(String itemId, Set<String> choices, String text) {
            AnswerSave unhashed = new AnswerSave(sequence + 1, itemId, choices, text, null);
            return new AnswerSave(sequence + 1, itemId, choices, text, AnswerChain.next(head, unhashed));
        }

        void save(String itemId, Set<String> choices) throws Exception {
            AnswerSave save = chain(itemId, choices, "");
            get(api.save(save));
            sequence++;
            head = save.hash();
        }
    }
}

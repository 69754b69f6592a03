package org.readroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.paper.navigation.Moves;
import org.readroom.core.protocol.ApiPaths;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.LoginResponse;
import org.readroom.core.protocol.Messages.SavedAnswer;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Messages.StaffLoginRequest;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.core.protocol.PinnedTrust;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.protocol.StaffApi;
import org.readroom.core.session.CandidateStatus;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;

/** The exam server for real: Vert.x on a loopback port, a SQLite file in a temp folder, the real migrations. */
class ExamServerIT {

    @TempDir
    Path data;

    private Vertx vertx;
    private ExamServer server;
    private URI url;
    private PinnedTrust trust;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        startServer();
    }

    private void startServer() throws Exception {
        server = new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), Clock.systemUTC());
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        url = server.localUri();
        trust = PinnedTrust.fromFile(server.tls().caCertificate());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private KioskApi loggedIn(int candidate) throws Exception {
        DemoExam.Credentials c = server.demo().candidates().get(candidate);
        KioskApi api = new KioskApi(new ServerConnection(url, trust));
        get(api.login(new LoginRequest(c.candidateNumber(), c.admissionCode())));
        return api;
    }

    /** Logs the candidate in, has the proctor start the session (admitting everyone logged in), opens the paper. */
    private KioskApi sitting(int candidate) throws Exception {
        KioskApi api = loggedIn(candidate);
        startSession();
        get(api.start());
        return api;
    }

    private void startSession() throws Exception {
        StaffApi proctor = new StaffApi(new ServerConnection(url, trust));
        get(proctor.login(new StaffLoginRequest(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD)));
        get(proctor.startSession(server.demo().sessionId()));
    }

    private ChainedAnswers chain(int candidate) {
        return new ChainedAnswers(
                server.demo().sessionId(),
                server.demo().candidates().get(candidate).candidateNumber());
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    private static ErrorCode errorOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        return ((ApiException) e.getCause()).error();
    }

    @Test
    void wrongAdmissionCodeIsRefusedAsLoginFailed() {
        KioskApi api = new KioskApi(new ServerConnection(url, trust));
        assertEquals(ErrorCode.LOGIN_FAILED, errorOf(api.login(new LoginRequest("2026001", "000000"))));
        assertEquals(ErrorCode.LOGIN_FAILED, errorOf(api.login(new LoginRequest("9999999", "314159"))));
    }

    @Test
    void aCandidateCannotReadTheProctorsRoster() throws Exception {
        ServerConnection connection = new ServerConnection(url, trust);
        KioskApi api = new KioskApi(connection);
        DemoExam.Credentials c = server.demo().candidates().get(1);
        get(api.login(new LoginRequest(c.candidateNumber(), c.admissionCode())));
        StaffApi asCandidate = new StaffApi(connection);
        assertEquals(
                ErrorCode.FORBIDDEN, errorOf(asCandidate.roster(server.demo().sessionId())));
        assertEquals(
                ErrorCode.NOT_AUTHENTICATED,
                errorOf(new StaffApi(new ServerConnection(url, trust))
                        .roster(server.demo().sessionId())));
    }

    @Test
    void theSittingComesAfterTheStartAndNamesThePackageWhileImagesAreRefusedToCandidates() throws Exception {
        DemoExam.Credentials c = server.demo().candidates().get(0);
        KioskApi api = new KioskApi(new ServerConnection(url, trust));
        LoginResponse login = get(api.login(new LoginRequest(c.candidateNumber(), c.admissionCode())));
        assertEquals(DemoExam.PAPER_ID, login.paperId());
        assertTrue(login.packageId() != null && !login.packageId().isBlank(), "the demo paper is packaged");
        assertEquals(ErrorCode.NOT_STARTED, errorOf(api.sitting()));
        assertEquals(ErrorCode.NOT_ADMITTED, errorOf(api.start()), "no clock before the proctor starts or admits");
        startSession();
        get(api.start());
        Sitting sitting = get(api.sitting());
        assertEquals(login.packageId(), sitting.packageId());
        assertEquals(DemoExam.PAPER_ID, sitting.paperId());

        // The paper's images travel only inside the package: a candidate's token does not fetch them.
        String slice = server.bank().paper(DemoExam.PAPER_ID).await().items().stream()
                .flatMap(i -> i.images().stream())
                .findFirst()
                .orElseThrow()
                .sliceAssets()
                .get(0);
        HttpResponse<String> asset = HttpClient.newBuilder()
                .sslContext(trust.sslContext())
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(url + ApiPaths.ASSETS + slice))
                                .header("Authorization", "Bearer " + login.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(403, asset.statusCode(), asset.body());
        assertTrue(asset.body().contains(ErrorCode.FORBIDDEN.code()), asset.body());
    }

    @Test
    void resentAnswersAreAcknowledgedOnceAndAConflictingResendIsRefused() throws Exception {
        KioskApi api = sitting(0);
        ChainedAnswers chain = chain(0);
        String genesis = chain.head();
        AnswerSave first = chain.next(1, DemoPaper.UNIT_ITEM, Set.of(), "HU");
        get(api.save(first));
        get(api.save(first));
        assertEquals(
                ErrorCode.SEQUENCE_CONFLICT,
                errorOf(api.save(ChainedAnswers.chained(genesis, 1, DemoPaper.UNIT_ITEM, Set.of(), "mm"))));
        assertEquals(
                ErrorCode.UNKNOWN_ITEM,
                errorOf(api.save(ChainedAnswers.chained(first.hash(), 2, "no-such-item", Set.of(), "x"))));
        Sitting paper = get(api.sitting());
        assertEquals(1, paper.lastSequence());
        assertEquals("HU", paper.answers().get(0).text());
        assertEquals(first.hash(), paper.chainHead());
    }

    @Test
    void submitScoresObjectiveItemsAndQueuesTheShortAnswerBlind() throws Exception {
        KioskApi api = sitting(2);
        ChainedAnswers chain = chain(2);
        get(api.save(chain.next(1, DemoPaper.NODULE_ITEM, Set.of("A"), "")));
        get(api.save(chain.next(2, DemoPaper.UNIT_ITEM, Set.of(), "ｈｕ")));
        get(api.save(chain.next(3, DemoPaper.WINDOW_ITEM, Set.of("A"), "")));
        get(api.save(chain.next(4, DemoPaper.REPORT_ITEM, Set.of(), "右肺结节")));
        var response = get(api.submit(new SubmitRequest(4, chain.head())));
        assertEquals(4, response.answered());
        assertEquals(DemoPaper.questionCount(), response.total());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement sql = db.createStatement()) {
            assertEquals(
                    3.0,
                    single(
                            sql,
                            "SELECT SUM(awarded) FROM item_scores s JOIN candidates c ON c.id = s.candidate_id"
                                    + " WHERE c.candidate_number = '2026003'"));
            assertEquals(
                    "SUBMITTED", singleText(sql, "SELECT status FROM candidates WHERE candidate_number = '2026003'"));
            String script = singleText(sql, "SELECT script_number || '|' || answer_text FROM marking_queue");
            assertTrue(script.endsWith("|右肺结节"), script);
            assertFalse(script.contains("李娜"), "marking queue must not carry the name: " + script);
            assertEquals(1.0, single(sql, "SELECT COUNT(*) FROM reports"));
        }
        assertEquals(ErrorCode.ALREADY_SUBMITTED, errorOf(api.save(chain.next(5, DemoPaper.UNIT_ITEM, Set.of(), "x"))));
        assertEquals(ErrorCode.ALREADY_SUBMITTED, errorOf(api.submit(new SubmitRequest(4, chain.head()))));
    }

    @Test
    void theRosterShowsLiveStatusToTheProctor() throws Exception {
        KioskApi api = sitting(0);
        get(api.save(chain(0).next(1, DemoPaper.NODULE_ITEM, Set.of("B"), "")));
        StaffApi proctor = new StaffApi(new ServerConnection(url, trust));
        get(proctor.login(new StaffLoginRequest(DemoExam.PROCTOR_USER, DemoExam.PROCTOR_PASSWORD)));
        var roster = get(proctor.roster(server.demo().sessionId()));
        assertEquals(6, roster.candidates().size());
        var first = roster.candidates().get(0);
        assertEquals(CandidateStatus.SITTING, first.status());
        assertEquals(1, first.answered());
        assertEquals(CandidateStatus.REGISTERED, roster.candidates().get(1).status());
        assertEquals(
                ErrorCode.LOGIN_FAILED,
                errorOf(new StaffApi(new ServerConnection(url, trust))
                        .login(new StaffLoginRequest("proctor", "wrong"))));
    }

    @Test
    void malformedJsonGetsTheErrorEnvelopeAndNoStackTrace() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(trust.sslContext()).build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + ApiPaths.KIOSK_LOGIN))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"candidateNumber\": "))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("\"code\":\"RR-1000\""), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("at org."), response.body());
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/nowhere")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("RR-1200"), missing.body());
    }

    @Test
    void aReplayingClientCannotOpenALaterCaseStepEarlyOrChangeALockedOne() throws Exception {
        KioskApi api = sitting(1);
        ChainedAnswers chain = chain(1);
        String step1 = DemoPaper.CASE_DIAGNOSIS_ITEM;
        String step2 = DemoPaper.CASE_FOLLOW_UP_ITEM;
        // A change the paper's rules refuse is kept in the record (the chain carries on) but not counted.
        assertEquals(
                ErrorCode.STEP_NOT_OPEN,
                get(api.save(chain.next(1, step2, Set.of("T"), ""))).notCounted(),
                "step 2 of the A4 case opens once step 1 is answered");
        AnswerSave early = chain.next(2, Moves.eventId(step2), Set.of(), "");
        assertEquals(ErrorCode.STEP_NOT_OPEN, get(api.save(early)).notCounted());
        assertEquals(ErrorCode.STEP_NOT_OPEN, get(api.save(early)).notCounted(), "a resend gets the same answer");
        assertNull(get(api.save(chain.next(3, step1, Set.of("B"), ""))).notCounted());
        get(api.save(chain.next(4, step1, Set.of("A"), "")));
        get(api.save(chain.next(5, Moves.eventId(step2), Set.of(), "")));
        assertEquals(
                ErrorCode.QUESTION_LOCKED,
                get(api.save(chain.next(6, step1, Set.of("C"), ""))).notCounted(),
                "step 1 was answered and left");
        assertEquals(
                ErrorCode.BAD_REQUEST,
                errorOf(api.save(ChainedAnswers.chained(chain.head(), 7, Moves.eventId(step1), Set.of("C"), ""))),
                "a move event carries no answer");
        get(api.save(chain.next(7, Moves.eventId(step1), Set.of(), "")));
        assertNull(get(api.save(chain.next(8, step2, Set.of("T"), ""))).notCounted());

        // The rules come from the stored record, so a restarted server refuses the same change.
        vertx.undeploy(vertx.deploymentIDs().iterator().next())
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        startServer();
        KioskApi again = loggedIn(1);
        assertEquals(
                ErrorCode.QUESTION_LOCKED,
                get(again.save(chain.next(9, step1, Set.of("C"), ""))).notCounted());
        get(again.save(chain.next(10, DemoPaper.UNIT_ITEM, Set.of(), "HU")));
        assertEquals(
                ErrorCode.QUESTION_LOCKED,
                get(again.save(chain.next(11, step2, Set.of("F"), ""))).notCounted(),
                "step 2 was left for another question");
        Map<String, Set<String>> counted = get(again.sitting()).answers().stream()
                .collect(Collectors.toMap(SavedAnswer::itemId, SavedAnswer::choices));
        assertEquals(Set.of("A"), counted.get(step1), "the locked answer stands");
        assertEquals(Set.of("T"), counted.get(step2));
        var handedIn = get(again.submit(new SubmitRequest(11, chain.head())));
        assertEquals(3, handedIn.answered(), "move events and uncounted changes are not answers");
    }

    @Test
    void aRestartedServerStillHasEveryAcknowledgedAnswer() throws Exception {
        KioskApi api = sitting(0);
        ChainedAnswers chain = chain(0);
        for (int i = 1; i <= 20; i++) {
            get(api.save(chain.next(i, DemoPaper.REPORT_ITEM, Set.of(), "draft " + i)));
        }
        vertx.undeploy(vertx.deploymentIDs().iterator().next())
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        startServer();
        Sitting paper = get(loggedIn(0).sitting());
        assertEquals(20, paper.lastSequence());
        assertEquals("draft 20", paper.answers().get(0).text());
    }

    @Test
    void theAuditLogRefusesEditsAndDeletes() throws Exception {
        loggedIn(0);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement sql = db.createStatement()) {
            assertTrue(single(sql, "SELECT COUNT(*) FROM audit_log WHERE action = 'login'") >= 1);
            assertThrows(SQLException.class, () -> sql.executeUpdate("UPDATE audit_log SET actor = 'x'"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM audit_log"));
        }
    }

    private static double single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getDouble(1);
        }
    }

    private static String singleText(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}

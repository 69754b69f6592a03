package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.journal.AnswerJournal;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.kiosk.sync.AnswerSync;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;

/**
 * {@code readroom journal verify} on a data folder a real server wrote: one candidate answered and handed in, another
 * is still sitting. Each test that tampers works on its own copy of the database.
 */
class JournalVerifyIT {

    @TempDir
    static Path data;

    @TempDir
    Path copy;

    private static long session;
    private static String handedIn;
    private static String handedInHead;
    private static String sitting;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void oneCandidateHandsInFiveAnswersAnotherIsStillSitting() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (DemoServer demo = DemoServer.start(data)) {
            session = demo.server().demo().sessionId();
            DemoExam.Credentials first = demo.server().demo().candidates().get(0);
            DemoExam.Credentials second = demo.server().demo().candidates().get(1);
            KioskApi firstKiosk = loggedIn(demo, first);
            KioskApi secondKiosk = loggedIn(demo, second);
            demo.proctor().startSession(session).get(30, TimeUnit.SECONDS); // admits both logged-in candidates

            AnswerSync firstSync = sitting(firstKiosk, scheduler, "first");
            firstSync.save(DemoPaper.NODULE_ITEM, Set.of("B"), "");
            firstSync.save(DemoPaper.REPORT_ITEM, Set.of(), "右肺上叶结节，建议随访");
            firstSync.save(DemoPaper.WINDOW_ITEM, Set.of("A", "C"), "");
            firstSync.save(DemoPaper.NODULE_ITEM, Set.of("C"), "");
            firstSync.save(DemoPaper.UNIT_ITEM, Set.of(), "HU");
            firstSync.drained().get(30, TimeUnit.SECONDS);
            firstKiosk
                    .submit(new SubmitRequest(firstSync.lastSequence(), firstSync.chainHead()))
                    .get(30, TimeUnit.SECONDS);

            AnswerSync secondSync = sitting(secondKiosk, scheduler, "second");
            secondSync.save(DemoPaper.NODULE_ITEM, Set.of("A"), "");
            secondSync.save(DemoPaper.UNIT_ITEM, Set.of(), "mm");
            secondSync.drained().get(30, TimeUnit.SECONDS);

            handedIn = first.candidateNumber();
            handedInHead = firstSync.chainHead();
            sitting = second.candidateNumber();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static KioskApi loggedIn(DemoServer demo, DemoExam.Credentials candidate) throws Exception {
        KioskApi api = new KioskApi(new ServerConnection(
                URI.create("https://127.0.0.1:" + demo.server().port()), demo.trust()));
        api.login(new LoginRequest(candidate.candidateNumber(), candidate.admissionCode()))
                .get(30, TimeUnit.SECONDS);
        return api;
    }

    private static AnswerSync sitting(KioskApi api, ScheduledExecutorService scheduler, String journal)
            throws Exception {
        api.start().get(30, TimeUnit.SECONDS);
        Sitting fresh = api.sitting().get(30, TimeUnit.SECONDS);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return new AnswerSync(
                api,
                fresh.lastSequence(),
                fresh.chainHead(),
                AnswerJournal.open(data.resolve("kiosk").resolve(journal + ".rrj"), key),
                scheduler,
                (state, pending, acknowledged, rejection) -> {});
    }

    private int verify(Path folder, String... more) {
        out.reset();
        err.reset();
        String[] args = new String[4 + more.length];
        args[0] = "journal";
        args[1] = "verify";
        args[2] = "--data";
        args[3] = folder.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    /** A consistent copy of the database in this test's own folder, changed by {@code tamper} with plain SQL. */
    private Path tampered(String tamper, Object... parameters) throws SQLException {
        Path database = copy.resolve("readroom.db");
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: the shared folder stays as the server left it
        try (Connection original = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"), readOnly);
                PreparedStatement vacuum = original.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, database.toString());
            vacuum.execute();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                PreparedStatement change = connection.prepareStatement(tamper)) {
            for (int i = 0; i < parameters.length; i++) {
                change.setObject(i + 1, parameters[i]);
            }
            assertTrue(change.executeUpdate() > 0, "the tampering changed nothing: " + tamper);
        }
        return copy;
    }

    private static final String OF_HANDED_IN = " candidate_id = (SELECT id FROM candidates WHERE candidate_number = ?)";

    @Test
    void theHandedInRecordVerifiesUpToTheHeadRecordedAtHandIn() {
        assertEquals(0, verify(data, "--candidate", handedIn), printed());
        assertEquals(
                "OK candidate " + handedIn + " (session " + session + "): 5 answers, chain head " + handedInHead
                        + ", recorded at hand-in",
                out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(0, verify(data, "--candidate", handedIn, "--session", Long.toString(session)), printed());
    }

    @Test
    void aCandidateStillSittingVerifiesItsLinksAndSaysNoHeadIsRecordedYet() {
        assertEquals(0, verify(data, "--candidate", sitting), printed());
        assertTrue(
                printed().startsWith("OK candidate " + sitting + " (session " + session + "): 2 answers"), printed());
        assertTrue(printed().contains("not handed in yet: no head recorded"), printed());
    }

    @Test
    void anAnswerEditedAfterItWasStoredIsNamedByItsSequence() throws Exception {
        Path folder = tampered("UPDATE answers SET text = 'tampered' WHERE sequence = 2 AND" + OF_HANDED_IN, handedIn);
        assertEquals(1, verify(folder, "--candidate", handedIn), printed());
        assertEquals(
                "BROKEN candidate " + handedIn + " (session " + session + "): the record differs from what was chained"
                        + " at sequence 2 (answer changed, removed or reordered after it was stored)",
                out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void theLastAnswerRemovedAfterHandInIsCaughtByTheRecordedHead() throws Exception {
        Path folder = tampered("DELETE FROM answers WHERE sequence = 5 AND" + OF_HANDED_IN, handedIn);
        assertEquals(1, verify(folder, "--candidate", handedIn), printed());
        assertTrue(printed().startsWith("BROKEN candidate " + handedIn), printed());
        assertTrue(printed().contains("chain head differs from the one recorded at hand-in"), printed());
        assertTrue(printed().contains(handedInHead), "the recorded head is shown: " + printed());
    }

    @Test
    void anAnswerRemovedFromTheMiddleIsNamedAsMissing() throws Exception {
        Path folder = tampered("DELETE FROM answers WHERE sequence = 3 AND" + OF_HANDED_IN, handedIn);
        assertEquals(1, verify(folder, "--candidate", handedIn), printed());
        assertTrue(printed().contains("BROKEN") && printed().contains("sequence 3 is missing"), printed());
    }

    @Test
    void twoAnswersSwappedAreFoundAtTheFirstOfThem() throws Exception {
        Path folder = tampered(
                "UPDATE answers SET item_id = CASE sequence WHEN 3 THEN ? ELSE ? END, choices = CASE sequence"
                        + " WHEN 3 THEN 'C' ELSE 'A,C' END WHERE sequence IN (3, 4) AND" + OF_HANDED_IN,
                DemoPaper.NODULE_ITEM,
                DemoPaper.WINDOW_ITEM,
                handedIn);
        assertEquals(1, verify(folder, "--candidate", handedIn), printed());
        assertTrue(printed().contains("BROKEN") && printed().contains("at sequence 3"), printed());
    }

    @Test
    void mistakesGetOneClearSentenceAndTheRightExitStatus() {
        Path nowhere = copy.resolve("no-such-folder");
        assertEquals(1, verify(nowhere, "--candidate", handedIn));
        assertEquals(
                "readroom journal: " + nowhere.resolve("readroom.db") + " not found (give the exam server's --data"
                        + " folder)",
                err.toString(StandardCharsets.UTF_8).strip());
        assertFalse(printed().contains("Exception"), "no stack trace: " + printed());

        assertEquals(1, verify(data, "--candidate", "1999999"));
        assertEquals(
                "readroom journal: no candidate 1999999 in " + data.resolve("readroom.db"),
                err.toString(StandardCharsets.UTF_8).strip());

        assertEquals(1, verify(data, "--candidate", handedIn, "--session", "999"));
        assertTrue(printed().contains("no candidate " + handedIn + " in session 999"), printed());

        assertEquals(2, verify(data), printed());
        assertTrue(printed().contains("verify needs --candidate NUMBER"), printed());
        assertEquals(2, verify(data, "--candidate", handedIn, "--session", "latest"), printed());
        assertTrue(printed().contains("--session must be a session number, was: latest"), printed());
    }

    @Test
    void aFileThatIsNotAReadRoomDatabaseIsRefusedInOneSentence() throws Exception {
        Files.writeString(copy.resolve("readroom.db"), "not a database");
        assertEquals(1, verify(copy, "--candidate", handedIn));
        String printed = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(printed.startsWith("readroom journal: cannot read "), printed);
        assertEquals(1, printed.lines().count(), printed);
    }

    @Test
    void aDatabaseFromBeforeAnswersWereChainedIsRefusedWithTheReason() throws Exception {
        Path folder = tampered("DELETE FROM schema_version WHERE version >= 4");
        assertEquals(1, verify(folder, "--candidate", handedIn));
        assertEquals(
                "readroom journal: " + folder.resolve("readroom.db") + " predates hash-chained answers (schema"
                        + " version 3); start the exam server on it once to bring it up to date",
                err.toString(StandardCharsets.UTF_8).strip());
    }
}

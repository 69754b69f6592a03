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
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.protocol.KioskApi;
import org.readroom.core.protocol.Messages.LoginRequest;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Messages.SubmitRequest;
import org.readroom.core.protocol.ServerConnection;
import org.readroom.core.session.ResumeCodes;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.runtime.ResumeKey;

/**
 * {@code readroom resume-code} on a data folder a real server wrote and then left: one candidate is sitting, one
 * handed in, the rest never logged in. The code it prints must be the one the sitting candidate's kiosk accepts with
 * the secret the server gave it.
 */
class ResumeCodeCommandIT {

    @TempDir
    static Path data;

    @TempDir
    Path copy;

    private static long session;
    private static String sitting;
    private static byte[] sittingSecret;
    private static String handedIn;
    private static byte[] handedInSecret;
    private static String registered;

    private static final Pattern SUCCESS =
            Pattern.compile("Resume code for candidate (\\S+) \\(session (\\d+)\\), challenge (\\S+): (\\S+)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void oneCandidateSitsAnotherHandsInThenTheServerGoesDown() throws Exception {
        try (DemoServer demo = DemoServer.start(data)) {
            session = demo.server().demo().sessionId();
            DemoExam.Credentials first = demo.server().demo().candidates().get(0);
            DemoExam.Credentials second = demo.server().demo().candidates().get(1);
            KioskApi firstKiosk = loggedIn(demo, first);
            KioskApi secondKiosk = loggedIn(demo, second);
            demo.proctor().startSession(session).get(30, TimeUnit.SECONDS); // admits both logged-in candidates

            sittingSecret = secretOf(opened(firstKiosk));
            Sitting secondSitting = opened(secondKiosk);
            handedInSecret = secretOf(secondSitting);
            secondKiosk
                    .submit(new SubmitRequest(secondSitting.lastSequence(), secondSitting.chainHead()))
                    .get(30, TimeUnit.SECONDS);

            sitting = first.candidateNumber();
            handedIn = second.candidateNumber();
            registered = demo.server().demo().candidates().get(2).candidateNumber();
        }
        // From here on the server is down: the command works from its data folder alone.
    }

    private static KioskApi loggedIn(DemoServer demo, DemoExam.Credentials candidate) throws Exception {
        KioskApi api = new KioskApi(new ServerConnection(
                URI.create("https://127.0.0.1:" + demo.server().port()), demo.trust()));
        api.login(new LoginRequest(candidate.candidateNumber(), candidate.admissionCode()))
                .get(30, TimeUnit.SECONDS);
        return api;
    }

    /** Opens the paper: the candidate is then sitting, and the kiosk gets the sitting with its resume secret. */
    private static Sitting opened(KioskApi api) throws Exception {
        api.start().get(30, TimeUnit.SECONDS);
        return api.sitting().get(30, TimeUnit.SECONDS);
    }

    private static byte[] secretOf(Sitting sitting) {
        return Base64.getDecoder().decode(sitting.resumeSecret());
    }

    private int resumeCode(Path folder, String... more) {
        List<String> args = new ArrayList<>(List.of("resume-code", "--data", folder.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        int status = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertNoStackTrace();
        return status;
    }

    private void assertNoStackTrace() {
        assertFalse(printed().contains("Exception"), "no stack trace: " + printed());
        assertFalse(printed().contains("\tat "), "no stack trace: " + printed());
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    /** The code from the one success line, after checking the line names this candidate, session and challenge. */
    private String printedCode(String candidate, long inSession, String challenge) {
        String line = out.toString(StandardCharsets.UTF_8).strip();
        Matcher success = SUCCESS.matcher(line);
        assertTrue(success.matches(), "one success line: " + printed());
        assertEquals(candidate, success.group(1), line);
        assertEquals(Long.toString(inSession), success.group(2), line);
        assertEquals(ResumeCodes.display(challenge), success.group(3), line);
        assertTrue(success.group(4).matches("[0-9A-Z]{4}-[0-9A-Z]{4}"), "shown as XXXX-XXXX: " + line);
        return success.group(4);
    }

    @Test
    void thePrintedCodeIsTheOneTheSittingCandidatesKioskAccepts() {
        String challenge = ResumeCodes.challenge(new SecureRandom());
        assertEquals(
                0, resumeCode(data, "--candidate", sitting, "--challenge", ResumeCodes.display(challenge)), printed());
        String code = printedCode(sitting, session, challenge);
        assertTrue(ResumeCodes.accepts(sittingSecret, challenge, code), code);
        // The check can tell a wrong code: the same challenge under another candidate's secret, or another challenge.
        assertFalse(ResumeCodes.accepts(handedInSecret, challenge, code), code);
        assertFalse(ResumeCodes.accepts(sittingSecret, ResumeCodes.challenge(new SecureRandom()), code), code);
        assertEquals("", err.toString(StandardCharsets.UTF_8));

        assertEquals(
                0,
                resumeCode(data, "--candidate", sitting, "--challenge", challenge, "--session", Long.toString(session)),
                printed());
        assertEquals(code, printedCode(sitting, session, challenge), "the same challenge gets the same code");
    }

    @Test
    void aChallengeTypedInLowerCaseWithADashAndLookalikesWorks() {
        assertEquals(0, resumeCode(data, "--candidate", sitting, "--challenge", "7k2q-9xhm"), printed());
        String code = printedCode(sitting, session, "7K2Q9XHM");
        assertTrue(ResumeCodes.accepts(sittingSecret, "7K2Q9XHM", code), code);

        assertEquals(0, resumeCode(data, "--candidate", sitting, "--challenge", " ab1o 2cde "), printed());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("challenge AB10-2CDE: "), printed());
        assertTrue(ResumeCodes.accepts(sittingSecret, "AB102CDE", printedCode(sitting, session, "AB102CDE")));
    }

    @Test
    void aMalformedChallengeIsRefusedInOneSentence() {
        assertEquals(1, resumeCode(data, "--candidate", sitting, "--challenge", "7K2"));
        assertEquals("readroom resume-code: challenge: a code has 8 characters; found 3", error());
        assertEquals("", out.toString(StandardCharsets.UTF_8));

        assertEquals(1, resumeCode(data, "--candidate", sitting, "--challenge", "7K2Q-9XHU"));
        assertEquals(
                "readroom resume-code: challenge: a code has only digits and the letters A-Z without U; found 'U'",
                error());
    }

    @Test
    void aCandidateNotInASittingGetsNoCode() throws Exception {
        long rowsBefore = auditRows(data);
        assertEquals(1, resumeCode(data, "--candidate", handedIn, "--challenge", "7K2Q-9XHM"));
        assertEquals(
                "readroom resume-code: candidate " + handedIn + " is SUBMITTED in session " + session
                        + "; only a sitting can be resumed",
                error());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no code printed");

        assertEquals(
                1,
                resumeCode(
                        data,
                        "--candidate",
                        registered,
                        "--challenge",
                        "7K2Q-9XHM",
                        "--session",
                        Long.toString(session)));
        assertEquals(
                "readroom resume-code: candidate " + registered + " is REGISTERED in session " + session
                        + "; only a sitting can be resumed",
                error());
        assertEquals(rowsBefore, auditRows(data), "a refusal is not audited as a code given");
    }

    @Test
    void anUnknownCandidateOrSessionIsNamed() {
        assertEquals(1, resumeCode(data, "--candidate", "1999999", "--challenge", "7K2Q-9XHM"));
        assertEquals("readroom resume-code: no candidate 1999999 in " + data.resolve("readroom.db"), error());

        assertEquals(1, resumeCode(data, "--candidate", sitting, "--challenge", "7K2Q-9XHM", "--session", "999"));
        assertEquals(
                "readroom resume-code: no candidate " + sitting + " in session 999 in " + data.resolve("readroom.db"),
                error());
    }

    @Test
    void theCodeGivenIsAuditedLikeTheServersOwnWithoutTheCode() throws Exception {
        Instant at = Instant.parse("2026-06-01T09:30:00Z");
        out.reset();
        err.reset();
        int status = ResumeCodeCommand.run(
                List.of("--data", data.toString(), "--candidate", sitting, "--challenge", "7k2q9xhm"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.fixed(at, ZoneOffset.UTC));
        assertEquals(0, status, printed());
        String code = printedCode(sitting, session, "7K2Q9XHM");

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement statement = connection.createStatement();
                ResultSet last = statement.executeQuery(
                        "SELECT at, actor, action, detail FROM audit_log WHERE at = " + at.toEpochMilli())) {
            assertTrue(last.next(), "an audit row at the command's time");
            assertEquals("offline:" + System.getProperty("user.name"), last.getString("actor"));
            assertEquals("resume code", last.getString("action"));
            assertEquals(
                    "session " + session + " candidate " + sitting + " challenge 7K2Q-9XHM", last.getString("detail"));
            assertFalse(last.getString("detail").contains(code), "the code itself is never stored");
            assertFalse(last.next(), "one row per code given");
        }
    }

    @Test
    void aCandidateSittingInTwoSessionsMustBeNamedWithSession() throws Exception {
        long other = session + 100;
        Path folder = withCandidateAlsoSittingIn(other);
        assertEquals(1, resumeCode(folder, "--candidate", sitting, "--challenge", "7K2Q-9XHM"));
        assertEquals(
                "readroom resume-code: candidate " + sitting + " is sitting in sessions " + other + ", " + session
                        + "; give --session ID",
                error());

        assertEquals(
                0,
                resumeCode(
                        folder,
                        "--candidate",
                        sitting,
                        "--challenge",
                        "7K2Q-9XHM",
                        "--session",
                        Long.toString(session)));
        assertTrue(ResumeCodes.accepts(sittingSecret, "7K2Q9XHM", printedCode(sitting, session, "7K2Q9XHM")));
    }

    @Test
    void usageMistakesShowTheUsage() {
        assertEquals(2, resumeCode(data, "--candidate", sitting), printed());
        assertTrue(error().startsWith("readroom resume-code: resume-code needs --challenge CODE"), printed());
        assertTrue(error().contains("Usage: deploy/readroom resume-code --candidate NUMBER --challenge CODE"));

        assertEquals(2, resumeCode(data, "--challenge", "7K2Q-9XHM"), printed());
        assertTrue(error().startsWith("readroom resume-code: resume-code needs --candidate NUMBER"), printed());

        assertEquals(2, resumeCode(data, "--candidate", sitting, "--challenge", "7K2Q-9XHM", "--session", "latest"));
        assertTrue(printed().contains("--session must be a session number, was: latest"), printed());

        assertEquals(2, run("resume-code"), printed());
        assertTrue(error().startsWith("Usage: deploy/readroom resume-code"), printed());
        assertEquals(0, run("resume-code", "--help"), printed());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: deploy/readroom resume-code"));
    }

    @Test
    void aMissingDataFolderOrResumeKeyIsRefusedInOneSentence() throws Exception {
        Path nowhere = copy.resolve("no-such-folder");
        assertEquals(1, resumeCode(nowhere, "--candidate", sitting, "--challenge", "7K2Q-9XHM"));
        assertEquals(
                "readroom resume-code: " + nowhere.resolve("readroom.db")
                        + " not found (give the exam server's --data folder)",
                error());

        Path keyless = copy.resolve("keyless");
        Files.createDirectories(keyless);
        vacuumInto(keyless.resolve("readroom.db"));
        assertEquals(1, resumeCode(keyless, "--candidate", sitting, "--challenge", "7K2Q-9XHM"));
        assertEquals(
                "readroom resume-code: no resume key at " + ResumeKey.file(keyless)
                        + ": has the exam server run with this data folder?",
                error());

        Path notADatabase = copy.resolve("not-a-database");
        Files.createDirectories(notADatabase.resolve("keys"));
        Files.copy(ResumeKey.file(data), ResumeKey.file(notADatabase));
        Files.writeString(notADatabase.resolve("readroom.db"), "not a database");
        assertEquals(1, resumeCode(notADatabase, "--candidate", sitting, "--challenge", "7K2Q-9XHM"));
        assertTrue(error().startsWith("readroom resume-code: cannot use "), printed());
        assertEquals(1, error().lines().count(), printed());
    }

    private static long auditRows(Path folder) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("readroom.db"));
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM audit_log")) {
            return count.getLong(1);
        }
    }

    private static void vacuumInto(Path target) throws SQLException {
        try (Connection original = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                PreparedStatement vacuum = original.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toString());
            vacuum.execute();
        }
    }

    /** A copy of the data folder in which the sitting candidate also sits in a second session, {@code other}. */
    private Path withCandidateAlsoSittingIn(long other) throws Exception {
        Path folder = copy.resolve("two-sessions");
        Files.createDirectories(folder.resolve("keys"));
        Files.copy(ResumeKey.file(data), ResumeKey.file(folder));
        vacuumInto(folder.resolve("readroom.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("readroom.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE s AS SELECT * FROM sessions WHERE id = " + session);
            statement.execute("UPDATE s SET id = " + other);
            statement.execute("INSERT INTO sessions SELECT * FROM s");
            statement.execute("CREATE TEMP TABLE c AS SELECT * FROM candidates WHERE session_id = " + session
                    + " AND candidate_number = '" + sitting + "'");
            statement.execute("UPDATE c SET id = (SELECT MAX(id) + 1 FROM candidates), session_id = " + other);
            statement.execute("INSERT INTO candidates SELECT * FROM c");
        }
        return folder;
    }
}

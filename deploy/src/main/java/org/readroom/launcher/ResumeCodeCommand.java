package org.readroom.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.readroom.core.session.CandidateStatus;
import org.readroom.core.session.ResumeCodes;
import org.readroom.server.exam.CandidateRecord;
import org.readroom.server.exam.ExamStore;
import org.readroom.server.runtime.ResumeKey;

/**
 * {@code deploy/readroom resume-code}: the proctor's response to a kiosk's resume challenge while the exam server is
 * down, computed on the server's machine from its data folder (resume key and database), refused, as the server
 * refuses it, for a candidate who is not in a sitting, and recorded in the audit log like the server's own.
 */
final class ResumeCodeCommand {

    static final String USAGE =
            """
            Usage: deploy/readroom resume-code --candidate NUMBER --challenge CODE [--session ID] [--data DIR]
              Prints the code that lets a restarted kiosk continue the candidate's sitting while the exam server is
              down (with the server up, use the proctor console). Run it on the server's machine: it reads the
              server's resume key and database, and records the challenge in the audit log (never the code).
              --candidate NUMBER   the candidate number
              --challenge CODE     the challenge the kiosk shows (XXXX-XXXX; case and dashes do not matter)
              --session ID         the session; default the one in which the candidate is sitting
              --data DIR           the exam server's data folder; default ./data""";

    private static final String PREFIX = "readroom resume-code: ";

    /** SQLite's SQLITE_OPEN_READWRITE without CREATE: a wrong folder never gets an empty database. */
    private static final String READ_WRITE = "2";

    /** The schema version whose candidate rows this command reads (sitting epoch V004, pause kept over a move V005). */
    private static final int SITTING_SCHEMA = 5;

    /** The server's action name, so the offline rows read like the console's. */
    private static final String AUDIT_ACTION = "resume code";

    private ResumeCodeCommand() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        return run(arguments, out, err, Clock.systemUTC());
    }

    static int run(List<String> arguments, PrintStream out, PrintStream err, Clock clock) {
        Integer answered = Args.helpOrMissingAction(arguments, USAGE, out, err);
        if (answered != null) {
            return answered;
        }
        try {
            Args args = Args.parse(arguments, Set.of("--candidate", "--challenge", "--session", "--data"), Set.of());
            return resumeCode(Request.of(args), out, err, clock);
        } catch (Args.UsageException e) {
            err.println(PREFIX + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    /** What the proctor asked for: the challenge still as typed; it is checked before anything is read. */
    private record Request(String number, String typedChallenge, Long session, Path data) {

        static Request of(Args args) throws Args.UsageException {
            String number = args.value("--candidate", null);
            if (number == null) {
                throw new Args.UsageException("resume-code needs --candidate NUMBER");
            }
            String challenge = args.value("--challenge", null);
            if (challenge == null) {
                throw new Args.UsageException("resume-code needs --challenge CODE (the code the kiosk shows)");
            }
            return new Request(number, challenge, args.sessionId("--session"), Path.of(args.value("--data", "data")));
        }
    }

    /** A refusal the proctor can act on: one sentence, exit 1. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private static int resumeCode(Request request, PrintStream out, PrintStream err, Clock clock) {
        String challenge;
        try {
            challenge = ResumeCodes.normalise(request.typedChallenge());
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + "challenge: " + e.getMessage());
            return 1;
        }
        Path file = request.data().resolve("readroom.db");
        if (!Files.isRegularFile(file)) {
            err.println(PREFIX + file + " not found (give the exam server's --data folder)");
            return 1;
        }
        ResumeKey key;
        try {
            key = ResumeKey.load(request.data());
        } catch (IOException e) {
            err.println(PREFIX + e.getMessage());
            return 1;
        }
        Properties settings = new Properties();
        settings.setProperty("open_mode", READ_WRITE);
        // The check and the audit row are one write transaction: a server writing meanwhile cannot change the status
        // between them; if one is still running, wait for its writer as the server's own connections do.
        settings.setProperty("transaction_mode", "IMMEDIATE");
        settings.setProperty("busy_timeout", "5000");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), settings)) {
            connection.setAutoCommit(false);
            try {
                CandidateRecord candidate = sittingCandidate(connection, file, request);
                String shown = ResumeCodes.display(challenge);
                String response = ResumeCodes.display(key.responseFor(candidate, challenge));
                audit(connection, clock, candidate, shown);
                connection.commit();
                out.println("Resume code for candidate " + candidate.candidateNumber() + " (session "
                        + candidate.sessionId() + "), challenge " + shown + ": " + response);
                return 0;
            } catch (Refused e) {
                connection.rollback();
                err.println(PREFIX + e.getMessage());
                return 1;
            }
        } catch (SQLException | RuntimeException e) {
            // Not SQLite, not ReadRoom's schema, or a database that cannot take the audit row: no code without it.
            err.println(PREFIX + "cannot use " + file + " as a ReadRoom database: " + Failures.describe(e));
            return 1;
        }
    }

    /** The candidate's row in the session asked for, or in the only session where they are sitting. */
    private static CandidateRecord sittingCandidate(Connection connection, Path file, Request request)
            throws SQLException, Refused {
        int schema = schemaVersion(connection);
        if (schema < SITTING_SCHEMA) {
            throw new Refused(file + " predates resumable sittings (schema version " + schema
                    + "); start the exam server on it once to bring it up to date");
        }
        String number = request.number();
        List<Placement> placements = placements(connection, number, request.session());
        if (placements.isEmpty()) {
            throw new Refused("no candidate " + number
                    + (request.session() == null ? "" : " in session " + request.session()) + " in " + file);
        }
        List<Placement> sitting =
                placements.stream().filter(p -> p.status().isInSitting()).toList();
        if (sitting.size() > 1) {
            throw new Refused("candidate " + number + " is sitting in sessions "
                    + sitting.stream().map(p -> Long.toString(p.session())).collect(Collectors.joining(", "))
                    + "; give --session ID");
        }
        if (sitting.isEmpty()) {
            throw new Refused("candidate " + number + " is "
                    + placements.stream().map(Placement::describe).collect(Collectors.joining(", "))
                    + "; only a sitting can be resumed");
        }
        return ExamStore.candidate(connection, sitting.get(0).session(), number);
    }

    /** Where a candidate number is on a roster: the session and their state in it. */
    private record Placement(long session, CandidateStatus status) {

        String describe() {
            return status + " in session " + session;
        }
    }

    private static List<Placement> placements(Connection connection, String number, Long session) throws SQLException {
        List<Placement> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT session_id, status FROM candidates"
                + " WHERE candidate_number = ? AND (? IS NULL OR session_id = ?) ORDER BY session_id DESC")) {
            query.setString(1, number);
            query.setObject(2, session);
            query.setObject(3, session);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(new Placement(rows.getLong(1), CandidateStatus.valueOf(rows.getString(2))));
                }
            }
        }
        return found;
    }

    private static int schemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM schema_version");
                ResultSet row = query.executeQuery()) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /**
     * The row the server's {@code AuditLog} writes for {@code POST …/resume-code} (a plain append; the table has no
     * chain), with the same action and detail. Nobody logged in, so the actor is the operating-system account that ran
     * the command on the server's machine.
     */
    private static void audit(Connection connection, Clock clock, CandidateRecord candidate, String shownChallenge)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, clock.millis());
            insert.setString(2, "offline:" + System.getProperty("user.name", "unknown"));
            insert.setString(3, AUDIT_ACTION);
            insert.setString(
                    4,
                    "session " + candidate.sessionId() + " candidate " + candidate.candidateNumber() + " challenge "
                            + shownChallenge);
            insert.executeUpdate();
        }
    }
}

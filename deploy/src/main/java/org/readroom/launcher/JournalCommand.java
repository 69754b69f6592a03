package org.readroom.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.readroom.core.journal.AnswerChain;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.server.exam.CandidateRecord;
import org.readroom.server.exam.ExamStore;

/**
 * {@code deploy/readroom journal verify}: recomputes a candidate's answer hash chain from the server's database, offline
 * and read-only, so an answer changed, removed or reordered after it was stored is found and named.
 */
final class JournalCommand {

    static final String USAGE =
            """
            Usage: deploy/readroom journal verify --candidate NUMBER [--session ID] [--data DIR]
              verify   recompute the candidate's answer chain from the stored answers and compare every stored hash, and
                       the final head with the one recorded at hand-in; prints OK with a summary, or BROKEN naming
                       the first sequence that no longer matches, and exit 1. Reads the database only (no server needed).
              --candidate NUMBER   the candidate number
              --session ID         the session; default the latest session the candidate is in
              --data DIR           the exam server's data folder; default ./data""";

    /** SQLite's SQLITE_OPEN_READONLY: the check never writes, not even a migration. */
    private static final String READ_ONLY = "1";

    /** The schema version that added the answers' hash column and the head recorded at hand-in (V004). */
    private static final int CHAINED_SCHEMA = 4;

    private JournalCommand() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        Integer answered = Args.helpOrMissingAction(arguments, USAGE, out, err);
        if (answered != null) {
            return answered;
        }
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            if (!arguments.get(0).equals("verify")) {
                throw new Args.UsageException("unknown action \"" + arguments.get(0) + "\" (actions: verify)");
            }
            return verify(Args.parse(rest, Set.of("--candidate", "--session", "--data"), Set.of()), out, err);
        } catch (Args.UsageException e) {
            err.println("readroom journal: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static int verify(Args args, PrintStream out, PrintStream err) throws Args.UsageException {
        String number = args.value("--candidate", null);
        if (number == null) {
            throw new Args.UsageException("verify needs --candidate NUMBER");
        }
        Long session = args.sessionId("--session");
        Path file = Path.of(args.value("--data", "data")).resolve("readroom.db");
        if (!Files.isRegularFile(file)) {
            err.println("readroom journal: " + file + " not found (give the exam server's --data folder)");
            return 1;
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", READ_ONLY);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly)) {
            int schema = schemaVersion(connection);
            if (schema < CHAINED_SCHEMA) {
                err.println("readroom journal: " + file + " predates hash-chained answers (schema version " + schema
                        + "); start the exam server on it once to bring it up to date");
                return 1;
            }
            Optional<CandidateRecord> found = find(connection, number, session);
            if (found.isEmpty()) {
                err.println("readroom journal: no candidate " + number
                        + (session == null ? "" : " in session " + session) + " in " + file);
                return 1;
            }
            Verdict verdict = verdict(
                    found.get(), ExamStore.record(connection, found.get().id()));
            out.println(verdict.line());
            return verdict.intact() ? 0 : 1;
        } catch (SQLException | RuntimeException e) {
            // Not SQLite, not ReadRoom's schema, or a row the server never writes: one sentence, no stack trace.
            err.println("readroom journal: cannot read " + file + " as a ReadRoom database: " + Failures.describe(e));
            return 1;
        }
    }

    private static int schemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM schema_version");
                ResultSet row = query.executeQuery()) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** The outcome for one candidate: whether the record is intact, and the line that says so. */
    private record Verdict(boolean intact, String line) {

        static Verdict ok(String line) {
            return new Verdict(true, "OK " + line);
        }

        static Verdict broken(String line) {
            return new Verdict(false, "BROKEN " + line);
        }
    }

    /** The candidate with this number in the given session, or in the latest session that has one. */
    private static Optional<CandidateRecord> find(Connection connection, String number, Long session)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT session_id FROM candidates"
                + " WHERE candidate_number = ? AND (? IS NULL OR session_id = ?) ORDER BY session_id DESC LIMIT 1")) {
            query.setString(1, number);
            query.setObject(2, session);
            query.setObject(3, session);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(ExamStore.candidate(connection, row.getLong(1), number))
                        : Optional.empty();
            }
        }
    }

    /** OK with the count and the head, or BROKEN naming the first sequence that no longer matches. */
    private static Verdict verdict(CandidateRecord candidate, List<AnswerSave> record) {
        String who = "candidate " + candidate.candidateNumber() + " (session " + candidate.sessionId() + ")";
        String genesis = AnswerChain.genesis(candidate.sessionId(), candidate.candidateNumber());
        Optional<AnswerSave> unhashed =
                record.stream().filter(e -> e.hash() == null).findFirst();
        if (unhashed.isPresent()) {
            return Verdict.broken(who + ": sequence " + unhashed.get().sequence()
                    + " has no hash (stored before answers were chained), so the record cannot be verified");
        }
        Optional<Long> broken = AnswerChain.firstBrokenLink(genesis, record, null);
        if (broken.isPresent()) {
            long sequence = broken.get();
            boolean missing = record.stream().noneMatch(e -> e.sequence() == sequence);
            return Verdict.broken(who + ": "
                    + (missing
                            ? "sequence " + sequence + " is missing from the record (removed or renumbered after it"
                                    + " was stored)"
                            : "the record differs from what was chained at sequence " + sequence
                                    + " (answer changed, removed or reordered after it was stored)"));
        }
        String head = record.isEmpty() ? genesis : record.get(record.size() - 1).hash();
        String summary = who + ": " + record.size() + " answers, chain head " + head;
        if (candidate.chainHead() == null) {
            return Verdict.ok(summary + ", not handed in yet: no head recorded");
        }
        if (!candidate.chainHead().equals(head)) {
            return Verdict.broken(who + ": the chain head differs from the one recorded at hand-in: the "
                    + record.size() + " stored answers chain to " + head + ", the hand-in recorded "
                    + candidate.chainHead()
                    + " (answers removed or added after hand-in, or the recorded head changed)");
        }
        return Verdict.ok(summary + ", recorded at hand-in");
    }
}

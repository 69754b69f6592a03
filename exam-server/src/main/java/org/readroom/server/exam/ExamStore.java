package org.readroom.server.exam;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.SavedAnswer;
import org.readroom.core.session.CandidateLifecycle;
import org.readroom.core.session.CandidateStatus;
import org.readroom.core.text.LocalizedText;
import org.readroom.server.store.Database;

/** Candidates and their answers: the exam runtime's SQL, behind futures. */
public final class ExamStore {

    private static final String CANDIDATE_COLUMNS = "c.id, c.session_id, c.candidate_number, c.name,"
            + " c.admission_code_hash, c.seat, c.seed, c.status, COALESCE(c.started_at, 0), COALESCE(c.deadline, 0),"
            + " COALESCE(c.submitted_at, 0), s.paper_id, s.title_zh, s.title_en, s.status";
    private static final String CANDIDATE_FROM = " FROM candidates c JOIN sessions s ON s.id = c.session_id";

    private final Database database;

    public ExamStore(Database database) {
        this.database = database;
    }

    /** The candidate with this number in a running session, if any. */
    public Future<Optional<CandidateRecord>> findRunning(String candidateNumber) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + CANDIDATE_COLUMNS + CANDIDATE_FROM
                    + " WHERE c.candidate_number = ? AND s.status = 'RUNNING' ORDER BY s.id DESC LIMIT 1")) {
                query.setString(1, candidateNumber);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(candidate(row)) : Optional.empty();
                }
            }
        });
    }

    public Future<CandidateRecord> candidate(long candidateId) {
        return database.read(connection -> candidate(connection, candidateId));
    }

    public static CandidateRecord candidate(Connection connection, long candidateId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT " + CANDIDATE_COLUMNS + CANDIDATE_FROM + " WHERE c.id = ?")) {
            query.setLong(1, candidateId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new ApiException(ErrorCode.NOT_FOUND, "candidate " + candidateId);
                }
                return candidate(row);
            }
        }
    }

    private static CandidateRecord candidate(ResultSet row) throws SQLException {
        return new CandidateRecord(
                row.getLong(1),
                row.getLong(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getLong(7),
                CandidateStatus.valueOf(row.getString(8)),
                row.getLong(9),
                row.getLong(10),
                row.getLong(11),
                row.getString(12),
                new LocalizedText(row.getString(13), row.getString(14)),
                row.getString(15));
    }

    /** Records a login: REGISTERED becomes LOGGED_IN; a candidate who is further along keeps their state. */
    public Future<CandidateRecord> loggedIn(long candidateId, long now) {
        return database.write(connection -> {
            CandidateRecord candidate = candidate(connection, candidateId);
            CandidateStatus status = candidate.status() == CandidateStatus.REGISTERED
                    ? CandidateLifecycle.transition(candidate.status(), CandidateStatus.LOGGED_IN)
                    : candidate.status();
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE candidates SET status = ?, last_seen = ? WHERE id = ?")) {
                update.setString(1, status.name());
                update.setLong(2, now);
                update.setLong(3, candidateId);
                update.executeUpdate();
            }
            return candidate(connection, candidateId);
        });
    }

    /** Starts the candidate's clock once; later calls return the same deadline. */
    public Future<CandidateRecord> start(long candidateId, long now, int durationMinutes) {
        return database.write(connection -> {
            CandidateRecord candidate = candidate(connection, candidateId);
            if (candidate.status() == CandidateStatus.SUBMITTED) {
                throw new ApiException(ErrorCode.ALREADY_SUBMITTED, "candidate " + candidateId);
            }
            if (candidate.status() == CandidateStatus.LOGGED_IN) {
                CandidateLifecycle.transition(candidate.status(), CandidateStatus.ANSWERING);
                try (PreparedStatement update = connection.prepareStatement("UPDATE candidates SET status = ?,"
                        + " started_at = ?, deadline = ?, last_seen = ? WHERE id = ?")) {
                    update.setString(1, CandidateStatus.ANSWERING.name());
                    update.setLong(2, now);
                    update.setLong(3, now + durationMinutes * 60_000L);
                    update.setLong(4, now);
                    update.setLong(5, candidateId);
                    update.executeUpdate();
                }
            }
            return candidate(connection, candidateId);
        });
    }

    /**
     * Stores one answer change. A resend of a stored sequence number with the same content is acknowledged again; the
     * same number with other content is a conflict, so nothing acknowledged is ever overwritten.
     */
    public Future<Void> saveAnswer(long candidateId, AnswerSave answer, long now) {
        return database.write(connection -> {
            String choices = String.join(",", new TreeSet<>(answer.choices()));
            String text = answer.text() == null ? "" : answer.text();
            try (PreparedStatement existing = connection.prepareStatement(
                    "SELECT item_id, choices, text FROM answers WHERE candidate_id = ? AND sequence = ?")) {
                existing.setLong(1, candidateId);
                existing.setLong(2, answer.sequence());
                try (ResultSet row = existing.executeQuery()) {
                    if (row.next()) {
                        boolean same = row.getString(1).equals(answer.itemId())
                                && row.getString(2).equals(choices)
                                && row.getString(3).equals(text);
                        if (!same) {
                            throw new ApiException(
                                    ErrorCode.SEQUENCE_CONFLICT,
                                    "sequence " + answer.sequence() + " holds another answer");
                        }
                        return null;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO answers (candidate_id, sequence,"
                            + " item_id, choices, text, received_at) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement seen =
                            connection.prepareStatement("UPDATE candidates SET last_seen = ? WHERE id = ?")) {
                insert.setLong(1, candidateId);
                insert.setLong(2, answer.sequence());
                insert.setString(3, answer.itemId());
                insert.setString(4, choices);
                insert.setString(5, text);
                insert.setLong(6, now);
                insert.executeUpdate();
                seen.setLong(1, now);
                seen.setLong(2, candidateId);
                seen.executeUpdate();
            }
            return null;
        });
    }

    public Future<List<SavedAnswer>> latestAnswers(long candidateId) {
        return database.read(connection -> latestAnswers(connection, candidateId));
    }

    /** The answer with the highest sequence number per item, blank answers included (a cleared answer is blank). */
    public static List<SavedAnswer> latestAnswers(Connection connection, long candidateId) throws SQLException {
        Map<String, SavedAnswer> latest = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT item_id, choices, text, sequence FROM answers WHERE candidate_id = ? ORDER BY sequence")) {
            query.setLong(1, candidateId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String choices = rows.getString(2);
                    Set<String> set = choices.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(choices.split(",")));
                    latest.put(
                            rows.getString(1),
                            new SavedAnswer(rows.getString(1), set, rows.getString(3), rows.getLong(4)));
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    public Future<Long> lastSequence(long candidateId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COALESCE(MAX(sequence), 0) FROM answers WHERE candidate_id = ?")) {
                query.setLong(1, candidateId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}

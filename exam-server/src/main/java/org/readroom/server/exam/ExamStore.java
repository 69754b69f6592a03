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
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.journal.AnswerChain;
import org.readroom.core.paper.Paper;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Messages.SavedAnswer;
import org.readroom.core.protocol.Messages.SectionClock;
import org.readroom.core.session.CandidateLifecycle;
import org.readroom.core.session.CandidateStatus;
import org.readroom.core.session.SessionStatus;
import org.readroom.core.text.LocalizedText;
import org.readroom.core.time.SittingTime;
import org.readroom.server.store.Database;

/** Candidates and their answers: the exam runtime's SQL, behind futures. */
public final class ExamStore {

    private static final String CANDIDATE_COLUMNS = "c.id, c.session_id, c.candidate_number, c.name,"
            + " c.admission_code_hash, c.seat, c.seed, c.status, COALESCE(c.started_at, 0), COALESCE(c.deadline, 0),"
            + " COALESCE(c.submitted_at, 0), s.paper_id, s.title_zh, s.title_en, s.status, c.duration_ms, c.extra_ms,"
            + " c.paused_ms, c.paused_since, c.paused_by_room, c.sitting_epoch, c.chain_head, c.paused_before_move";
    private static final String CANDIDATE_FROM = " FROM candidates c JOIN sessions s ON s.id = c.session_id";

    private final Database database;

    public ExamStore(Database database) {
        this.database = database;
    }

    /** The candidate with this number in a session that admits logins (open, running or paused), if any. */
    public Future<Optional<CandidateRecord>> findOpen(String candidateNumber) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + CANDIDATE_COLUMNS + CANDIDATE_FROM
                    + " WHERE c.candidate_number = ? AND s.status IN ('OPEN', 'RUNNING', 'PAUSED')"
                    + " ORDER BY s.id DESC LIMIT 1")) {
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

    /** The candidates of a session, optionally only those in the given states. */
    public static List<CandidateRecord> candidates(Connection connection, long sessionId, Set<CandidateStatus> states)
            throws SQLException {
        List<CandidateRecord> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + CANDIDATE_COLUMNS + CANDIDATE_FROM + " WHERE c.session_id = ? ORDER BY c.id")) {
            query.setLong(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    CandidateRecord candidate = candidate(rows);
                    if (states.isEmpty() || states.contains(candidate.status())) {
                        found.add(candidate);
                    }
                }
            }
        }
        return found;
    }

    /** The candidate with this number in this session. */
    public static CandidateRecord candidate(Connection connection, long sessionId, String candidateNumber)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + CANDIDATE_COLUMNS + CANDIDATE_FROM
                + " WHERE c.session_id = ? AND c.candidate_number = ?")) {
            query.setLong(1, sessionId);
            query.setString(2, candidateNumber);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new ApiException(
                            ErrorCode.NOT_FOUND, "candidate " + candidateNumber + " in session " + sessionId);
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
                SessionStatus.valueOf(row.getString(15)),
                row.getLong(16),
                row.getLong(17),
                row.getLong(18),
                row.getLong(19),
                row.getInt(20) == 1,
                row.getLong(21),
                row.getString(22),
                row.getInt(23) == 1);
    }

    /** Records a login: REGISTERED becomes LOGGED_IN; a candidate who is further along keeps their state. */
    public Future<CandidateRecord> loggedIn(long candidateId, long now) {
        return database.write(connection -> {
            CandidateRecord candidate = candidate(connection, candidateId);
            if (candidate.status() == CandidateStatus.VOIDED) {
                throw new ApiException(ErrorCode.CANDIDATE_VOIDED, "candidate " + candidate.candidateNumber());
            }
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

    /**
     * Opens the paper for an admitted candidate: their clock starts (once; later calls return the same clock). A
     * candidate moved to a spare kiosk resumes here, their clock having stood still since the move. In a paused room
     * the clock starts paused.
     */
    public Future<CandidateRecord> start(long candidateId, long now, int durationMinutes) {
        return database.write(connection -> {
            CandidateRecord candidate = candidate(connection, candidateId);
            boolean roomPaused = candidate.sessionStatus() == SessionStatus.PAUSED;
            switch (candidate.status()) {
                case SUBMITTED -> throw new ApiException(
                        ErrorCode.ALREADY_SUBMITTED, "candidate " + candidate.candidateNumber());
                case VOIDED -> throw new ApiException(
                        ErrorCode.CANDIDATE_VOIDED, "candidate " + candidate.candidateNumber());
                case REGISTERED, LOGGED_IN -> throw new ApiException(
                        ErrorCode.NOT_ADMITTED, "candidate " + candidate.candidateNumber());
                case ADMITTED -> {
                    if (candidate.sessionStatus() != SessionStatus.RUNNING && !roomPaused) {
                        throw new ApiException(
                                ErrorCode.SESSION_NOT_RUNNING, "session " + candidate.sessionId() + " has not started");
                    }
                    SittingTime time = SittingTime.started(now, durationMinutes * 60_000L);
                    CandidateStatus status = CandidateLifecycle.transition(candidate.status(), CandidateStatus.SITTING);
                    if (roomPaused) {
                        time = time.pause(now);
                        status = CandidateLifecycle.transition(status, CandidateStatus.PAUSED);
                    }
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE candidates SET started_at = ?, duration_ms = ? WHERE id = ?")) {
                        update.setLong(1, now);
                        update.setLong(2, time.durationMillis());
                        update.setLong(3, candidateId);
                        update.executeUpdate();
                    }
                    writeClock(connection, candidateId, status, time, roomPaused, now);
                }
                case MOVED -> {
                    // The clock stood still during the move; it runs again on the spare kiosk unless the room is
                    // paused or the proctor had paused this candidate before moving them.
                    SittingTime time = candidate.time().orElseThrow();
                    if (roomPaused || candidate.pausedBeforeMove()) {
                        // Paused alone before the move: the room's resume must not resume them.
                        boolean byRoom = roomPaused && !candidate.pausedBeforeMove();
                        writeClock(connection, candidateId, CandidateStatus.PAUSED, time.pause(now), byRoom, now);
                    } else {
                        writeClock(connection, candidateId, CandidateStatus.SITTING, time.resume(now), false, now);
                    }
                }
                case SITTING, PAUSED -> {
                    // already sitting: the same clock
                }
            }
            return candidate(connection, candidateId);
        });
    }

    /**
     * Stores a candidate's state and clock: status, extra and paused time, the pause in progress and the deadline
     * ignoring it (so overdue candidates are found by index).
     */
    public static void writeClock(
            Connection connection,
            long candidateId,
            CandidateStatus status,
            SittingTime time,
            boolean pausedByRoom,
            long now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE candidates SET status = ?, extra_ms = ?,"
                + " paused_ms = ?, paused_since = ?, paused_by_room = ?, deadline = ?, last_seen = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setLong(2, time.extraMillis());
            update.setLong(3, time.pausedMillis());
            update.setLong(4, time.pausedSince());
            update.setInt(5, pausedByRoom && time.isPaused() ? 1 : 0);
            update.setLong(6, time.deadlineIgnoringCurrentPause());
            update.setLong(7, now);
            update.setLong(8, candidateId);
            update.executeUpdate();
        }
    }

    /** What a resuming kiosk needs in one read: the latest answers, the last sequence number and the chain head. */
    public Future<Held> sittingRecord(CandidateRecord candidate) {
        return database.read(connection -> new Held(
                latestAnswers(connection, candidate.id()),
                AnswerWriter.lastSequence(connection, candidate.id()),
                chainHead(connection, candidate)));
    }

    /** The answers the server holds for a candidate. */
    public record Held(List<SavedAnswer> answers, long lastSequence, String chainHead) {}

    public Future<List<SavedAnswer>> latestAnswers(long candidateId) {
        return database.read(connection -> latestAnswers(connection, candidateId));
    }

    /**
     * The counted answer with the highest sequence number per item, blank answers included (a cleared answer is
     * blank); a change the paper's rules did not count is left out.
     */
    public static List<SavedAnswer> latestAnswers(Connection connection, long candidateId) throws SQLException {
        Map<String, SavedAnswer> latest = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT item_id, choices, text, sequence FROM answers WHERE candidate_id = ? AND not_counted IS NULL"
                        + " ORDER BY sequence")) {
            query.setLong(1, candidateId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Set<String> set = choices(rows.getString(2));
                    latest.put(
                            rows.getString(1),
                            new SavedAnswer(rows.getString(1), set, rows.getString(3), rows.getLong(4)));
                }
            }
        }
        return new ArrayList<>(latest.values());
    }

    /** The hash of the candidate's last stored change, or the chain's genesis when there is none. */
    public static String chainHead(Connection connection, CandidateRecord candidate) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT hash FROM answers WHERE candidate_id = ? ORDER BY sequence DESC LIMIT 1")) {
            query.setLong(1, candidate.id());
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? row.getString(1)
                        : AnswerChain.genesis(candidate.sessionId(), candidate.candidateNumber());
            }
        }
    }

    /** Every stored change of a candidate in sequence order, with its hash (the record the chain proves). */
    public static List<AnswerSave> record(Connection connection, long candidateId) throws SQLException {
        List<AnswerSave> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT sequence, item_id, choices, text, hash"
                + " FROM answers WHERE candidate_id = ? ORDER BY sequence")) {
            query.setLong(1, candidateId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new AnswerSave(
                            rows.getLong(1),
                            rows.getString(2),
                            choices(rows.getString(3)),
                            rows.getString(4),
                            rows.getString(5)));
                }
            }
        }
        return events;
    }

    static Set<String> choices(String stored) {
        return stored.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(stored.split(",")));
    }

    /**
     * The time left in each timed section the candidate has entered, as of {@code now} (empty for a paper without
     * timed sections, or before the candidate's clock started).
     */
    public Future<List<SectionClock>> sectionClocks(CandidateRecord candidate, Paper paper, long now) {
        SectionTimes.Timed timed = SectionTimes.Timed.of(paper);
        if (!timed.any() || candidate.time().isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return database.read(connection -> SectionTimes.clocks(
                timed,
                SectionTimes.entries(connection, candidate.id(), timed),
                candidate.time().get(),
                now));
    }

    /**
     * Lengthens the timed sections the candidate is in by extra time given at {@code now}, in the caller's
     * transaction, with the candidate as it was before the extension (see {@link SectionTimes#extend}).
     */
    public static void extendSections(
            Connection connection, CandidateRecord candidate, Paper paper, long millis, long now) throws SQLException {
        SectionTimes.extend(connection, candidate, SectionTimes.Timed.of(paper), millis, now);
    }

    public Future<Long> lastSequence(long candidateId) {
        return database.read(connection -> AnswerWriter.lastSequence(connection, candidateId));
    }
}

package org.readroom.server.runtime;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.paper.Paper;
import org.readroom.core.session.CandidateLifecycle;
import org.readroom.core.session.CandidateStatus;
import org.readroom.core.session.SessionLifecycle;
import org.readroom.core.session.SessionStatus;
import org.readroom.core.time.SittingTime;
import org.readroom.server.bank.BankStore;
import org.readroom.server.exam.CandidateRecord;
import org.readroom.server.exam.ExamStore;
import org.readroom.server.store.Database;

/**
 * The proctor's changes to candidates and rooms, each one transaction through the state machines in shared/core:
 * admit, pause and resume, extra time, move to a spare kiosk, void, and the room's pause, resume, extra time and end.
 * A change the state machine does not allow is refused with {@link ErrorCode#NOT_ALLOWED_NOW} naming both states.
 */
public final class CandidateControl {

    private static final Set<CandidateStatus> IN_SITTING =
            EnumSet.of(CandidateStatus.SITTING, CandidateStatus.PAUSED, CandidateStatus.MOVED);

    private final Database database;

    public CandidateControl(Database database) {
        this.database = database;
    }

    public Future<CandidateRecord> find(long sessionId, String number) {
        return database.read(connection -> ExamStore.candidate(connection, sessionId, number));
    }

    public Future<CandidateRecord> admit(long sessionId, String number, long now) {
        return change(sessionId, number, (connection, c) -> {
            CandidateStatus to = allowed(c, CandidateStatus.ADMITTED);
            setStatus(connection, c.id(), to, now);
        });
    }

    public Future<CandidateRecord> pause(long sessionId, String number, long now) {
        return change(sessionId, number, (connection, c) -> {
            CandidateStatus to = allowed(c, CandidateStatus.PAUSED);
            ExamStore.writeClock(connection, c.id(), to, c.time().orElseThrow().pause(now), false, now);
        });
    }

    public Future<CandidateRecord> resume(long sessionId, String number, long now) {
        return change(sessionId, number, (connection, c) -> {
            if (c.sessionStatus() == SessionStatus.PAUSED) {
                throw new ApiException(
                        ErrorCode.NOT_ALLOWED_NOW, "the room is paused; resume the room to resume " + number);
            }
            if (c.status() != CandidateStatus.PAUSED) {
                throw refused(c, CandidateStatus.SITTING);
            }
            ExamStore.writeClock(
                    connection,
                    c.id(),
                    CandidateStatus.SITTING,
                    c.time().orElseThrow().resume(now),
                    false,
                    now);
        });
    }

    public Future<CandidateRecord> extend(long sessionId, String number, long millis, long now) {
        return change(sessionId, number, (connection, c) -> extend(connection, c, millis, now, new HashMap<>()));
    }

    /** Moves the candidate off their kiosk: the clock stands still until they open the paper on the spare one. */
    public Future<CandidateRecord> move(long sessionId, String number, long now) {
        return change(sessionId, number, (connection, c) -> {
            CandidateStatus to = allowed(c, CandidateStatus.MOVED);
            ExamStore.writeClock(connection, c.id(), to, c.time().orElseThrow().pause(now), false, now);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE candidates SET sitting_epoch = sitting_epoch + 1, paused_before_move = ? WHERE id = ?")) {
                update.setInt(1, c.status() == CandidateStatus.PAUSED && !c.pausedByRoom() ? 1 : 0);
                update.setLong(2, c.id());
                update.executeUpdate();
            }
        });
    }

    public Future<CandidateRecord> voidCandidate(long sessionId, String number, String reason, long now) {
        return change(sessionId, number, (connection, c) -> {
            CandidateStatus to = allowed(c, CandidateStatus.VOIDED);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE candidates SET status = ?, void_reason = ?, last_seen = ? WHERE id = ?")) {
                update.setString(1, to.name());
                update.setString(2, reason);
                update.setLong(3, now);
                update.setLong(4, c.id());
                update.executeUpdate();
            }
        });
    }

    /** Pauses the room: the session and every sitting candidate; returns how many candidates were paused. */
    public Future<Integer> pauseRoom(long sessionId, long now) {
        return database.write(connection -> {
            setSessionStatus(connection, sessionId, SessionStatus.PAUSED);
            List<CandidateRecord> sitting =
                    ExamStore.candidates(connection, sessionId, EnumSet.of(CandidateStatus.SITTING));
            for (CandidateRecord c : sitting) {
                ExamStore.writeClock(
                        connection,
                        c.id(),
                        CandidateStatus.PAUSED,
                        c.time().orElseThrow().pause(now),
                        true,
                        now);
            }
            return sitting.size();
        });
    }

    /** Resumes the room: candidates paused with the room resume; those the proctor paused alone stay paused. */
    public Future<Integer> resumeRoom(long sessionId, long now) {
        return database.write(connection -> {
            setSessionStatus(connection, sessionId, SessionStatus.RUNNING);
            int resumed = 0;
            for (CandidateRecord c : ExamStore.candidates(connection, sessionId, EnumSet.of(CandidateStatus.PAUSED))) {
                if (c.pausedByRoom()) {
                    ExamStore.writeClock(
                            connection,
                            c.id(),
                            CandidateStatus.SITTING,
                            c.time().orElseThrow().resume(now),
                            false,
                            now);
                    resumed++;
                }
            }
            return resumed;
        });
    }

    /** Extra time for every candidate whose sitting is under way; returns how many. */
    public Future<Integer> extendRoom(long sessionId, long millis, long now) {
        return database.write(connection -> {
            List<CandidateRecord> sitting = ExamStore.candidates(connection, sessionId, IN_SITTING);
            Map<String, Paper> papers = new HashMap<>();
            for (CandidateRecord c : sitting) {
                extend(connection, c, millis, now, papers);
            }
            return sitting.size();
        });
    }

    /** The candidates to hand in when the room ends: everyone whose sitting is under way. */
    public Future<List<CandidateRecord>> sittingCandidates(long sessionId) {
        return database.read(connection -> ExamStore.candidates(connection, sessionId, IN_SITTING));
    }

    public Future<Void> endSession(long sessionId) {
        return database.write(connection -> {
            setSessionStatus(connection, sessionId, SessionStatus.ENDED);
            return null;
        });
    }

    /** Candidates whose sitting runs past deadline + grace, in deadline order (paused and moved clocks stand still). */
    public Future<List<Long>> overdue(long now, long graceMillis) {
        return database.read(connection -> {
            List<Long> ids = new java.util.ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM candidates"
                    + " WHERE status = 'SITTING' AND deadline > 0 AND deadline < ? ORDER BY deadline LIMIT 500")) {
                query.setLong(1, now - graceMillis);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** Extra time on the candidate's clock and in the timed sections they are in ({@code papers}: read so far). */
    private static void extend(
            Connection connection, CandidateRecord c, long millis, long now, Map<String, Paper> papers)
            throws SQLException {
        if (!IN_SITTING.contains(c.status())) {
            throw new ApiException(
                    ErrorCode.NOT_ALLOWED_NOW,
                    "extra time is for a sitting under way; candidate " + c.candidateNumber() + " is " + c.status());
        }
        SittingTime time;
        try {
            time = c.time().orElseThrow().extend(millis);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        ExamStore.writeClock(connection, c.id(), c.status(), time, c.pausedByRoom(), now);
        Paper paper = papers.get(c.paperId());
        if (paper == null) {
            paper = BankStore.load(connection, c.paperId());
            papers.put(c.paperId(), paper);
        }
        ExamStore.extendSections(connection, c, paper, millis, now);
    }

    private static void setStatus(Connection connection, long candidateId, CandidateStatus status, long now)
            throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE candidates SET status = ?, last_seen = ? WHERE id = ?")) {
            update.setString(1, status.name());
            update.setLong(2, now);
            update.setLong(3, candidateId);
            update.executeUpdate();
        }
    }

    /** Moves a session along its state machine, or refuses naming both states. */
    public static void setSessionStatus(Connection connection, long sessionId, SessionStatus to) throws SQLException {
        SessionStatus from;
        try (PreparedStatement query = connection.prepareStatement("SELECT status FROM sessions WHERE id = ?")) {
            query.setLong(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new ApiException(ErrorCode.NOT_FOUND, "session " + sessionId);
                }
                from = SessionStatus.valueOf(row.getString(1));
            }
        }
        if (!SessionLifecycle.allows(from, to)) {
            throw new ApiException(
                    ErrorCode.NOT_ALLOWED_NOW, "session " + sessionId + " cannot go from " + from + " to " + to);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE sessions SET status = ? WHERE id = ?")) {
            update.setString(1, to.name());
            update.setLong(2, sessionId);
            update.executeUpdate();
        }
    }

    private static CandidateStatus allowed(CandidateRecord c, CandidateStatus to) {
        if (!CandidateLifecycle.allows(c.status(), to)) {
            throw refused(c, to);
        }
        return to;
    }

    private static ApiException refused(CandidateRecord c, CandidateStatus to) {
        return new ApiException(
                ErrorCode.NOT_ALLOWED_NOW,
                "candidate " + c.candidateNumber() + " cannot go from " + c.status() + " to " + to);
    }

    private Future<CandidateRecord> change(long sessionId, String number, Change change) {
        return database.write(connection -> {
            CandidateRecord candidate = ExamStore.candidate(connection, sessionId, number);
            change.apply(connection, candidate);
            return ExamStore.candidate(connection, candidate.id());
        });
    }

    @FunctionalInterface
    private interface Change {
        void apply(Connection connection, CandidateRecord candidate) throws SQLException;
    }
}

package org.readroom.server.proctor;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.Messages.CandidateView;
import org.readroom.core.protocol.Messages.ResultsSummary;
import org.readroom.core.protocol.Messages.SessionRoster;
import org.readroom.core.session.CandidateStatus;
import org.readroom.core.text.LocalizedText;
import org.readroom.core.time.SittingTime;
import org.readroom.server.runtime.LiveSeats;
import org.readroom.server.store.Database;

/** What proctors and admins read about sessions: the live roster and how far results are. */
public final class RosterStore {

    private final Database database;
    private final LiveSeats seats;

    public RosterStore(Database database, LiveSeats seats) {
        this.database = database;
        this.seats = seats;
    }

    public Future<List<Long>> sessionIds() {
        return database.read(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM sessions ORDER BY id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    public Future<SessionRoster> roster(long sessionId, long now) {
        return database.read(connection -> {
            LocalizedText title = title(connection, sessionId);
            int total = count(
                    connection,
                    "SELECT COUNT(*) FROM paper_items p JOIN sessions s ON s.paper_id = p.paper_id" + " WHERE s.id = ?",
                    sessionId);
            List<CandidateView> candidates = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT c.candidate_number, c.name, c.seat,"
                    + " c.status, (SELECT COUNT(*) FROM answers a WHERE a.candidate_id = c.id"
                    + " AND (a.choices <> '' OR a.text <> '') AND a.not_counted IS NULL AND a.sequence = (SELECT"
                    + " MAX(b.sequence) FROM answers b WHERE b.candidate_id = c.id AND b.item_id = a.item_id"
                    + " AND b.not_counted IS NULL)),"
                    + " COALESCE(c.last_seen, 0), COALESCE(c.deadline, 0), c.id, COALESCE(c.started_at, 0),"
                    + " c.duration_ms, c.extra_ms, c.paused_ms, c.paused_since"
                    + " FROM candidates c WHERE c.session_id = ? ORDER BY c.seat, c.candidate_number")) {
                query.setLong(1, sessionId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        CandidateStatus status = CandidateStatus.valueOf(rows.getString(4));
                        long deadline = rows.getLong(7);
                        long remaining = 0;
                        if (rows.getLong(9) > 0 && rows.getLong(10) > 0) {
                            SittingTime time = new SittingTime(
                                    rows.getLong(9),
                                    rows.getLong(10),
                                    rows.getLong(11),
                                    rows.getLong(12),
                                    rows.getLong(13));
                            deadline = time.deadline(now);
                            remaining = status.isInSitting() ? time.remaining(now) : 0;
                        }
                        LiveSeats.SeatLive live = seats.live(rows.getLong(8), now);
                        candidates.add(new CandidateView(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getString(3),
                                status,
                                rows.getInt(5),
                                total,
                                rows.getLong(6),
                                deadline,
                                remaining,
                                live.connected(),
                                live.lastHeartbeat(),
                                live.focusLost(),
                                live.alerts(),
                                live.locked()));
                    }
                }
            }
            long startedAt = 0;
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT COALESCE(started_at, 0) FROM sessions WHERE id = ?")) {
                query.setLong(1, sessionId);
                try (ResultSet row = query.executeQuery()) {
                    startedAt = row.next() ? row.getLong(1) : 0;
                }
            }
            return new SessionRoster(sessionId, title, now, startedAt, candidates);
        });
    }

    public Future<ResultsSummary> results(long sessionId) {
        return database.read(connection -> {
            title(connection, sessionId);
            return new ResultsSummary(
                    sessionId,
                    count(connection, "SELECT COUNT(*) FROM candidates WHERE session_id = ?", sessionId),
                    count(
                            connection,
                            "SELECT COUNT(*) FROM candidates WHERE session_id = ? AND status = 'SUBMITTED'",
                            sessionId),
                    count(
                            connection,
                            "SELECT COUNT(DISTINCT s.candidate_id) FROM item_scores s JOIN candidates c"
                                    + " ON c.id = s.candidate_id WHERE c.session_id = ?",
                            sessionId),
                    count(
                            connection,
                            "SELECT COUNT(*) FROM reports r JOIN candidates c ON c.id = r.candidate_id"
                                    + " WHERE c.session_id = ?",
                            sessionId));
        });
    }

    private static LocalizedText title(Connection connection, long sessionId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT title_zh, title_en FROM sessions WHERE id = ?")) {
            query.setLong(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new ApiException(ErrorCode.NOT_FOUND, "session " + sessionId);
                }
                return new LocalizedText(row.getString(1), row.getString(2));
            }
        }
    }

    private static int count(Connection connection, String sql, long sessionId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}

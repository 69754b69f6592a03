package org.readroom.server.runtime;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.Messages.InterruptionView;
import org.readroom.server.audit.AuditLog;
import org.readroom.server.exam.CandidateRecord;
import org.readroom.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gaps in a sitting candidate's heartbeats, kept as suggested time credits. Nothing changes a clock until the proctor
 * accepts a suggestion; the suggestion and the decision are both in the audit log.
 */
public final class Interruptions {

    private static final Logger LOG = LoggerFactory.getLogger(Interruptions.class);

    private final Database database;
    private final AuditLog audit;
    private final LiveSeats seats;

    public Interruptions(Database database, AuditLog audit, LiveSeats seats) {
        this.database = database;
        this.audit = audit;
        this.seats = seats;
    }

    /** Records a suggestion; a failure is logged, never passed to the kiosk whose heartbeat found the gap. */
    public void suggest(CandidateRecord candidate, LiveSeats.Interruption gap) {
        database.write(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO interruptions"
                            + " (candidate_id, from_ms, to_ms, credit_ms, status) VALUES (?, ?, ?, ?, 'SUGGESTED')")) {
                        insert.setLong(1, candidate.id());
                        insert.setLong(2, gap.from());
                        insert.setLong(3, gap.to());
                        insert.setLong(4, gap.creditMillis());
                        insert.executeUpdate();
                    }
                    return null;
                })
                .compose(v -> audit.append(
                        "server",
                        "interruption",
                        "candidate " + candidate.candidateNumber() + " no heartbeat for " + (gap.to() - gap.from())
                                + " ms; suggested credit " + gap.creditMillis() + " ms"))
                .onSuccess(v -> seats.changed(candidate.sessionId()))
                .onFailure(
                        failure -> LOG.error("interruption of {} not recorded", candidate.candidateNumber(), failure));
    }

    public Future<List<InterruptionView>> list(long sessionId) {
        return database.read(connection -> {
            List<InterruptionView> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT i.id, c.candidate_number, i.from_ms,"
                    + " i.to_ms, i.credit_ms, i.status FROM interruptions i JOIN candidates c ON c.id = i.candidate_id"
                    + " WHERE c.session_id = ? ORDER BY i.id")) {
                query.setLong(1, sessionId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(new InterruptionView(
                                rows.getLong(1),
                                rows.getString(2),
                                rows.getLong(3),
                                rows.getLong(4),
                                rows.getLong(5),
                                rows.getString(6)));
                    }
                }
            }
            return found;
        });
    }

    /** Marks a suggestion decided (once) and returns it; the caller applies an accepted credit. */
    public Future<InterruptionView> decide(long sessionId, long interruptionId, boolean accept, String by, long now) {
        return database.write(connection -> {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE interruptions SET status = ?,"
                            + " decided_by = ?, decided_at = ? WHERE id = ? AND status = 'SUGGESTED' AND candidate_id IN"
                            + " (SELECT id FROM candidates WHERE session_id = ?)")) {
                        update.setString(1, accept ? "ACCEPTED" : "DECLINED");
                        update.setString(2, by);
                        update.setLong(3, now);
                        update.setLong(4, interruptionId);
                        update.setLong(5, sessionId);
                        if (update.executeUpdate() == 0) {
                            throw new ApiException(
                                    ErrorCode.NOT_ALLOWED_NOW,
                                    "interruption " + interruptionId + " is not an open suggestion in session "
                                            + sessionId);
                        }
                    }
                    return null;
                })
                .compose(v -> list(sessionId))
                .map(all -> all.stream()
                        .filter(i -> i.id() == interruptionId)
                        .findFirst()
                        .orElseThrow());
    }
}

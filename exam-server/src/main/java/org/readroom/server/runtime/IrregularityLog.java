package org.readroom.server.runtime;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import org.readroom.server.exam.ExamStore;
import org.readroom.server.store.Database;

/** Irregularity reports: what the proctor saw, about one candidate or the room, in one of four categories. */
final class IrregularityLog {

    private final Database database;

    IrregularityLog(Database database) {
        this.database = database;
    }

    /** Stores a report; {@code candidateNumber} null or blank means the room. */
    Future<Void> report(
            long sessionId, String candidateNumber, String category, String description, String by, long now) {
        return database.write(connection -> {
            Long candidateId = null;
            if (candidateNumber != null && !candidateNumber.isBlank()) {
                candidateId = ExamStore.candidate(connection, sessionId, candidateNumber.strip())
                        .id();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO irregularities"
                    + " (session_id, candidate_id, category, description, reported_by, reported_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, sessionId);
                insert.setObject(2, candidateId);
                insert.setString(3, category);
                insert.setString(4, description);
                insert.setString(5, by);
                insert.setLong(6, now);
                insert.executeUpdate();
            }
            return null;
        });
    }
}

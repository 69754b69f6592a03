package org.readroom.server.schedule;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.Messages.CreatedSession;
import org.readroom.core.protocol.Messages.NewSession;
import org.readroom.server.store.Database;

/** Sessions and their generated rosters, written in one transaction. */
public final class ScheduleStore {

    private final Database database;
    private final SecureRandom random = new SecureRandom();

    public ScheduleStore(Database database) {
        this.database = database;
    }

    Future<CreatedSession> create(NewSession request, String admissionCodeHash) {
        return database.write(connection -> {
            try (PreparedStatement paper = connection.prepareStatement("SELECT 1 FROM papers WHERE id = ?")) {
                paper.setString(1, request.paperId());
                try (ResultSet row = paper.executeQuery()) {
                    if (!row.next()) {
                        throw new ApiException(ErrorCode.NOT_FOUND, "paper " + request.paperId());
                    }
                }
            }
            long sessionId;
            try (PreparedStatement session = connection.prepareStatement(
                    "INSERT INTO sessions (paper_id, title_zh, title_en, room, status) VALUES (?, ?, ?, ?, 'OPEN')",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                session.setString(1, request.paperId());
                session.setString(2, request.titleZh().strip());
                session.setString(3, request.titleEn().strip());
                session.setString(4, request.room().strip());
                session.executeUpdate();
                try (ResultSet key = session.getGeneratedKeys()) {
                    key.next();
                    sessionId = key.getLong(1);
                }
            }
            String prefix = request.numberPrefix() + sessionId + "-";
            try (PreparedStatement candidate = connection.prepareStatement("INSERT INTO candidates (session_id,"
                    + " candidate_number, name, admission_code_hash, seat, seed, status)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'REGISTERED')")) {
                for (int i = 1; i <= request.candidates(); i++) {
                    candidate.setLong(1, sessionId);
                    candidate.setString(2, number(prefix, i));
                    candidate.setString(3, "考生 " + i);
                    candidate.setString(4, admissionCodeHash);
                    candidate.setString(5, String.format("%05d", i));
                    candidate.setLong(6, random.nextLong());
                    candidate.addBatch();
                }
                candidate.executeBatch();
            }
            return new CreatedSession(sessionId, prefix, request.candidates());
        });
    }

    /** The generated candidate number {@code i} (from 1) of a session whose numbers start with {@code stem}. */
    public static String number(String stem, int i) {
        return stem + String.format("%05d", i);
    }
}

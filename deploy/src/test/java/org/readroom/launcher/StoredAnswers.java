package org.readroom.launcher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** What a server's database holds for one candidate, read read-only beside the running server (SQLite WAL allows it). */
final class StoredAnswers {

    private StoredAnswers() {}

    /** Sequence → stored chain hash of every answer change of the candidate, in sequence order. */
    static Map<Long, String> hashes(Path dataDir, long sessionId, String candidateNumber) throws SQLException {
        Map<Long, String> stored = new LinkedHashMap<>();
        try (Connection connection = readOnly(dataDir);
                PreparedStatement query = connection.prepareStatement("SELECT a.sequence, a.hash FROM answers a"
                        + " JOIN candidates c ON c.id = a.candidate_id WHERE c.session_id = ? AND c.candidate_number = ?"
                        + " ORDER BY a.sequence")) {
            query.setLong(1, sessionId);
            query.setString(2, candidateNumber);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return stored;
    }

    /** The questions the candidate has an answer to (move events left out). */
    static Set<String> itemIds(Path dataDir, long sessionId, String candidateNumber) throws SQLException {
        Set<String> items = new TreeSet<>();
        try (Connection connection = readOnly(dataDir);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT DISTINCT a.item_id FROM answers a JOIN candidates c ON c.id = a.candidate_id"
                                + " WHERE c.session_id = ? AND c.candidate_number = ? AND a.item_id NOT LIKE '@%'")) {
            query.setLong(1, sessionId);
            query.setString(2, candidateNumber);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(rows.getString(1));
                }
            }
        }
        return items;
    }

    private static Connection readOnly(Path dataDir) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("readroom.db"), readOnly);
    }
}

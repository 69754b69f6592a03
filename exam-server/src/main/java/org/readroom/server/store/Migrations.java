package org.readroom.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered schema migrations from {@code db/migration/V###__name.sql}, each applied once, in order, in its own
 * transaction. The list is explicit so a missing file fails the start instead of silently skipping a step.
 */
final class Migrations {

    static final List<String> FILES = List.of(
            "V001__initial.sql",
            "V002__packages.sql",
            "V003__kiosks.sql",
            "V004__runtime.sql",
            "V005__paused_before_move.sql",
            "V006__cases.sql",
            "V007__bank.sql",
            "V008__paper_sections.sql",
            "V009__section_entries.sql",
            "V010__answers_not_counted.sql");

    private Migrations() {}

    static void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                            + " applied_at INTEGER NOT NULL)");
        }
        int current = currentVersion(connection);
        for (String file : FILES) {
            int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
            if (version > current) {
                applyOne(connection, version, file);
            }
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static void applyOne(Connection connection, int version, String file) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // Statements end with ';' at the end of a line; triggers keep their inner ';' mid-line.
            for (String sql : read(file).split(";\\s*(\\r?\\n|$)")) {
                if (!withoutComments(sql).isBlank()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, file);
                insert.setLong(3, System.currentTimeMillis());
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw new SQLException("migration " + file + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static String withoutComments(String sql) {
        return sql.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b);
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration " + file + " cannot be read", e);
        }
    }
}

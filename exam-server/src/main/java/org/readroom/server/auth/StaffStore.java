package org.readroom.server.auth;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Optional;
import org.readroom.server.store.Database;

/** Staff accounts (admin, proctor, marker) with Argon2id password hashes. */
public final class StaffStore {

    /** A staff account as stored. */
    public record Account(long id, String username, String displayName, Role role, String passwordHash) {}

    private final Database database;

    public StaffStore(Database database) {
        this.database = database;
    }

    public Future<Optional<Account>> find(String username) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, username, display_name, role, password_hash FROM staff WHERE username = ?")) {
                query.setString(1, username);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Account(
                            row.getLong(1),
                            row.getString(2),
                            row.getString(3),
                            Role.valueOf(row.getString(4).toUpperCase(Locale.ROOT)),
                            row.getString(5)));
                }
            }
        });
    }
}

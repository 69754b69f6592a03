package org.readroom.server.audit;

import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.time.Clock;
import org.readroom.server.store.Database;

/** The append-only audit log (the database refuses updates and deletes). Never give it secrets. */
public final class AuditLog {

    private final Database database;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Future<Void> append(String actor, String action, String detail) {
        long now = clock.millis();
        return database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, now);
                insert.setString(2, actor);
                insert.setString(3, action);
                insert.setString(4, detail);
                insert.executeUpdate();
            }
            return null;
        });
    }
}

package org.readroom.server.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.readroom.core.assets.ContentHash;
import org.readroom.server.scoring.ResultSheet;
import org.readroom.server.store.Database;

/** Writes result PDFs off the event loop into {@code DATA/reports/session-N/} and records each one. */
public final class ReportService {

    private final Vertx vertx;
    private final Database database;
    private final Path root;
    private final ResultPdf pdf;

    public ReportService(Vertx vertx, Database database, Path root, ResultPdf pdf) {
        this.vertx = vertx;
        this.database = database;
        this.root = root;
        this.pdf = pdf;
    }

    public Path folder(long sessionId) {
        return root.resolve("session-" + sessionId);
    }

    public Future<Path> write(long candidateId, long sessionId, ResultSheet sheet) {
        Path target = folder(sessionId).resolve(sheet.candidateNumber().replaceAll("[^A-Za-z0-9_-]", "_") + ".pdf");
        return vertx.executeBlocking(
                        () -> {
                            pdf.write(sheet, target);
                            return ContentHash.sha256(Files.readAllBytes(target));
                        },
                        false)
                .compose(sha -> database.write(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO reports"
                            + " (candidate_id, path, sha256, created_at) VALUES (?, ?, ?, ?)")) {
                        insert.setLong(1, candidateId);
                        insert.setString(2, target.toString());
                        insert.setString(3, sha);
                        insert.setLong(4, System.currentTimeMillis());
                        insert.executeUpdate();
                    }
                    return target;
                }));
    }

    /** How many reports exist for a session (used by the results summary). */
    public Future<Integer> count(long sessionId) {
        return database.read(connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT COUNT(*) FROM reports r JOIN candidates c"
                            + " ON c.id = r.candidate_id WHERE c.session_id = ?")) {
                query.setLong(1, sessionId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }
}

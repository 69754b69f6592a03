package org.readroom.server.delivery;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.readroom.core.enrolment.KioskIdentity.KioskPublicKeys;
import org.readroom.core.errors.ApiException;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.DeliveryMessages.KioskView;
import org.readroom.core.protocol.DeliveryMessages.PackageCopy;
import org.readroom.core.protocol.DeliveryMessages.PackageInfo;
import org.readroom.core.session.SessionStatus;
import org.readroom.server.runtime.CandidateControl;
import org.readroom.server.store.Database;

/** Kiosks, their approval, their copies of packages and their admission to sessions: the delivery work's SQL. */
public final class KioskRegistry {

    /** A package as stored on the server, with the content key that stays here until the start. */
    public record StoredPackage(String packageId, String paperId, String file, byte[] contentKey, long size) {}

    private final Database database;
    // Packages never change once built, so each is read from the database once.
    private final java.util.Map<String, StoredPackage> packages = new java.util.concurrent.ConcurrentHashMap<>();

    public KioskRegistry(Database database) {
        this.database = database;
    }

    public Future<KioskRecord> enrol(String name, KioskPublicKeys keys, long now) {
        String id = UUID.randomUUID().toString();
        return database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kiosks (id, name, agreement_key,"
                    + " signing_key, pairing_code, status, enrolled_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?)")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.setBytes(3, keys.agreement());
                insert.setBytes(4, keys.signing());
                insert.setString(5, keys.pairingCode());
                insert.setLong(6, now);
                insert.executeUpdate();
            }
            return new KioskRecord(id, name, keys, "PENDING");
        });
    }

    public Future<Optional<KioskRecord>> find(String kioskId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, name, agreement_key, signing_key, status FROM kiosks WHERE id = ?")) {
                query.setString(1, kioskId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(kiosk(row)) : Optional.empty();
                }
            }
        });
    }

    private static KioskRecord kiosk(ResultSet row) throws SQLException {
        return new KioskRecord(
                row.getString(1),
                row.getString(2),
                new KioskPublicKeys(row.getBytes(3), row.getBytes(4)),
                row.getString(5));
    }

    /** Approves or revokes; returns the kiosk after the change. */
    public Future<KioskRecord> decide(String kioskId, String status, String by, long now) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE kiosks SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?")) {
                update.setString(1, status);
                update.setLong(2, now);
                update.setString(3, by);
                update.setString(4, kioskId);
                if (update.executeUpdate() == 0) {
                    throw new ApiException(ErrorCode.NOT_FOUND, "kiosk " + kioskId);
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, name, agreement_key, signing_key, status FROM kiosks WHERE id = ?")) {
                query.setString(1, kioskId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return kiosk(row);
                }
            }
        });
    }

    public Future<List<KioskView>> list() {
        return database.read(connection -> {
            List<KioskView> views = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                            "SELECT id, name, status, pairing_code FROM kiosks ORDER BY enrolled_at, id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    views.add(new KioskView(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            copies(connection, rows.getString(1)),
                            admissions(connection, rows.getString(1))));
                }
            }
            return views;
        });
    }

    private static List<PackageCopy> copies(Connection connection, String kioskId) throws SQLException {
        List<PackageCopy> copies = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT k.package_id, k.bytes_received, p.size,"
                + " k.verified FROM kiosk_packages k JOIN packages p ON p.package_id = k.package_id WHERE k.kiosk_id = ?"
                + " ORDER BY k.package_id")) {
            query.setString(1, kioskId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    copies.add(
                            new PackageCopy(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getInt(4) == 1));
                }
            }
        }
        return copies;
    }

    private static List<Long> admissions(Connection connection, String kioskId) throws SQLException {
        List<Long> sessions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT session_id FROM session_kiosks WHERE kiosk_id = ? ORDER BY session_id")) {
            query.setString(1, kioskId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sessions.add(rows.getLong(1));
                }
            }
        }
        return sessions;
    }

    public Future<Void> progress(String kioskId, String packageId, long bytes, boolean verified, long now) {
        return database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO kiosk_packages (kiosk_id,"
                    + " package_id, bytes_received, verified, reported_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kiosk_id,"
                    + " package_id) DO UPDATE SET bytes_received = excluded.bytes_received, verified = excluded.verified,"
                    + " reported_at = excluded.reported_at")) {
                upsert.setString(1, kioskId);
                upsert.setString(2, packageId);
                upsert.setLong(3, bytes);
                upsert.setInt(4, verified ? 1 : 0);
                upsert.setLong(5, now);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** The newest package of every paper (what kiosks should fetch). */
    public Future<List<PackageInfo>> packages() {
        return database.read(connection -> {
            List<PackageInfo> list = new ArrayList<>();
            try (PreparedStatement query =
                            connection.prepareStatement("SELECT package_id, paper_id, size FROM packages p"
                                    + " WHERE created_at = (SELECT MAX(created_at) FROM packages q WHERE q.paper_id = p.paper_id)"
                                    + " ORDER BY paper_id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    list.add(new PackageInfo(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
            return list;
        });
    }

    /** The newest package of one paper, if any was built. */
    public Future<Optional<PackageInfo>> latestPackage(String paperId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT package_id, paper_id, size FROM packages"
                    + " WHERE paper_id = ? ORDER BY created_at DESC, package_id LIMIT 1")) {
                query.setString(1, paperId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next()
                            ? Optional.of(new PackageInfo(row.getString(1), row.getString(2), row.getLong(3)))
                            : Optional.empty();
                }
            }
        });
    }

    public Future<StoredPackage> storedPackage(String packageId) {
        StoredPackage cached = packages.get(packageId);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT package_id, paper_id, file, content_key, size FROM packages WHERE package_id = ?")) {
                query.setString(1, packageId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new ApiException(ErrorCode.NOT_FOUND, "package " + packageId);
                    }
                    StoredPackage stored = new StoredPackage(
                            row.getString(1), row.getString(2), row.getString(3), row.getBytes(4), row.getLong(5));
                    packages.put(packageId, stored);
                    return stored;
                }
            }
        });
    }

    public Future<Void> admit(long sessionId, String kioskId, String by, long now) {
        return database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO session_kiosks"
                    + " (session_id, kiosk_id, admitted_at, admitted_by) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, sessionId);
                insert.setString(2, kioskId);
                insert.setLong(3, now);
                insert.setString(4, by);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Admission of a kiosk to a session of this paper: empty when not admitted, else whether it has started. */
    public Future<Optional<Boolean>> admission(String kioskId, String paperId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT MAX(s.started_at IS NOT NULL)"
                    + " FROM session_kiosks k JOIN sessions s ON s.id = k.session_id"
                    + " WHERE k.kiosk_id = ? AND s.paper_id = ?")) {
                query.setString(1, kioskId);
                query.setString(2, paperId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    int started = row.getInt(1);
                    return row.wasNull() ? Optional.empty() : Optional.of(started == 1);
                }
            }
        });
    }

    /** The approved kiosks admitted to a session, by id, read in one query (the key release at the start). */
    public Future<java.util.Map<String, KioskRecord>> admittedApproved(long sessionId) {
        return database.read(connection -> {
            java.util.Map<String, KioskRecord> kiosks = new java.util.HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT k.id, k.name, k.agreement_key,"
                    + " k.signing_key, k.status FROM session_kiosks s JOIN kiosks k ON k.id = s.kiosk_id"
                    + " WHERE s.session_id = ? AND k.status = 'APPROVED'")) {
                query.setLong(1, sessionId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        KioskRecord kiosk = kiosk(rows);
                        kiosks.put(kiosk.id(), kiosk);
                    }
                }
            }
            return kiosks;
        });
    }

    /**
     * Starts the session (once: OPEN becomes RUNNING; a started session is left as it is) and admits every candidate
     * logged in by then; those who log in later wait for the proctor to admit them. Returns its paper id and the
     * number of admitted kiosks.
     */
    public Future<StartedSession> start(long sessionId, long now) {
        return database.write(connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT started_at FROM sessions WHERE id = ?")) {
                query.setLong(1, sessionId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new ApiException(ErrorCode.NOT_FOUND, "session " + sessionId);
                    }
                    row.getLong(1);
                    if (row.wasNull()) {
                        CandidateControl.setSessionStatus(connection, sessionId, SessionStatus.RUNNING);
                        try (PreparedStatement update =
                                connection.prepareStatement("UPDATE sessions SET started_at = ? WHERE id = ?")) {
                            update.setLong(1, now);
                            update.setLong(2, sessionId);
                            update.executeUpdate();
                        }
                    }
                }
            }
            try (PreparedStatement admit = connection.prepareStatement(
                    "UPDATE candidates SET status = 'ADMITTED'" + " WHERE session_id = ? AND status = 'LOGGED_IN'")) {
                admit.setLong(1, sessionId);
                admit.executeUpdate();
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT paper_id, started_at, (SELECT COUNT(*)"
                    + " FROM session_kiosks k WHERE k.session_id = s.id) FROM sessions s WHERE id = ?")) {
                query.setLong(1, sessionId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return new StartedSession(sessionId, row.getString(1), row.getLong(2), row.getInt(3));
                }
            }
        });
    }

    /** A started session. */
    public record StartedSession(long sessionId, String paperId, long startedAt, int admittedKiosks) {}
}

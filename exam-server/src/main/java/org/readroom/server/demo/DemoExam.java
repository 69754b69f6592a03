package org.readroom.server.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.readroom.core.dicom.phantom.ChestPhantom;
import org.readroom.core.paper.Paper;
import org.readroom.server.auth.Passwords;
import org.readroom.server.bank.BankStore;
import org.readroom.server.store.AssetStore;
import org.readroom.server.store.Database;

/**
 * Seeds the demo exam into an empty data folder: a synthetic chest CT phantom series (generated, never patient data),
 * five items, one paper, one running session with six candidates, and a proctor and an admin account. Seeding an
 * already seeded folder changes nothing.
 */
public final class DemoExam {

    public static final String PAPER_ID = "demo";
    public static final String PROCTOR_USER = "proctor";
    public static final String PROCTOR_PASSWORD = "proctor-demo";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-demo";
    public static final int SLICES = 24;
    public static final int SIZE = 256;

    /** A demo candidate's log-in. */
    public record Credentials(String candidateNumber, String name, String seat, String admissionCode) {}

    /** What the demo seeded: the session and the people who can log in to it. */
    public record Seeded(long sessionId, List<Credentials> candidates) {}

    static final List<Credentials> CANDIDATES = List.of(
            new Credentials("2026001", "张伟", "A01", "314159"),
            new Credentials("2026002", "王芳", "A02", "271828"),
            new Credentials("2026003", "李娜", "A03", "161803"),
            new Credentials("2026004", "刘洋", "A04", "141421"),
            new Credentials("2026005", "陈静", "A05", "173205"),
            new Credentials("2026006", "Emma Wilson", "A06", "223606"));

    private DemoExam() {}

    public static Future<Seeded> seed(Vertx vertx, Database database, AssetStore assets, Path dataDir) {
        return database.read(DemoExam::existingSession)
                .compose(existing -> existing > 0
                        ? Future.succeededFuture(new Seeded(existing, CANDIDATES))
                        : vertx.executeBlocking(() -> prepare(assets, dataDir))
                                .compose(prepared -> database.write(connection -> insert(connection, prepared))))
                .compose(seeded -> vertx.executeBlocking(() -> {
                    writeAccounts(dataDir);
                    return seeded;
                }));
    }

    /** The file in a demo data folder naming the demo's staff accounts (read by tools such as the load simulator). */
    public static final String ACCOUNTS_FILE = "demo-accounts.properties";

    /**
     * Writes the demo's staff accounts beside its database, owner-only, so tools on the same machine (the load
     * simulator) can act as the demo admin. Only a demo server writes it; a real server has no such file.
     */
    private static void writeAccounts(Path dataDir) throws IOException {
        Path file = dataDir.resolve(ACCOUNTS_FILE);
        if (Files.exists(file)) {
            return;
        }
        Path temp = dataDir.resolve(ACCOUNTS_FILE + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                temp,
                "# Demo staff accounts of this data folder (demo only)\n"
                        + "admin.user=" + ADMIN_USER + "\nadmin.password=" + ADMIN_PASSWORD + "\n"
                        + "proctor.user=" + PROCTOR_USER + "\nproctor.password=" + PROCTOR_PASSWORD + "\n");
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static long existingSession(Connection connection) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT s.id FROM sessions s WHERE s.paper_id = ? ORDER BY s.id LIMIT 1")) {
            query.setString(1, PAPER_ID);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** The slow part, off the event loop: phantom images into the asset store, and the Argon2id hashes. */
    private record Prepared(
            Paper paper, List<String> sliceAssets, List<String> codeHashes, String proctorHash, String adminHash) {}

    private static Prepared prepare(AssetStore assets, Path dataDir) throws Exception {
        Path work = Files.createTempDirectory(dataDir, "phantom");
        List<String> slices = new ArrayList<>();
        try {
            for (Path slice : ChestPhantom.writeSeries(work, SLICES, SIZE)) {
                slices.add(assets.put(Files.readAllBytes(slice)));
                Files.delete(slice);
            }
        } finally {
            Files.deleteIfExists(work);
        }
        List<String> hashes = new ArrayList<>();
        for (Credentials candidate : CANDIDATES) {
            hashes.add(Passwords.hash(candidate.admissionCode()));
        }
        return new Prepared(
                DemoPaper.build(PAPER_ID, slices, SIZE),
                slices,
                hashes,
                Passwords.hash(PROCTOR_PASSWORD),
                Passwords.hash(ADMIN_PASSWORD));
    }

    private static Seeded insert(Connection connection, Prepared prepared) throws SQLException {
        try (PreparedStatement asset = connection.prepareStatement(
                "INSERT OR IGNORE INTO assets (sha256, media_type, size) VALUES (?, 'application/dicom', 0)")) {
            for (String sha : prepared.sliceAssets()) {
                asset.setString(1, sha);
                asset.addBatch();
            }
            asset.executeBatch();
        }
        BankStore.insertPaper(connection, prepared.paper());
        try (PreparedStatement staff = connection.prepareStatement(
                "INSERT INTO staff (username, display_name, role, password_hash) VALUES (?, ?, ?, ?)")) {
            addStaff(staff, PROCTOR_USER, "监考老师 Proctor", "proctor", prepared.proctorHash());
            addStaff(staff, ADMIN_USER, "管理员 Admin", "admin", prepared.adminHash());
            staff.executeBatch();
        }
        long sessionId;
        try (PreparedStatement session = connection.prepareStatement(
                "INSERT INTO sessions (paper_id, title_zh," + " title_en, room, status) VALUES (?, ?, ?, ?, 'OPEN')",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            session.setString(1, PAPER_ID);
            session.setString(2, "演示场次 · 机房A");
            session.setString(3, "Demo session · Lab A");
            session.setString(4, "Lab A");
            session.executeUpdate();
            try (ResultSet key = session.getGeneratedKeys()) {
                key.next();
                sessionId = key.getLong(1);
            }
        }
        SecureRandom random = new SecureRandom();
        try (PreparedStatement candidate = connection.prepareStatement(
                "INSERT INTO candidates (session_id,"
                        + " candidate_number, name, admission_code_hash, seat, seed, status) VALUES (?, ?, ?, ?, ?, ?, 'REGISTERED')")) {
            for (int i = 0; i < CANDIDATES.size(); i++) {
                Credentials c = CANDIDATES.get(i);
                candidate.setLong(1, sessionId);
                candidate.setString(2, c.candidateNumber());
                candidate.setString(3, c.name());
                candidate.setString(4, prepared.codeHashes().get(i));
                candidate.setString(5, c.seat());
                candidate.setLong(6, random.nextLong());
                candidate.addBatch();
            }
            candidate.executeBatch();
        }
        return new Seeded(sessionId, CANDIDATES);
    }

    private static void addStaff(PreparedStatement staff, String user, String name, String role, String hash)
            throws SQLException {
        staff.setString(1, user);
        staff.setString(2, name);
        staff.setString(3, role);
        staff.setString(4, hash);
        staff.addBatch();
    }
}

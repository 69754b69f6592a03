package org.readroom.kiosk.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.readroom.core.enrolment.KioskIdentity;
import org.readroom.core.journal.AnswerJournal;
import org.readroom.core.journal.JournalException;
import org.readroom.kiosk.resume.ResumeTickets;
import org.slf4j.LoggerFactory;

/**
 * What a kiosk keeps on its own disk between runs, in one folder readable by its user only: its key pairs (created
 * once, never sent anywhere), the id the server gave it at enrolment with the server's package-signing key, and the
 * packages it fetched ahead of the exam (encrypted; useless without the key released at the start).
 */
public final class KioskState {

    private static final String IDENTITY = "identity.key";
    private static final String ENROLMENT = "enrolment.properties";

    private final Path folder;

    public KioskState(Path folder) {
        this.folder = folder;
    }

    /** What the server said at enrolment. */
    public record Enrolment(String kioskId, byte[] packageSigningKey) {}

    public Path folder() {
        return folder;
    }

    /** This kiosk's key pairs, created (and written owner-only) on first use. */
    public synchronized KioskIdentity identity() {
        Path file = folder.resolve(IDENTITY);
        try {
            if (Files.exists(file)) {
                return KioskIdentity.fromBytes(Files.readAllBytes(file));
            }
            KioskIdentity created = KioskIdentity.generate();
            writePrivate(file, created.toBytes());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the kiosk's keys in " + folder + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    file + " is damaged (" + e.getMessage() + "); delete it and enrol this kiosk again", e);
        }
    }

    public synchronized Optional<Enrolment> enrolment() {
        Path file = folder.resolve(ENROLMENT);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String id = properties.getProperty("kioskId", "");
        String key = properties.getProperty("packageSigningKey", "");
        if (id.isBlank() || !key.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return Optional.of(new Enrolment(id, HexFormat.of().parseHex(key)));
    }

    public synchronized void saveEnrolment(String kioskId, String packageSigningKeyHex) {
        if (packageSigningKeyHex == null || !packageSigningKeyHex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("the server sent no valid package-signing key");
        }
        Properties properties = new Properties();
        properties.setProperty("kioskId", kioskId);
        properties.setProperty("packageSigningKey", packageSigningKeyHex);
        try {
            Path temp = prepare().resolve(ENROLMENT + ".part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "ReadRoom kiosk enrolment");
            }
            Files.move(temp, folder.resolve(ENROLMENT), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(ENROLMENT) + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the enrolment (the server no longer knows this kiosk); the keys stay. */
    public synchronized void forgetEnrolment() {
        try {
            Files.deleteIfExists(folder.resolve(ENROLMENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This kiosk's sealed resume tickets, keyed from its identity (see {@link ResumeTickets}). */
    public ResumeTickets resumeTickets() {
        return new ResumeTickets(folder.resolve("resume"), identity().derivedKey("readroom resume ticket v1"));
    }

    /**
     * Opens this kiosk's encrypted answer journal for one candidate in one session, keyed from the kiosk's identity.
     * A journal this kiosk cannot read (written under an earlier identity, or damaged) is moved aside, kept, and a
     * new one started: the server's record is then the starting point.
     */
    public AnswerJournal openJournal(long sessionId, String candidateNumber) throws IOException {
        Path file = folder.resolve("journal")
                .resolve("s" + sessionId + "-" + candidateNumber.replaceAll("[^0-9A-Za-z_-]", "_") + ".rrj");
        byte[] key = identity().derivedKey("readroom answer journal v1");
        try {
            return AnswerJournal.open(file, key);
        } catch (JournalException unreadable) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            Files.move(file, aside);
            LoggerFactory.getLogger(KioskState.class)
                    .warn("answer journal moved aside to {}: {}", aside, unreadable.getMessage());
            return AnswerJournal.open(file, key);
        }
    }

    /** Where a package is kept (created as needed). */
    public Path packageFile(String packageId) {
        if (!packageId.matches("[A-Za-z0-9_.-]{1,128}")) {
            throw new IllegalArgumentException("package id is not valid: " + packageId);
        }
        try {
            Path dir = prepare().resolve("packages");
            Files.createDirectories(dir);
            return dir.resolve(packageId + ".rrpkg");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder.resolve("packages") + ": " + e.getMessage(), e);
        }
    }

    /** A fresh folder for the images of an open exam, owner-only; the caller deletes it when the exam ends. */
    public Path openImagesFolder() {
        try {
            Path dir = prepare().resolve("open");
            Files.createDirectories(dir);
            return Files.createTempDirectory(
                    dir, "exam-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an image folder in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Deletes images left by an exam that did not end on this kiosk (it was switched off); called at start. */
    public void clearOpenImages() {
        deleteTree(folder.resolve("open"));
    }

    /** Deletes a folder made by {@link #openImagesFolder()} and everything in it. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path prepare() throws IOException {
        if (!Files.exists(folder)) {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
        }
        return folder;
    }

    private void writePrivate(Path file, byte[] bytes) throws IOException {
        prepare();
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temp, bytes);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own access rules apply
        }
    }
}

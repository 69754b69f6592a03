package org.readroom.server.runtime;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.readroom.core.session.ResumeCodes;
import org.readroom.server.exam.CandidateRecord;

/**
 * The server's resume key in {@code DATA/keys/resume-code.key} (32 random bytes, readable by the server's user only),
 * from which each candidate's resume secret is derived (see {@link ResumeCodes}). It is read by the server, and by
 * {@code readroom resume-code} on the same machine when the server itself is down.
 */
public final class ResumeKey {

    private static final int LENGTH = 32;

    private final byte[] key;

    private ResumeKey(byte[] key) {
        this.key = key;
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("keys").resolve("resume-code.key");
    }

    public static ResumeKey loadOrCreate(Path dataDir) throws IOException {
        Path file = file(dataDir);
        if (Files.exists(file)) {
            return load(dataDir);
        }
        Files.createDirectories(file.getParent());
        byte[] fresh = new byte[LENGTH];
        new SecureRandom().nextBytes(fresh);
        // Written aside, then moved into place: a crash never leaves a short key that stops the server starting.
        Path part = Files.createTempFile(file.getParent(), "resume-code", ".part");
        try {
            try {
                Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // not a POSIX file system: the folder's own access rules apply
            }
            Files.write(part, fresh);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            return load(dataDir);
        } finally {
            Files.deleteIfExists(part);
        }
        return new ResumeKey(fresh);
    }

    /** Reads the key of a server that has run at least once in {@code dataDir}. */
    public static ResumeKey load(Path dataDir) throws IOException {
        Path file = file(dataDir);
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            throw new IOException("no resume key at " + file + ": has the exam server run with this data folder?");
        }
        if (raw.length != LENGTH) {
            throw new IOException(
                    file + " is not a resume key (expected " + LENGTH + " bytes, found " + raw.length + ")");
        }
        return new ResumeKey(raw);
    }

    /** The secret of this candidate's current sitting, as raw bytes. */
    public byte[] secretOf(long sessionId, String candidateNumber, long epoch) {
        return ResumeCodes.secret(key, sessionId, candidateNumber, epoch);
    }

    /** The secret the candidate's kiosk receives with the sitting (base64). */
    public String secretFor(CandidateRecord candidate) {
        return Base64.getEncoder()
                .encodeToString(secretOf(candidate.sessionId(), candidate.candidateNumber(), candidate.epoch()));
    }

    /** The proctor's response to a kiosk's challenge for this candidate's current sitting. */
    public String responseFor(CandidateRecord candidate, String challenge) {
        return ResumeCodes.response(
                secretOf(candidate.sessionId(), candidate.candidateNumber(), candidate.epoch()), challenge);
    }
}

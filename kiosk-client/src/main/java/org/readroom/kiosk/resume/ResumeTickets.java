package org.readroom.kiosk.resume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.readroom.core.packaging.PackageCrypto;
import org.readroom.core.protocol.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's resume tickets, one file per sitting in {@code STATE/resume/}, each sealed with AES-256-GCM under a key
 * derived from the kiosk's own identity (so a copied file is useless elsewhere) and written atomically. A ticket
 * lives from the moment the paper opens until the hand-in (or the server closes the sitting); one older than
 * {@link #MAX_AGE} is a leftover and is deleted.
 */
public final class ResumeTickets {

    /** A ticket not refreshed for this long belongs to an exam that is long over. */
    public static final Duration MAX_AGE = Duration.ofHours(12);

    private static final Logger LOG = LoggerFactory.getLogger(ResumeTickets.class);
    private static final byte[] AAD = "readroom resume ticket v1".getBytes(StandardCharsets.US_ASCII);

    private final Path folder;
    private final byte[] key;

    /** @param key 32 bytes, derived from the kiosk identity */
    public ResumeTickets(Path folder, byte[] key) {
        this.folder = folder;
        this.key = key.clone();
    }

    public synchronized void save(ResumeTicket ticket) {
        Path file = fileOf(ticket.sessionId(), ticket.candidateNumber());
        try {
            Files.createDirectories(folder);
            byte[] sealed = PackageCrypto.seal(key, AAD, Wire.mapper().writeValueAsBytes(ticket));
            Path temp = file.resolveSibling(file.getFileName() + ".part");
            try (FileChannel out = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(sealed));
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the resume ticket in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * The most recently saved ticket still fresh enough to resume, if any. Tickets this kiosk cannot open (damaged,
     * or sealed under an earlier identity) and stale ones are deleted, with a log line each.
     */
    public synchronized Optional<ResumeTicket> latest(long now) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".ticket"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        return files.stream()
                .map(this::read)
                .flatMap(Optional::stream)
                .filter(ticket -> fresh(ticket, now))
                .max(Comparator.comparingLong(ResumeTicket::savedAt));
    }

    /** Deletes the ticket of a sitting that is over. */
    public synchronized void forget(long sessionId, String candidateNumber) {
        Path file = fileOf(sessionId, candidateNumber);
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".part")); // left by a crash mid-save
        } catch (IOException e) {
            LOG.warn("resume ticket not deleted", e);
        }
    }

    private boolean fresh(ResumeTicket ticket, long now) {
        if (now - ticket.savedAt() <= MAX_AGE.toMillis()) {
            return true;
        }
        LOG.info("resume ticket of candidate {} is older than {}; deleted", ticket.candidateNumber(), MAX_AGE);
        forget(ticket.sessionId(), ticket.candidateNumber());
        return false;
    }

    private Optional<ResumeTicket> read(Path file) {
        try {
            byte[] plain = PackageCrypto.open(key, AAD, Files.readAllBytes(file));
            return Optional.of(Wire.mapper().readValue(plain, ResumeTicket.class));
        } catch (InvalidCipherTextException | IOException | RuntimeException unreadable) {
            LOG.warn("resume ticket {} cannot be read ({}); deleted", file.getFileName(), unreadable.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete {}", file, e);
            }
            return Optional.empty();
        }
    }

    private Path fileOf(long sessionId, String candidateNumber) {
        return folder.resolve("s" + sessionId + "-" + candidateNumber.replaceAll("[^0-9A-Za-z_-]", "_") + ".ticket");
    }
}

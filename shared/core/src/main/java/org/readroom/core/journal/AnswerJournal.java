package org.readroom.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.readroom.core.packaging.PackageCrypto;
import org.readroom.core.protocol.Messages.AnswerSave;
import org.readroom.core.protocol.Wire;

/**
 * The kiosk's local answer journal: every answer change is appended here, encrypted and forced to disk, before it is
 * sent, so a kiosk killed mid-exam replays what the server has not acknowledged. Format: {@code "RRJ1"}, a 16-byte
 * random journal id, then records of {@code length (int32) ‖ nonce ‖ AES-256-GCM(JSON of the change) ‖ tag}, with the
 * journal id and the record's index as associated data so records cannot be moved between journals or reordered. The
 * header ends with a sealed empty check value, so another key is refused even on an empty journal. A record cut
 * short by a kill (the last one, half written) is dropped on opening, its bytes copied aside first; any other damage
 * is an error.
 */
public final class AnswerJournal implements AutoCloseable {

    private static final byte[] MAGIC = {'R', 'R', 'J', '1'};
    private static final int ID_BYTES = 16;
    private static final int CHECK_BYTES = 28;
    private static final int HEADER_BYTES = MAGIC.length + ID_BYTES + CHECK_BYTES;
    private static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final byte[] key;
    private final byte[] journalId;
    private final FileChannel channel;
    private final List<AnswerSave> entries;

    private AnswerJournal(Path file, byte[] key, byte[] journalId, FileChannel channel, List<AnswerSave> entries) {
        this.file = file;
        this.key = key.clone();
        this.journalId = journalId;
        this.channel = channel;
        this.entries = entries;
    }

    /** Opens the journal, creating it (owner-only where the file system allows) when absent. */
    public static AnswerJournal open(Path file, byte[] key) throws IOException {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException(
                    "journal key must be 32 bytes, was " + (key == null ? "missing" : key.length + " bytes"));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        if (!Files.exists(file)) {
            createOwnerOnly(file);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            if (fresh) {
                byte[] id = new byte[ID_BYTES];
                RANDOM.nextBytes(id);
                channel.truncate(0);
                write(channel, ByteBuffer.wrap(concat(concat(MAGIC, id), keyCheck(key, id))));
                channel.force(true);
                return new AnswerJournal(file, key, id, channel, new ArrayList<>());
            }
            return read(file, key, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static AnswerJournal read(Path file, byte[] key, FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        if (size < HEADER_BYTES
                || readFully(channel, header, 0) < HEADER_BYTES
                || !Arrays.equals(Arrays.copyOf(header.array(), MAGIC.length), MAGIC)) {
            throw new JournalException(file + " is not an answer journal (header missing or unknown)");
        }
        byte[] id = Arrays.copyOfRange(header.array(), MAGIC.length, MAGIC.length + ID_BYTES);
        try {
            PackageCrypto.open(
                    key, checkData(id), Arrays.copyOfRange(header.array(), MAGIC.length + ID_BYTES, HEADER_BYTES));
        } catch (InvalidCipherTextException e) {
            throw new JournalException(file + " was written with another kiosk's key (or its header was altered)");
        }
        List<AnswerSave> entries = new ArrayList<>();
        long offset = HEADER_BYTES;
        while (offset < size) {
            ByteBuffer length = ByteBuffer.allocate(4);
            if (readFully(channel, length, offset) < 4) {
                break; // torn length: the kiosk stopped while writing the last record
            }
            int recordLength = length.flip().getInt();
            if (recordLength <= 0 || recordLength > MAX_RECORD_BYTES) {
                throw new JournalException(
                        file + ": record " + (entries.size() + 1) + " has an impossible length " + recordLength);
            }
            if (offset + 4 + recordLength > size) {
                break; // torn body
            }
            ByteBuffer sealed = ByteBuffer.allocate(recordLength);
            readFully(channel, sealed, offset + 4);
            try {
                byte[] plain = PackageCrypto.open(key, associatedData(id, entries.size()), sealed.array());
                entries.add(Wire.decode(plain, AnswerSave.class));
            } catch (InvalidCipherTextException e) {
                throw new JournalException(file + ": record " + (entries.size() + 1)
                        + " does not authenticate (another kiosk's key, or the file was altered)");
            }
            offset += 4 + recordLength;
        }
        if (offset < size) {
            // A record cut short by a kill is dropped; the bytes are kept beside the journal, never destroyed.
            Files.copy(file, file.resolveSibling(file.getFileName() + ".torn-" + System.currentTimeMillis()));
            channel.truncate(offset);
            channel.force(true);
        }
        return new AnswerJournal(file, key, id, channel, entries);
    }

    /** Appends one change and forces it to disk before returning. */
    public synchronized void append(AnswerSave save) throws IOException {
        byte[] sealed = PackageCrypto.seal(key, associatedData(journalId, entries.size()), Wire.encode(save));
        ByteBuffer record =
                ByteBuffer.allocate(4 + sealed.length).putInt(sealed.length).put(sealed);
        record.flip();
        long end = channel.size();
        try {
            channel.position(end);
            write(channel, record);
            channel.force(false);
        } catch (IOException e) {
            // Leave no half record in the middle of the journal for the next append to follow.
            channel.truncate(end);
            throw e;
        }
        entries.add(save);
    }

    /** Every change in the journal, oldest first. */
    public synchronized List<AnswerSave> entries() {
        return List.copyOf(entries);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        Arrays.fill(key, (byte) 0);
        channel.close();
    }

    private static byte[] associatedData(byte[] journalId, long index) {
        return ByteBuffer.allocate(journalId.length + 8)
                .put(journalId)
                .putLong(index)
                .array();
    }

    private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static void write(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: Windows kiosks rely on the user profile's ACL
        }
    }

    /** A sealed empty record under the key, so a journal opened with another key fails at once, even when empty. */
    private static byte[] keyCheck(byte[] key, byte[] journalId) {
        return PackageCrypto.seal(key, checkData(journalId), new byte[0]);
    }

    private static byte[] checkData(byte[] journalId) {
        return concat(journalId, "key check".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

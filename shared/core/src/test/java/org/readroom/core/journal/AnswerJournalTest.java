package org.readroom.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.protocol.Messages.AnswerSave;

/** The kiosk's encrypted answer journal, on real files in a temporary folder. */
class AnswerJournalTest {

    private static final int HEADER_BYTES = 4 + 16 + 28; // magic, journal id, sealed key check
    private static final String CHINESE = "右肺上叶结节";
    private static final String ASCII = "spiculated nodule right upper lobe";
    private static final String HASH = "ab".repeat(32);

    @TempDir
    Path dir;

    private final byte[] key = key(1);

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    private static AnswerSave save(long sequence, String itemId, Set<String> choices, String text) {
        return new AnswerSave(sequence, itemId, choices, text, HASH);
    }

    private static List<AnswerSave> threeAnswers() {
        return List.of(
                save(1, "q1", Set.of("A"), ""),
                save(2, "q2", Set.of(), CHINESE),
                save(3, "q3", Set.of("B", "D"), ASCII));
    }

    private Path journalWith(List<AnswerSave> saves) throws IOException {
        Path file = dir.resolve("kiosk/answers.rrj");
        try (AnswerJournal journal = AnswerJournal.open(file, key)) {
            for (AnswerSave save : saves) {
                journal.append(save);
            }
        }
        return file;
    }

    private List<AnswerSave> reopen(Path file) throws IOException {
        try (AnswerJournal journal = AnswerJournal.open(file, key)) {
            return journal.entries();
        }
    }

    /** Offsets of each record's length field, read from the file itself. */
    private static List<Integer> recordOffsets(byte[] bytes) {
        List<Integer> offsets = new ArrayList<>();
        int offset = HEADER_BYTES;
        while (offset + 4 <= bytes.length) {
            offsets.add(offset);
            offset += 4 + ByteBuffer.wrap(bytes, offset, 4).getInt();
        }
        return offsets;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private JournalException refused(Path file) {
        return assertThrows(JournalException.class, () -> AnswerJournal.open(file, key));
    }

    @Test
    void appendedAnswersComeBackInOrderAfterReopening() throws IOException {
        Path file = journalWith(threeAnswers());
        assertEquals(threeAnswers(), reopen(file));
        try (AnswerJournal journal = AnswerJournal.open(file, key)) {
            journal.append(save(4, "q1", Set.of("C"), ""));
            assertEquals(4, journal.entries().size());
            assertEquals(file, journal.file());
        }
        List<AnswerSave> all = reopen(file);
        assertEquals(threeAnswers(), all.subList(0, 3));
        assertEquals(save(4, "q1", Set.of("C"), ""), all.get(3));
    }

    @Test
    void aNewJournalIsEmpty() throws IOException {
        Path file = dir.resolve("fresh.rrj");
        try (AnswerJournal journal = AnswerJournal.open(file, key)) {
            assertEquals(List.of(), journal.entries());
        }
        assertEquals(HEADER_BYTES, Files.size(file));
        assertEquals(List.of(), reopen(file));
    }

    @Test
    void theFileNeverContainsTheAnswersInPlain() throws IOException {
        byte[] bytes = Files.readAllBytes(journalWith(threeAnswers()));
        assertFalse(contains(bytes, CHINESE.getBytes(StandardCharsets.UTF_8)), "Chinese answer text in the clear");
        assertFalse(contains(bytes, ASCII.getBytes(StandardCharsets.UTF_8)), "ASCII answer text in the clear");
        assertFalse(contains(bytes, "nodule".getBytes(StandardCharsets.UTF_8)), "part of the answer in the clear");
        assertFalse(contains(bytes, "itemId".getBytes(StandardCharsets.UTF_8)), "JSON field names in the clear");
        assertFalse(contains(bytes, HASH.getBytes(StandardCharsets.US_ASCII)), "chain hash in the clear");
    }

    @Test
    void anotherKeyCannotReadTheJournal() throws IOException {
        Path file = journalWith(threeAnswers());
        JournalException e = assertThrows(JournalException.class, () -> AnswerJournal.open(file, key(2)));
        assertTrue(e.getMessage().contains("another kiosk's key"), e.getMessage());
        assertEquals(threeAnswers(), reopen(file), "a failed open leaves the file as it was");
    }

    @Test
    void anEmptyJournalOpenedWithAnotherKeyIsRefusedAtOnce() throws IOException {
        Path file = journalWith(List.of());
        JournalException e = assertThrows(JournalException.class, () -> AnswerJournal.open(file, key(2)));
        assertTrue(e.getMessage().contains("another kiosk's key"), e.getMessage());
    }

    @Test
    void aFlippedByteInARecordIsRefused() throws IOException {
        Path file = journalWith(threeAnswers());
        byte[] bytes = Files.readAllBytes(file);
        int second = recordOffsets(bytes).get(1);
        int end = recordOffsets(bytes).get(2);
        // The nonce, the first ciphertext byte, one in the middle and the last byte of the tag.
        for (int at : new int[] {second + 4, second + 4 + 12, (second + end) / 2, end - 1}) {
            byte[] altered = bytes.clone();
            altered[at] ^= 0x01;
            Files.write(file, altered);
            JournalException e = refused(file);
            assertTrue(e.getMessage().contains("record 2"), e.getMessage());
        }
    }

    @Test
    void aFlippedByteInTheLastRecordIsRefusedNotDropped() throws IOException {
        Path file = journalWith(threeAnswers());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 0x40;
        Files.write(file, bytes);
        assertTrue(refused(file).getMessage().contains("record 3"));
    }

    @Test
    void swappedRecordsAreRefused() throws IOException {
        // Equal-length records, so swapping them keeps every length field valid: only the record index can tell.
        Path file = journalWith(List.of(save(1, "q1", Set.of("A"), "aaaa"), save(2, "q2", Set.of("B"), "bbbb")));
        byte[] bytes = Files.readAllBytes(file);
        List<Integer> offsets = recordOffsets(bytes);
        int length = offsets.get(1) - offsets.get(0);
        assertEquals(bytes.length - offsets.get(1), length, "the two records must be the same length");
        byte[] swapped = bytes.clone();
        System.arraycopy(bytes, offsets.get(1), swapped, offsets.get(0), length);
        System.arraycopy(bytes, offsets.get(0), swapped, offsets.get(1), length);
        Files.write(file, swapped);
        assertTrue(refused(file).getMessage().contains("record 1"));
    }

    @Test
    void aRecordFromAnotherJournalIsRefused() throws IOException {
        Path first = journalWith(List.of(save(1, "q1", Set.of("A"), "aaaa")));
        Path second = dir.resolve("other.rrj");
        try (AnswerJournal journal = AnswerJournal.open(second, key)) {
            journal.append(save(1, "q1", Set.of("B"), "bbbb"));
        }
        byte[] foreign = Files.readAllBytes(first);
        byte[] own = Files.readAllBytes(second);
        System.arraycopy(foreign, HEADER_BYTES, own, HEADER_BYTES, own.length - HEADER_BYTES);
        Files.write(second, own);
        assertTrue(refused(second).getMessage().contains("record 1"));
    }

    @Test
    void aTornLastRecordIsDroppedAndTheJournalCarriesOn() throws IOException {
        Path file = journalWith(threeAnswers());
        long intact = Files.size(file);
        byte[] bytes = Files.readAllBytes(file);
        int lastRecord = recordOffsets(bytes).get(2);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));

        try (AnswerJournal journal = AnswerJournal.open(file, key)) {
            assertEquals(threeAnswers().subList(0, 2), journal.entries());
            assertEquals(lastRecord, Files.size(file), "the torn bytes are cut off");
            try (var aside = Files.list(dir.resolve("kiosk"))) {
                assertTrue(
                        aside.anyMatch(p -> p.getFileName().toString().contains(".torn-")),
                        "the journal as found is kept beside it");
            }
            journal.append(save(3, "q3", Set.of(), "rewritten after the crash"));
        }
        List<AnswerSave> entries = reopen(file);
        assertEquals(3, entries.size());
        assertEquals(threeAnswers().subList(0, 2), entries.subList(0, 2));
        assertEquals("rewritten after the crash", entries.get(2).text());
        assertTrue(Files.size(file) > lastRecord && Files.size(file) != intact - 5);
    }

    @Test
    void aTornLengthFieldIsDroppedToo() throws IOException {
        Path file = journalWith(threeAnswers());
        byte[] bytes = Files.readAllBytes(file);
        int lastRecord = recordOffsets(bytes).get(2);
        Files.write(file, Arrays.copyOf(bytes, lastRecord + 2));
        assertEquals(threeAnswers().subList(0, 2), reopen(file));
        assertEquals(lastRecord, Files.size(file));
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedClearly() throws IOException {
        byte[] random = new byte[300];
        new Random(3).nextBytes(random);
        Path noise = dir.resolve("noise.rrj");
        Files.write(noise, random);
        assertTrue(refused(noise).getMessage().contains("not an answer journal"));

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, this is not a journal at all");
        assertTrue(refused(text).getMessage().contains("not an answer journal"));

        Path shortFile = dir.resolve("short.rrj");
        Files.write(shortFile, new byte[] {'R', 'R', 'J', '1'});
        JournalException e = refused(shortFile);
        assertTrue(e.getMessage().contains("not an answer journal"), e.getMessage());
        assertTrue(e.getMessage().contains(shortFile.toString()), "the message names the file: " + e.getMessage());
    }

    @Test
    void aJournalOfAnotherVersionIsRefused() throws IOException {
        Path file = journalWith(threeAnswers());
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] = '2';
        Files.write(file, bytes);
        assertTrue(refused(file).getMessage().contains("not an answer journal"));
    }

    @Test
    void anImpossibleRecordLengthIsRefused() throws IOException {
        Path file = journalWith(threeAnswers());
        byte[] bytes = Files.readAllBytes(file);
        int second = recordOffsets(bytes).get(1);
        ByteBuffer.wrap(bytes).putInt(second, -7);
        Files.write(file, bytes);
        JournalException e = refused(file);
        assertTrue(e.getMessage().contains("record 2") && e.getMessage().contains("-7"), e.getMessage());
    }

    @Test
    void aKeyThatIsNot32BytesIsRefused() {
        Path file = dir.resolve("answers.rrj");
        for (byte[] bad : new byte[][] {null, new byte[0], new byte[16], new byte[31], new byte[33]}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> AnswerJournal.open(file, bad));
            assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
        }
        assertFalse(Files.exists(file), "nothing is created with a bad key");
    }

    @Test
    void theJournalIsReadableOnlyByItsOwner() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = journalWith(threeAnswers());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}

package org.readroom.core.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.readroom.core.protocol.Messages.AnswerSave;

/**
 * The hash chain over a candidate's answer changes: {@code h0 = SHA-256("readroom answers v1" ‖ session ‖ candidate)}
 * and {@code hN = SHA-256(hN-1 ‖ event N)}, each field length-prefixed so no two events encode alike. The kiosk sends
 * each event with its hash and the head at hand-in; the server checks every link, so a record changed afterwards
 * (one answer edited, removed or reordered) no longer matches the head recorded at submission.
 */
public final class AnswerChain {

    private static final HexFormat HEX = HexFormat.of();

    private AnswerChain() {}

    /** The chain's starting value for one candidate in one session, as hex. */
    public static String genesis(long sessionId, String candidateNumber) {
        MessageDigest sha = sha256();
        update(sha, "readroom answers v1");
        sha.update(ByteBuffer.allocate(8).putLong(sessionId).array());
        update(sha, candidateNumber);
        return HEX.formatHex(sha.digest());
    }

    /** The hash of {@code event} chained to {@code previous} (hex); the event's own hash field is not part of it. */
    public static String next(String previous, AnswerSave event) {
        MessageDigest sha = sha256();
        sha.update(HEX.parseHex(previous));
        sha.update(ByteBuffer.allocate(8).putLong(event.sequence()).array());
        update(sha, event.itemId());
        TreeSet<String> choices = new TreeSet<>(event.choices() == null ? List.of() : event.choices());
        sha.update(ByteBuffer.allocate(4).putInt(choices.size()).array());
        for (String choice : choices) {
            update(sha, choice);
        }
        update(sha, event.text() == null ? "" : event.text());
        return HEX.formatHex(sha.digest());
    }

    /** True when {@code hash} is 64 lowercase hex digits. */
    public static boolean isHash(String hash) {
        return hash != null && hash.matches("[0-9a-f]{64}");
    }

    /**
     * Checks a whole record, events in sequence order starting at 1: the sequence of the first event whose number or
     * hash is wrong, or empty when every link holds and the last hash equals {@code head} ({@code head} null checks
     * the links only, for a record that has no recorded head yet).
     */
    public static Optional<Long> firstBrokenLink(String genesis, List<AnswerSave> events, String head) {
        String hash = genesis;
        long expected = 1;
        for (AnswerSave event : events) {
            if (event.sequence() != expected) {
                return Optional.of(expected);
            }
            hash = next(hash, event);
            if (!hash.equals(event.hash())) {
                return Optional.of(event.sequence());
            }
            expected++;
        }
        if (head != null && !hash.equals(head)) {
            return Optional.of(expected - 1);
        }
        return Optional.empty();
    }

    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

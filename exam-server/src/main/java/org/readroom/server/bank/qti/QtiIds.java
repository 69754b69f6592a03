package org.readroom.server.bank.qti;

import java.util.Locale;

/**
 * ReadRoom ids as QTI identifiers and back. QTI identifiers are XML NCNames, which may not start with a digit; ReadRoom
 * ids may ("1", "2024-07"), so such ids get a leading '_' that no ReadRoom id has and import takes off again.
 */
final class QtiIds {

    private QtiIds() {}

    static String encode(String readRoomId) {
        return Character.isDigit(readRoomId.charAt(0)) ? "_" + readRoomId : readRoomId;
    }

    static String decode(String identifier) {
        String id = identifier == null ? "" : identifier.strip();
        return id.startsWith("_") ? id.substring(1) : id;
    }

    /** Numbers as QTI values: integral values without ".0", others in Java's shortest exact form. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return Double.toString(value);
    }
}

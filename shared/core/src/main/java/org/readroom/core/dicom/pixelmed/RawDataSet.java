package org.readroom.core.dicom.pixelmed;

/**
 * Recognises a DICOM data set written without the Part 10 preamble and file meta information (old archives, some
 * exports). Only the first element is examined: its group must be one a data set starts with, followed by either a
 * known explicit VR or a plausible implicit-VR length, in little- or big-endian order.
 */
final class RawDataSet {

    private static final int ELEMENT_HEADER = 8;
    // Identifying (0008), file meta (0002) and command (0000) groups: every bare data set seen in the wild
    // begins with one of them, and no common text or image format begins with their bytes.
    private static final int[] FIRST_GROUPS = {0x0000, 0x0002, 0x0008};
    private static final String VRS =
            "AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV";

    private RawDataSet() {}

    static boolean looksLikeOne(byte[] head) {
        if (head.length < ELEMENT_HEADER) {
            return false;
        }
        return looksLikeOne(head, true) || looksLikeOne(head, false);
    }

    private static boolean looksLikeOne(byte[] head, boolean littleEndian) {
        int group = u16(head, 0, littleEndian);
        int element = u16(head, 2, littleEndian);
        if (!isFirstGroup(group) || element == 0xFFFF) {
            return false;
        }
        if (isVr(head[4], head[5])) {
            return true;
        }
        long length = littleEndian
                ? (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24
                : (head[7] & 0xFFL) | (head[6] & 0xFFL) << 8 | (head[5] & 0xFFL) << 16 | (head[4] & 0xFFL) << 24;
        // An implicit-VR first element is a short header value (group length, character set, a UID).
        return length <= 1024 && length % 2 == 0;
    }

    private static boolean isFirstGroup(int group) {
        for (int g : FIRST_GROUPS) {
            if (group == g) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVr(byte a, byte b) {
        if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
            return false;
        }
        return VRS.contains(new String(new char[] {(char) a, (char) b}));
    }

    private static int u16(byte[] bytes, int offset, boolean littleEndian) {
        int lo = bytes[littleEndian ? offset : offset + 1] & 0xFF;
        int hi = bytes[littleEndian ? offset + 1 : offset] & 0xFF;
        return hi << 8 | lo;
    }
}

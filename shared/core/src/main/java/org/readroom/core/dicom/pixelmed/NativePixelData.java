package org.readroom.core.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fast path for uncompressed little-endian files (what the exam import writes): PixelMed parses the header up to
 * Pixel Data, and the pixel bytes are read here in one go, which halves the decode time of a 512×512 slice. Anything
 * unusual (another transfer syntax, an undefined length, a length that does not fit the header) returns
 * {@code null} and the caller falls back to PixelMed's own full read.
 */
final class NativePixelData {

    private static final int PIXEL_DATA_GROUP = 0x7FE0;
    private static final int PIXEL_DATA_ELEMENT = 0x0010;
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

    private NativePixelData() {}

    /**
     * The Pixel Data of {@code file} as an attribute, or {@code null} when the fast path does not apply.
     *
     * @param header the data set read up to (not including) Pixel Data
     * @param headerBytes what PixelMed consumed: the bytes before Pixel Data plus its 4-byte tag
     */
    static Attribute read(Path file, AttributeList header, long headerBytes, String transferSyntaxUid)
            throws IOException, DicomException {
        boolean explicit = TransferSyntax.ExplicitVRLittleEndian.equals(transferSyntaxUid);
        if (!explicit && !TransferSyntax.ImplicitVRLittleEndian.equals(transferSyntaxUid)) {
            return null;
        }
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(header, TagFromName.BitsAllocated, 0);
        long expected = PixelModuleReader.expectedPixelDataBytes(header);
        if ((bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16) || expected <= 0) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long tagStart = headerBytes - 4;
            int headerLength = explicit ? 12 : 8;
            if (tagStart < 0 || tagStart + headerLength > channel.size()) {
                return null;
            }
            ByteBuffer element = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, element, tagStart);
            element.flip();
            if ((element.getShort() & 0xFFFF) != PIXEL_DATA_GROUP
                    || (element.getShort() & 0xFFFF) != PIXEL_DATA_ELEMENT) {
                return null;
            }
            if (explicit) {
                byte v = element.get();
                byte r = element.get();
                if (v != 'O' || (r != 'W' && r != 'B') || element.getShort() != 0) {
                    return null;
                }
            }
            long length = element.getInt() & 0xFFFFFFFFL;
            // A shorter declared length is not ours to judge here (it may even be a nested icon's Pixel Data).
            if (length == UNDEFINED_LENGTH || length < expected) {
                return null;
            }
            long valueStart = tagStart + headerLength;
            // A file cut short keeps what it has; the length check downstream names it as truncated.
            long available = Math.min(expected, channel.size() - valueStart);
            ByteBuffer value = ByteBuffer.allocate((int) available).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, value, valueStart);
            value.flip();
            if (bitsAllocated == 16) {
                short[] words = new short[value.remaining() / 2];
                value.asShortBuffer().get(words);
                Attribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
                pixelData.setValues(words);
                return pixelData;
            }
            Attribute pixelData = new OtherByteAttribute(TagFromName.PixelData);
            pixelData.setValues(value.array());
            return pixelData;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + at);
            }
            at += n;
        }
    }
}

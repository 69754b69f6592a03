package org.readroom.core.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Pixel Data into per-frame stored values, checking the length PixelMed itself does not check, masking the
 * bits outside Bits Stored and sign-extending signed data.
 */
final class StoredValues {

    private static final Logger LOG = LoggerFactory.getLogger(StoredValues.class);

    private StoredValues() {}

    static short[][] read(
            Attribute pixelData,
            int bitsAllocated,
            int bitsStored,
            int highBit,
            boolean signed,
            int frameCount,
            int pixelsPerFrame)
            throws DicomException, UndecodableException {
        long samplesNeeded = (long) pixelsPerFrame * frameCount;
        long expectedBytes = (samplesNeeded * bitsAllocated + 7) / 8;
        if (expectedBytes > Integer.MAX_VALUE || samplesNeeded > Integer.MAX_VALUE) {
            throw new UndecodableException("image too large: " + expectedBytes + " bytes of pixel data");
        }
        if (bitsAllocated == 1) {
            return bits(pixelData, frameCount, pixelsPerFrame, expectedBytes);
        }
        int bytesPerSample = bitsAllocated / 8;
        short[] samples = samples(pixelData, bitsAllocated);
        long foundBytes = (long) samples.length * bytesPerSample;
        checkLength(expectedBytes, foundBytes);
        int shift = highBit + 1 - bitsStored;
        int mask = (1 << bitsStored) - 1;
        int signBit = 1 << (bitsStored - 1);
        boolean asIs = bitsStored == 16 && shift == 0;
        if (asIs && frameCount == 1 && samples.length == pixelsPerFrame) {
            return new short[][] {samples}; // the common CT/MR slice: PixelMed's array is ours alone, no copy needed
        }
        short[][] frames = new short[frameCount][pixelsPerFrame];
        for (int f = 0; f < frameCount; f++) {
            int offset = f * pixelsPerFrame;
            short[] frame = frames[f];
            if (asIs) {
                System.arraycopy(samples, offset, frame, 0, pixelsPerFrame);
                continue;
            }
            for (int i = 0; i < pixelsPerFrame; i++) {
                // Bits outside Bits Stored may hold overlays or garbage; codecs may also return signed
                // data as unsigned bits (seen with JPEG 2000), so always mask and sign-extend here.
                int v = ((samples[offset + i] & 0xFFFF) >>> shift) & mask;
                if (signed && (v & signBit) != 0) {
                    v -= mask + 1;
                }
                frame[i] = (short) v;
            }
        }
        return frames;
    }

    private static void checkLength(long expectedBytes, long foundBytes) throws UndecodableException {
        if (foundBytes < expectedBytes) {
            throw new UndecodableException(
                    "pixel data truncated: expected " + expectedBytes + " bytes, found " + foundBytes);
        }
        if (foundBytes > expectedBytes) {
            // Trailing padding is legal for odd lengths and common from some writers; pydicom drops it too.
            LOG.debug("Ignoring {} bytes of padding after the pixel data", foundBytes - expectedBytes);
        }
    }

    /**
     * Bits Allocated 1 (segmentations, masks): pixels are packed eight to a byte, least significant bit first, and
     * frames follow each other without padding, so a frame may start in the middle of a byte (PS3.5 8.1.1).
     */
    private static short[][] bits(Attribute pixelData, int frameCount, int pixelsPerFrame, long expectedBytes)
            throws DicomException, UndecodableException {
        byte[] bytes = packedBytes(pixelData);
        checkLength(expectedBytes, bytes.length);
        short[][] frames = new short[frameCount][pixelsPerFrame];
        int bit = 0;
        for (short[] frame : frames) {
            for (int i = 0; i < pixelsPerFrame; i++, bit++) {
                frame[i] = (short) ((bytes[bit >>> 3] >>> (bit & 7)) & 1);
            }
        }
        return frames;
    }

    private static byte[] packedBytes(Attribute pixelData) throws DicomException {
        if (pixelData instanceof OtherWordAttribute) {
            // Bit-packed data read as 16-bit words (big-endian files): the bit stream runs through each word
            // from its least significant byte, so lay the words out little-endian again.
            short[] words = pixelData.getShortValues();
            if (words == null) {
                return new byte[0];
            }
            byte[] bytes = new byte[words.length * 2];
            for (int i = 0; i < words.length; i++) {
                bytes[2 * i] = (byte) words[i];
                bytes[2 * i + 1] = (byte) (words[i] >>> 8);
            }
            return bytes;
        }
        byte[] bytes = pixelData.getByteValues();
        return bytes == null ? new byte[0] : bytes;
    }

    private static short[] samples(Attribute pixelData, int bitsAllocated) throws DicomException {
        if (bitsAllocated == 16 && pixelData instanceof OtherWordAttribute) {
            short[] words = pixelData.getShortValues(); // byte order already resolved by PixelMed
            return words == null ? new short[0] : words;
        }
        byte[] bytes = pixelData.getByteValues();
        if (bytes == null) {
            return new short[0];
        }
        if (bitsAllocated == 8) {
            short[] samples = new short[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                samples[i] = (short) (bytes[i] & 0xFF);
            }
            return samples;
        }
        short[] samples = new short[bytes.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8);
        }
        return samples;
    }
}

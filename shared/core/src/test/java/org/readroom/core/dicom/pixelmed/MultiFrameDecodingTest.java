package org.readroom.core.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;

/**
 * Multi-frame grayscale files (pydicom's test set has none that are images), written here with PixelMed so every
 * value is known: frames split at the right offsets, bits outside Bits Stored masked, signed values extended.
 */
class MultiFrameDecodingTest {

    private final DicomDecoder decoder = DicomDecoder.pixelMed();

    @TempDir
    Path dir;

    @Test
    void signed12BitMultiFrameSplitsIntoFramesAndMasksHighBits() throws Exception {
        // 3 frames of 2x3; 12 bits stored in 16, with junk in the top nibble of some words.
        short[] words = {
            0x0000,
            0x0001,
            0x07FF,
            (short) 0xF800,
            (short) 0x0FFF,
            (short) 0xA123, // frame 0
            0x0010,
            0x0020,
            0x0030,
            0x0040,
            0x0050,
            0x0060, // frame 1
            (short) 0x0800,
            (short) 0x0801,
            0x0002,
            0x0003,
            0x0004,
            (short) 0x5005 // frame 2
        };
        AttributeList list = grayscale(SOPClass.MultiframeGrayscaleWordSecondaryCaptureImageStorage, 2, 3, 3);
        put(list, TagFromName.BitsAllocated, "16");
        put(list, TagFromName.BitsStored, "12");
        put(list, TagFromName.HighBit, "11");
        put(list, TagFromName.PixelRepresentation, "1");
        Attribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(words);
        list.put(pixelData);

        DicomImage image = decode(write(list, "word.dcm"));
        assertEquals(3, image.frameCount());
        assertEquals(12, image.bitsStored());
        assertTrue(image.signed());
        short[][] frames = image.frames();
        assertArrayEquals(new short[] {0, 1, 2047, -2048, -1, 0x123}, frames[0]);
        assertArrayEquals(new short[] {16, 32, 48, 64, 80, 96}, frames[1]);
        assertArrayEquals(new short[] {-2048, -2047, 2, 3, 4, 5}, frames[2]);
    }

    @Test
    void oneBitFramesAreNotByteAlignedAndContinueMidByte() throws Exception {
        // 2 frames of 3x3 = 18 bits: frame 1 starts at bit 9, i.e. bit 1 of the second byte.
        int[] frame0 = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        int[] frame1 = {0, 1, 1, 1, 0, 1, 1, 1, 0};
        byte[] packed = new byte[4]; // 18 bits -> 3 bytes, padded to an even length
        int bit = 0;
        for (int[] frame : new int[][] {frame0, frame1}) {
            for (int v : frame) {
                packed[bit >>> 3] |= (byte) (v << (bit & 7));
                bit++;
            }
        }
        AttributeList list = grayscale(SOPClass.SegmentationStorage, 3, 3, 2);
        put(list, TagFromName.BitsAllocated, "1");
        put(list, TagFromName.BitsStored, "1");
        put(list, TagFromName.HighBit, "0");
        put(list, TagFromName.PixelRepresentation, "0");
        Attribute pixelData = new OtherByteAttribute(TagFromName.PixelData);
        pixelData.setValues(packed);
        list.put(pixelData);

        DicomImage image = decode(write(list, "mask.dcm"));
        assertEquals(2, image.frameCount());
        short[][] frames = image.frames();
        for (int i = 0; i < 9; i++) {
            assertEquals(frame0[i], frames[0][i], "frame 0 pixel " + i);
            assertEquals(frame1[i], frames[1][i], "frame 1 pixel " + i);
        }
    }

    @Test
    void multiFrameWithTooFewBytesForItsFramesIsTruncated() throws Exception {
        AttributeList list = grayscale(SOPClass.MultiframeGrayscaleWordSecondaryCaptureImageStorage, 2, 2, 3);
        put(list, TagFromName.BitsAllocated, "16");
        put(list, TagFromName.BitsStored, "16");
        put(list, TagFromName.HighBit, "15");
        put(list, TagFromName.PixelRepresentation, "0");
        Attribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(new short[8]); // two frames' worth of three
        list.put(pixelData);

        DecodeResult result = decoder.decode(write(list, "short.dcm"));
        assertEquals(
                new DecodeResult.Failed("pixel data truncated: expected 24 bytes, found 16"),
                assertInstanceOf(DecodeResult.Failed.class, result));
    }

    private DicomImage decode(Path file) {
        DecodeResult result = decoder.decode(file);
        return assertInstanceOf(DecodeResult.Decoded.class, result, () -> file + ": " + result)
                .image();
    }

    private static AttributeList grayscale(String sopClass, int rows, int columns, int frames) throws DicomException {
        AttributeList list = new AttributeList();
        put(list, TagFromName.SOPClassUID, sopClass);
        put(list, TagFromName.SOPInstanceUID, "2.25.1" + frames + rows + columns);
        put(list, TagFromName.Modality, "OT");
        put(list, TagFromName.SamplesPerPixel, "1");
        put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(list, TagFromName.Rows, Integer.toString(rows));
        put(list, TagFromName.Columns, Integer.toString(columns));
        put(list, TagFromName.NumberOfFrames, Integer.toString(frames));
        return list;
    }

    private Path write(AttributeList list, String name) throws DicomException, IOException {
        Path file = dir.resolve(name);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "READROOM");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return file;
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        list.putNewAttribute(tag).addValue(value);
    }
}

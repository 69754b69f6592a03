package org.readroom.core.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;

/** The fast path for uncompressed little-endian files must give exactly what PixelMed's full read gives. */
class NativePixelDataTest {

    private final DicomDecoder decoder = DicomDecoder.pixelMed();

    @TempDir
    Path dir;

    @Test
    void explicitAndImplicitLittleEndianAndBigEndianGiveTheSameValues() throws Exception {
        short[] values = {-3, -2, -1, 0, 1, 2, 1000, -1000, 32767};
        AttributeList list = image(3, 3, values);
        short[] explicit = decode(write(list, "explicit.dcm", TransferSyntax.ExplicitVRLittleEndian));
        short[] implicit = decode(write(list, "implicit.dcm", TransferSyntax.ImplicitVRLittleEndian));
        short[] bigEndian = decode(write(list, "big.dcm", TransferSyntax.ExplicitVRBigEndian)); // PixelMed's read
        assertArrayEquals(values, explicit);
        assertArrayEquals(values, implicit);
        assertArrayEquals(values, bigEndian);
    }

    @Test
    void anIconsPixelDataBeforeTheImagesIsNotTakenForTheImage() throws Exception {
        // Icon Image Sequence (0088,0200) nests a Pixel Data of its own ahead of the image's.
        short[] values = new short[16];
        Arrays.fill(values, (short) 700);
        AttributeList list = image(4, 4, values);
        AttributeList icon = new AttributeList();
        put(icon, TagFromName.SamplesPerPixel, "1");
        put(icon, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(icon, TagFromName.Rows, "2");
        put(icon, TagFromName.Columns, "2");
        put(icon, TagFromName.BitsAllocated, "16");
        put(icon, TagFromName.BitsStored, "16");
        put(icon, TagFromName.HighBit, "15");
        put(icon, TagFromName.PixelRepresentation, "1");
        Attribute iconPixels = new OtherWordAttribute(TagFromName.PixelData);
        iconPixels.setValues(new short[] {1, 2, 3, 4});
        icon.put(iconPixels);
        SequenceAttribute sequence = new SequenceAttribute(TagFromName.IconImageSequence);
        sequence.addItem(icon);
        list.put(sequence);
        assertArrayEquals(values, decode(write(list, "icon.dcm", TransferSyntax.ExplicitVRLittleEndian)));
    }

    @Test
    void aSliceCutShortInThePixelDataIsReportedAsTruncated() throws Exception {
        short[] values = new short[64];
        Path file = write(image(8, 8, values), "cut.dcm", TransferSyntax.ExplicitVRLittleEndian);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        DecodeResult result = decoder.decode(file);
        assertEquals(
                new DecodeResult.Failed("pixel data truncated: expected 128 bytes, found 118"),
                assertInstanceOf(DecodeResult.Failed.class, result));
    }

    private short[] decode(Path file) {
        DecodeResult result = decoder.decode(file);
        DicomImage image = assertInstanceOf(DecodeResult.Decoded.class, result, () -> file + ": " + result)
                .image();
        return image.frames()[0];
    }

    private static AttributeList image(int rows, int columns, short[] values) throws DicomException {
        AttributeList list = new AttributeList();
        put(list, TagFromName.SOPClassUID, SOPClass.CTImageStorage);
        put(list, TagFromName.SOPInstanceUID, "2.25.77" + rows + columns);
        put(list, TagFromName.Modality, "CT");
        put(list, TagFromName.SamplesPerPixel, "1");
        put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(list, TagFromName.Rows, Integer.toString(rows));
        put(list, TagFromName.Columns, Integer.toString(columns));
        put(list, TagFromName.BitsAllocated, "16");
        put(list, TagFromName.BitsStored, "16");
        put(list, TagFromName.HighBit, "15");
        put(list, TagFromName.PixelRepresentation, "1");
        Attribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(values);
        list.put(pixelData);
        return list;
    }

    private Path write(AttributeList list, String name, String transferSyntax) throws DicomException, IOException {
        Path file = dir.resolve(name);
        FileMetaInformation.addFileMetaInformation(list, transferSyntax, "READROOM");
        list.write(file.toFile(), transferSyntax, true, true);
        return file;
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        list.putNewAttribute(tag).addValue(value);
    }
}

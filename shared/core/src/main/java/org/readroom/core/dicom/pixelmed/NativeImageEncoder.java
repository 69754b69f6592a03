package org.readroom.core.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.List;
import java.util.Set;
import org.readroom.core.dicom.DicomImage;

/**
 * Replaces the Image Pixel module of a header with the decoded frames, uncompressed: one sample per pixel (colour:
 * three, RGB, interleaved), Bits Allocated 8 (up to 8 stored bits) or 16, High Bit = Bits Stored - 1 and the stored
 * values exactly as the decoder sign-extended them, so decoding the written file gives the same values back.
 */
final class NativeImageEncoder {

    private static final Set<String> LOSSY_TRANSFER_SYNTAXES = Set.of(
            "1.2.840.10008.1.2.4.50", // JPEG baseline
            "1.2.840.10008.1.2.4.51", // JPEG extended
            "1.2.840.10008.1.2.4.81", // JPEG-LS near-lossless
            "1.2.840.10008.1.2.4.91", // JPEG 2000 (possibly lossy)
            "1.2.840.10008.1.2.4.93"); // JPEG 2000 Part 2 (possibly lossy)

    /** What no longer matches the uncompressed pixels written (colour layout, palettes, offsets, old min/max). */
    private static final List<AttributeTag> STALE = List.of(
            TagFromName.PixelData,
            TagFromName.FloatPixelData,
            TagFromName.DoubleFloatPixelData,
            new AttributeTag(0x7FE0, 0x0001), // Extended Offset Table
            new AttributeTag(0x7FE0, 0x0002), // Extended Offset Table Lengths
            TagFromName.PlanarConfiguration,
            TagFromName.SmallestImagePixelValue,
            TagFromName.LargestImagePixelValue,
            new AttributeTag(0x0028, 0x0108), // Smallest Pixel Value In Series
            new AttributeTag(0x0028, 0x0109), // Largest Pixel Value In Series
            TagFromName.RedPaletteColorLookupTableDescriptor,
            TagFromName.GreenPaletteColorLookupTableDescriptor,
            TagFromName.BluePaletteColorLookupTableDescriptor,
            TagFromName.RedPaletteColorLookupTableData,
            TagFromName.GreenPaletteColorLookupTableData,
            TagFromName.BluePaletteColorLookupTableData,
            TagFromName.PaletteColorLookupTableUID);

    private NativeImageEncoder() {}

    static int bitsAllocated(int bitsStored) {
        return bitsStored <= 8 ? 8 : 16;
    }

    static void encode(AttributeList list, DicomImage image) throws DicomException {
        STALE.forEach(list::remove);
        int bitsAllocated = bitsAllocated(image.bitsStored());
        put(list, TagFromName.SamplesPerPixel, image.photometric().samplesPerPixel());
        putText(list, TagFromName.PhotometricInterpretation, image.photometric().name());
        if (image.photometric().isColour()) {
            put(list, TagFromName.PlanarConfiguration, 0);
        }
        put(list, TagFromName.Rows, image.rows());
        put(list, TagFromName.Columns, image.columns());
        put(list, TagFromName.BitsAllocated, bitsAllocated);
        put(list, TagFromName.BitsStored, image.bitsStored());
        put(list, TagFromName.HighBit, image.bitsStored() - 1);
        put(list, TagFromName.PixelRepresentation, image.signed() ? 1 : 0);
        if (image.frameCount() > 1 || list.get(TagFromName.NumberOfFrames) != null) {
            putText(list, TagFromName.NumberOfFrames, Integer.toString(image.frameCount()));
        }
        if (LOSSY_TRANSFER_SYNTAXES.contains(image.transferSyntaxUid())
                && list.get(TagFromName.LossyImageCompression) == null) {
            putText(list, TagFromName.LossyImageCompression, "01"); // the pixels went through a lossy codec once
        }
        list.put(pixelData(image, bitsAllocated));
    }

    private static Attribute pixelData(DicomImage image, int bitsAllocated) throws DicomException {
        int pixels = image.rows() * image.columns() * image.photometric().samplesPerPixel();
        short[][] frames = image.frames();
        if (bitsAllocated == 16) {
            short[] words = new short[pixels * frames.length];
            for (int f = 0; f < frames.length; f++) {
                System.arraycopy(frames[f], 0, words, f * pixels, pixels);
            }
            Attribute attribute = new OtherWordAttribute(TagFromName.PixelData);
            attribute.setValues(words);
            return attribute;
        }
        int length = pixels * frames.length;
        byte[] bytes = new byte[length + (length & 1)]; // an odd length gets the one padding byte PS3.5 asks for
        for (int f = 0; f < frames.length; f++) {
            for (int i = 0; i < pixels; i++) {
                bytes[f * pixels + i] = (byte) frames[f][i];
            }
        }
        Attribute attribute = new OtherByteAttribute(TagFromName.PixelData);
        attribute.setValues(bytes);
        return attribute;
    }

    private static void put(AttributeList list, AttributeTag tag, int value) throws DicomException {
        list.remove(tag);
        Attribute attribute = list.putNewAttribute(tag);
        attribute.addValue(value);
    }

    private static void putText(AttributeList list, AttributeTag tag, String value) throws DicomException {
        list.remove(tag);
        Attribute attribute = list.putNewAttribute(tag);
        attribute.addValue(value);
    }
}

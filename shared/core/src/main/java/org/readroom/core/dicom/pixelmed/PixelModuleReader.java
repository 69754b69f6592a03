package org.readroom.core.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.Photometric;
import org.readroom.core.dicom.PixelSpacing;
import org.readroom.core.imaging.Rescale;
import org.readroom.core.imaging.WindowLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps a read (and, if it was compressed, already decompressed) PixelMed attribute list to a {@link DicomImage}. */
final class PixelModuleReader {

    private static final Logger LOG = LoggerFactory.getLogger(PixelModuleReader.class);

    /** The colour encodings {@link ColourSamples} turns into RGB (YBR_ICT and YBR_RCT only from JPEG 2000). */
    private static final Set<String> COLOUR = Set.of("RGB", "YBR_FULL", "YBR_FULL_422", "YBR_ICT", "YBR_RCT");

    private PixelModuleReader() {}

    static DicomImage toImage(AttributeList list, String transferSyntaxUid, String sopClassUid)
            throws DicomException, UndecodableException {
        int rows = integer(list, TagFromName.Rows, 0);
        int columns = integer(list, TagFromName.Columns, 0);
        if (rows <= 0 || columns <= 0) {
            throw new UndecodableException("not an image: Rows/Columns missing (" + rows + "x" + columns + ")");
        }
        Photometric photometric = photometric(list);
        int bitsAllocated = integer(list, TagFromName.BitsAllocated, 0);
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16) {
            // 32-bit data (RT Dose, parametric maps) is filtered out by SOP class before this point.
            throw new UndecodableException(
                    "unsupported Bits Allocated: " + bitsAllocated + " (only 1, 8 and 16 are supported)");
        }
        int bitsStored = integer(list, TagFromName.BitsStored, bitsAllocated);
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            throw new UndecodableException(
                    "invalid Bits Stored: " + bitsStored + " with Bits Allocated " + bitsAllocated);
        }
        int highBit = integer(list, TagFromName.HighBit, bitsStored - 1);
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            highBit = bitsStored - 1; // a wrong High Bit is common in old files; the stored bits are then low-aligned
        }
        boolean colour = photometric.isColour();
        if (colour && bitsAllocated == 1) {
            throw new UndecodableException("a colour image cannot have Bits Allocated 1");
        }
        // Colour samples are never signed; a Pixel Representation of 1 on colour data is a writer's slip.
        boolean signed = !colour && integer(list, TagFromName.PixelRepresentation, 0) == 1;
        int frameCount = Math.max(1, integer(list, TagFromName.NumberOfFrames, 1));
        ColourSamples.Layout layout = colour ? ColourSamples.layout(list, transferSyntaxUid) : null;
        int samplesPerFrame = colour ? ColourSamples.storedSamplesPerFrame(layout, rows, columns) : rows * columns;

        short[][] frames = StoredValues.read(
                list.getPixelData(), bitsAllocated, bitsStored, highBit, signed, frameCount, samplesPerFrame);
        if (colour) {
            frames = ColourSamples.toRgb(
                    frames, layout, ColourSamples.planar(list, transferSyntaxUid), rows * columns, bitsStored);
        }
        try {
            return new DicomImage(
                    rows,
                    columns,
                    frameCount,
                    bitsStored,
                    signed,
                    photometric,
                    string(list, TagFromName.Modality),
                    sopClassUid,
                    transferSyntaxUid,
                    colour ? Rescale.IDENTITY : rescale(list),
                    pixelSpacing(list),
                    colour ? List.of() : windowPresets(list),
                    sliceLocation(list),
                    frames);
        } catch (IllegalArgumentException e) {
            throw new UndecodableException("invalid image attributes: " + e.getMessage());
        }
    }

    /** Pixel Data length the header promises for native encoding, or 0 when the header is incomplete. */
    static long expectedPixelDataBytes(AttributeList list) {
        long rows = integer(list, TagFromName.Rows, 0);
        long columns = integer(list, TagFromName.Columns, 0);
        long samples = Math.max(1, integer(list, TagFromName.SamplesPerPixel, 1));
        if (samples == 3 && string(list, TagFromName.PhotometricInterpretation).equals("YBR_FULL_422")) {
            samples = 2; // uncompressed 4:2:2 keeps one Cb and one Cr for every two pixels
        }
        long frames = Math.max(1, integer(list, TagFromName.NumberOfFrames, 1));
        long bitsAllocated = integer(list, TagFromName.BitsAllocated, 0);
        return (rows * columns * samples * frames * bitsAllocated + 7) / 8;
    }

    static Photometric photometric(AttributeList list) throws UndecodableException {
        // Old ACR-NEMA style files omit Photometric Interpretation; they are grayscale.
        String value = string(list, TagFromName.PhotometricInterpretation);
        int samples = integer(list, TagFromName.SamplesPerPixel, 1);
        if (samples == 1 && (value.isEmpty() || value.equals("MONOCHROME2"))) {
            return Photometric.MONOCHROME2;
        }
        if (samples == 1 && value.equals("MONOCHROME1")) {
            return Photometric.MONOCHROME1;
        }
        if (samples == 3 && COLOUR.contains(value)) {
            return Photometric.RGB;
        }
        throw new UndecodableException("colour encoding not supported: "
                + (value.isEmpty()
                        ? samples + " samples per pixel"
                        : value + " with " + samples + " samples per pixel"));
    }

    private static Rescale rescale(AttributeList list) throws UndecodableException {
        double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1.0);
        double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0.0);
        try {
            return new Rescale(slope, intercept);
        } catch (IllegalArgumentException e) {
            throw new UndecodableException("invalid Rescale Slope/Intercept: " + e.getMessage());
        }
    }

    private static Optional<PixelSpacing> pixelSpacing(AttributeList list) {
        double[] values = Attribute.getDoubleValues(list, TagFromName.PixelSpacing);
        if (values == null || values.length < 2 || !(values[0] > 0) || !(values[1] > 0)) {
            return Optional.empty(); // spacing is a nicety for measurements; its absence must not hide the image
        }
        return Optional.of(new PixelSpacing(values[0], values[1]));
    }

    private static List<WindowLevel> windowPresets(AttributeList list) {
        double[] centers = Attribute.getDoubleValues(list, TagFromName.WindowCenter);
        double[] widths = Attribute.getDoubleValues(list, TagFromName.WindowWidth);
        List<WindowLevel> presets = new ArrayList<>();
        if (centers == null || widths == null) {
            return presets;
        }
        for (int i = 0; i < Math.min(centers.length, widths.length); i++) {
            if (Double.isFinite(centers[i]) && widths[i] >= WindowLevel.MIN_WIDTH && Double.isFinite(widths[i])) {
                presets.add(new WindowLevel(centers[i], widths[i]));
            } else {
                LOG.debug("Ignoring invalid window preset {}/{}", centers[i], widths[i]);
            }
        }
        return presets;
    }

    private static double sliceLocation(AttributeList list) {
        double[] location = Attribute.getDoubleValues(list, TagFromName.SliceLocation);
        if (location != null && location.length > 0 && Double.isFinite(location[0])) {
            return location[0];
        }
        double[] position = Attribute.getDoubleValues(list, TagFromName.ImagePositionPatient);
        double[] orientation = Attribute.getDoubleValues(list, TagFromName.ImageOrientationPatient);
        if (position != null && position.length == 3 && orientation != null && orientation.length == 6) {
            double nx = orientation[1] * orientation[5] - orientation[2] * orientation[4];
            double ny = orientation[2] * orientation[3] - orientation[0] * orientation[5];
            double nz = orientation[0] * orientation[4] - orientation[1] * orientation[3];
            double along = position[0] * nx + position[1] * ny + position[2] * nz;
            if (Double.isFinite(along)) {
                return along;
            }
        }
        return integer(list, TagFromName.InstanceNumber, 0);
    }

    private static int integer(AttributeList list, AttributeTag tag, int fallback) {
        return Attribute.getSingleIntegerValueOrDefault(list, tag, fallback);
    }

    private static String string(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }
}

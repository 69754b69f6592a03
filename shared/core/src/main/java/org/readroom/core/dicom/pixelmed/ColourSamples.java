package org.readroom.core.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.util.Set;

/**
 * Turns the colour encodings a file may hold into what {@link org.readroom.core.dicom.DicomImage} keeps: red, green
 * and blue of each pixel in turn. Native files may be planar (all red, then all green, then all blue), YBR_FULL, or
 * YBR_FULL_422 (two pixels share one Cb and one Cr). A lossy JPEG codec has already turned YBR into RGB by the time
 * PixelMed hands the pixels over, and a JPEG 2000 codec has undone its own colour transform (YBR_ICT, YBR_RCT),
 * whatever the header still says; their output is always interleaved. Other codecs (RLE, JPEG lossless, JPEG-LS,
 * JPEG 2000 without a colour transform) return the samples as the header describes them.
 */
final class ColourSamples {

    /** How the stored samples of one frame are laid out. */
    enum Layout {
        RGB,
        YBR_FULL,
        YBR_FULL_422
    }

    private static final Set<String> LOSSY_JPEG = Set.of(
            "1.2.840.10008.1.2.4.50", // JPEG baseline
            "1.2.840.10008.1.2.4.51"); // JPEG extended

    private static final Set<String> JPEG_2000 = Set.of(
            "1.2.840.10008.1.2.4.90", // JPEG 2000 lossless
            "1.2.840.10008.1.2.4.91", // JPEG 2000
            "1.2.840.10008.1.2.4.92", // JPEG 2000 Part 2 lossless
            "1.2.840.10008.1.2.4.93"); // JPEG 2000 Part 2

    private ColourSamples() {}

    /** The layout of a colour file's samples as they reach us (after PixelMed's codec, if the file was compressed). */
    static Layout layout(AttributeList list, String transferSyntaxUid) throws UndecodableException {
        String photometric = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PhotometricInterpretation)
                .trim();
        boolean lossyJpeg = LOSSY_JPEG.contains(transferSyntaxUid);
        switch (photometric) {
            case "RGB":
                return Layout.RGB;
            case "YBR_FULL":
                return lossyJpeg ? Layout.RGB : Layout.YBR_FULL;
            case "YBR_FULL_422":
                if (lossyJpeg) {
                    return Layout.RGB;
                }
                if (!transferSyntaxUid.isEmpty() && TransferSyntax.isEncapsulated(transferSyntaxUid)) {
                    throw new UndecodableException("colour encoding YBR_FULL_422 is only valid uncompressed or in JPEG"
                            + " files, not in " + new TransferSyntax(transferSyntaxUid).getDescription());
                }
                return Layout.YBR_FULL_422;
            case "YBR_ICT", "YBR_RCT":
                if (JPEG_2000.contains(transferSyntaxUid)) {
                    return Layout.RGB;
                }
                throw new UndecodableException("colour encoding " + photometric + " is only valid in JPEG 2000 files");
            default:
                throw new UndecodableException("colour encoding not supported: "
                        + (photometric.isEmpty()
                                ? "3 samples per pixel without Photometric Interpretation"
                                : photometric));
        }
    }

    /** Stored samples per frame: three per pixel, except YBR_FULL_422, whose two pixels share their Cb and Cr. */
    static int storedSamplesPerFrame(Layout layout, int rows, int columns) throws UndecodableException {
        if (layout == Layout.YBR_FULL_422 && columns % 2 != 0) {
            throw new UndecodableException("YBR_FULL_422 needs an even number of columns but has " + columns);
        }
        long samples = (long) rows * columns * (layout == Layout.YBR_FULL_422 ? 2 : 3);
        if (samples > Integer.MAX_VALUE) {
            throw new UndecodableException("image too large: " + samples + " colour samples a frame");
        }
        return (int) samples;
    }

    /**
     * True when the samples come colour plane by colour plane: as the file's Planar Configuration says, for
     * uncompressed and RLE data; never for what a JPEG or JPEG 2000 codec returns.
     */
    static boolean planar(AttributeList list, String transferSyntaxUid) {
        boolean codecOutput = !transferSyntaxUid.isEmpty()
                && TransferSyntax.isEncapsulated(transferSyntaxUid)
                && !TransferSyntax.RLE.equals(transferSyntaxUid);
        return !codecOutput && Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PlanarConfiguration, 0) == 1;
    }

    /** Every frame as interleaved RGB samples of {@code bitsStored} bits. */
    static short[][] toRgb(short[][] stored, Layout layout, boolean planar, int pixels, int bitsStored) {
        short[][] rgb = new short[stored.length][];
        int max = (1 << bitsStored) - 1;
        int middle = 1 << (bitsStored - 1);
        for (int f = 0; f < stored.length; f++) {
            short[] frame = stored[f];
            if (layout == Layout.YBR_FULL_422) {
                rgb[f] = from422(frame, pixels, middle, max);
                continue;
            }
            short[] interleaved = planar ? interleave(frame, pixels) : frame;
            rgb[f] = layout == Layout.YBR_FULL ? fromYbr(interleaved, pixels, middle, max) : interleaved;
        }
        return rgb;
    }

    private static short[] interleave(short[] planes, int pixels) {
        short[] out = new short[pixels * 3];
        for (int i = 0; i < pixels; i++) {
            out[3 * i] = planes[i];
            out[3 * i + 1] = planes[pixels + i];
            out[3 * i + 2] = planes[2 * pixels + i];
        }
        return out;
    }

    private static short[] fromYbr(short[] ybr, int pixels, int middle, int max) {
        short[] out = new short[pixels * 3];
        for (int i = 0; i < pixels; i++) {
            int at = 3 * i;
            put(out, at, ybr[at] & 0xFFFF, ybr[at + 1] & 0xFFFF, ybr[at + 2] & 0xFFFF, middle, max);
        }
        return out;
    }

    /** Y1 Y2 Cb Cr for each pair of pixels along a row (PS3.3 C.7.6.3.1.2). */
    private static short[] from422(short[] stored, int pixels, int middle, int max) {
        short[] out = new short[pixels * 3];
        for (int pair = 0; pair < pixels / 2; pair++) {
            int at = 4 * pair;
            int cb = stored[at + 2] & 0xFFFF;
            int cr = stored[at + 3] & 0xFFFF;
            put(out, 6 * pair, stored[at] & 0xFFFF, cb, cr, middle, max);
            put(out, 6 * pair + 3, stored[at + 1] & 0xFFFF, cb, cr, middle, max);
        }
        return out;
    }

    /** The YCbCr to RGB conversion of PS3.3 C.7.6.3.1.2 (full range, ITU-R BT.601 weights). */
    private static void put(short[] out, int at, int y, int cb, int cr, int middle, int max) {
        double b = cb - middle;
        double r = cr - middle;
        out[at] = clamp(y + 1.402 * r, max);
        out[at + 1] = clamp(y - 0.344136 * b - 0.714136 * r, max);
        out[at + 2] = clamp(y + 1.772 * b, max);
    }

    private static short clamp(double value, int max) {
        return (short) Math.max(0, Math.min(max, Math.round(value)));
    }
}

package org.readroom.core.dicom;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.readroom.core.imaging.Rescale;
import org.readroom.core.imaging.WindowLevel;

/**
 * A decoded DICOM image, grayscale or colour: geometry, the pixel module values needed to display it and the stored
 * values of every frame. Carries no patient identifiers. Immutable: the frames are copied in and out.
 *
 * @param frames stored values, one array of {@code rows * columns * photometric.samplesPerPixel()} per frame, row by
 *     row (colour: red, green, blue of each pixel in turn, never signed); sign-extended when {@code signed},
 *     otherwise read them with {@link #storedValue(int, int)} (which masks with 0xFFFF) or {@link #sample(int, int)}
 * @param sliceLocation position along the stack in mm (Slice Location, else the position along the slice normal,
 *     else the Instance Number) used only to order slices
 */
public record DicomImage(
        int rows,
        int columns,
        int frameCount,
        int bitsStored,
        boolean signed,
        Photometric photometric,
        String modality,
        String sopClassUid,
        String transferSyntaxUid,
        Rescale rescale,
        Optional<PixelSpacing> pixelSpacing,
        List<WindowLevel> windowPresets,
        double sliceLocation,
        short[][] frames) {

    public DicomImage {
        requirePositive("rows", rows);
        requirePositive("columns", columns);
        requirePositive("frameCount", frameCount);
        if (bitsStored < 1 || bitsStored > 16) {
            throw new IllegalArgumentException("bitsStored must be between 1 and 16 but was " + bitsStored);
        }
        Objects.requireNonNull(photometric, "photometric");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        Objects.requireNonNull(rescale, "rescale");
        Objects.requireNonNull(pixelSpacing, "pixelSpacing");
        windowPresets = List.copyOf(windowPresets);
        if (!Double.isFinite(sliceLocation)) {
            throw new IllegalArgumentException("sliceLocation must be a finite number but was " + sliceLocation);
        }
        Objects.requireNonNull(frames, "frames");
        if (frames.length != frameCount) {
            throw new IllegalArgumentException(
                    "frames must hold frameCount=" + frameCount + " arrays but holds " + frames.length);
        }
        if (photometric.isColour() && signed) {
            throw new IllegalArgumentException("a colour image cannot have signed samples");
        }
        frames = copyAndCheck(frames, rows * columns * photometric.samplesPerPixel(), bitsStored, signed);
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0 but was " + value);
        }
    }

    // Checking the range once here lets renderers index look-up tables without clamping every pixel.
    private static short[][] copyAndCheck(short[][] frames, int pixels, int bitsStored, boolean signed) {
        int min = signed ? -(1 << (bitsStored - 1)) : 0;
        int max = signed ? (1 << (bitsStored - 1)) - 1 : (1 << bitsStored) - 1;
        short[][] copy = new short[frames.length][];
        for (int f = 0; f < frames.length; f++) {
            short[] frame = Objects.requireNonNull(frames[f], "frames[" + f + "]");
            if (frame.length != pixels) {
                throw new IllegalArgumentException("frames[" + f + "] must hold rows*columns*samples=" + pixels
                        + " values but holds " + frame.length);
            }
            copy[f] = frame.clone(); // check the copy, so a caller changing its array meanwhile cannot slip past
            if (bitsStored == 16) {
                continue; // every short is a valid 16-bit value: skip a pass over the pixels on the decode path
            }
            short[] values = copy[f];
            for (int i = 0; i < pixels; i++) {
                int v = signed ? values[i] : values[i] & 0xFFFF;
                if (v < min || v > max) {
                    throw new IllegalArgumentException("frames[" + f + "][" + i + "] must be a " + bitsStored + "-bit "
                            + (signed ? "signed" : "unsigned") + " value but was " + v);
                }
            }
        }
        return copy;
    }

    /**
     * The stored value at {@code index} (row * columns + column) of {@code frame}, with the right sign. For a colour
     * image, the pixel's luminance (ITU-R BT.601 weights) on the same scale as its samples, so measurements and
     * automatic windows still mean something.
     */
    public int storedValue(int frame, int index) {
        if (photometric.isColour()) {
            int at = index * 3;
            short[] values = frames[frame];
            return (int) Math.round(0.299 * (values[at] & 0xFFFF)
                    + 0.587 * (values[at + 1] & 0xFFFF)
                    + 0.114 * (values[at + 2] & 0xFFFF));
        }
        short v = frames[frame][index];
        return signed ? v : v & 0xFFFF;
    }

    /** One stored sample of a frame, as stored: for colour, sample {@code 3 * pixel + channel} (0 red, 1 green, 2 blue). */
    public int sample(int frame, int sampleIndex) {
        short v = frames[frame][sampleIndex];
        return signed ? v : v & 0xFFFF;
    }

    /** The stored value at a row and column of a frame. */
    public int storedValue(int frame, int row, int column) {
        return storedValue(frame, row * columns + column);
    }

    /** The rescaled value (Hounsfield units for CT) at a row and column of a frame. */
    public double modalityValue(int frame, int row, int column) {
        return rescale.apply(storedValue(frame, row, column));
    }

    /**
     * The window a reader first sees: the file's first window preset, else a window spanning the rescaled values of
     * frame 0 (the viewer keeps that window while scrolling, so later frames are shown with it too).
     */
    public WindowLevel openingWindow() {
        return windowPresets.isEmpty()
                ? org.readroom.core.imaging.WindowPresets.autoWindow(this, 0)
                : windowPresets.get(0);
    }

    /** A copy of the stored values; prefer {@link #storedValue(int, int)} when reading a few pixels. */
    @Override
    public short[][] frames() {
        short[][] copy = new short[frames.length][];
        for (int f = 0; f < frames.length; f++) {
            copy[f] = frames[f].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DicomImage other
                && rows == other.rows
                && columns == other.columns
                && frameCount == other.frameCount
                && bitsStored == other.bitsStored
                && signed == other.signed
                && photometric == other.photometric
                && modality.equals(other.modality)
                && sopClassUid.equals(other.sopClassUid)
                && transferSyntaxUid.equals(other.transferSyntaxUid)
                && rescale.equals(other.rescale)
                && pixelSpacing.equals(other.pixelSpacing)
                && windowPresets.equals(other.windowPresets)
                && Double.compare(sliceLocation, other.sliceLocation) == 0
                && Arrays.deepEquals(frames, other.frames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, columns, frameCount, bitsStored, signed, photometric, sopClassUid, sliceLocation) * 31
                + Arrays.deepHashCode(frames);
    }

    @Override
    public String toString() {
        return "DicomImage[" + modality + " " + columns + "x" + rows + "x" + frameCount + ", " + bitsStored + " bits "
                + (signed ? "signed" : "unsigned") + ", " + photometric + ", " + rescale + ", sliceLocation="
                + sliceLocation + "]";
    }
}

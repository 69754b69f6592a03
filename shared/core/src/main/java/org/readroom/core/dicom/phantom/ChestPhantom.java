package org.readroom.core.dicom.phantom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.readroom.core.dicom.PixelSpacing;
import org.readroom.core.dicom.pixelmed.CtSeriesHeader;
import org.readroom.core.dicom.pixelmed.CtSeriesWriter;
import org.readroom.core.imaging.Rescale;
import org.readroom.core.imaging.WindowLevel;

/**
 * Writes a SYNTHETIC axial chest CT series (body, fat rim, two lungs, spine and a 12 mm nodule in the right lung on a
 * few middle slices) as real DICOM files, so demos and tests never need patient data. Pixel content is
 * deterministic for the same arguments; only the UIDs differ between calls.
 */
public final class ChestPhantom {

    public static final String PATIENT_NAME = "PHANTOM^SYNTHETIC";
    public static final String PATIENT_ID = "PHANTOM";
    public static final String SERIES_DESCRIPTION = "Synthetic chest phantom (not patient data)";
    public static final double PIXEL_SPACING_MM = 0.7;
    public static final double SLICE_THICKNESS_MM = 5.0;
    public static final double NODULE_DIAMETER_MM = 12.0;
    public static final Rescale RESCALE = new Rescale(1, -1024);
    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 1024;
    public static final int MAX_SLICES = 500;

    static final double AIR_HU = -1000;
    static final double FAT_HU = -100;
    static final double SOFT_TISSUE_HU = 40;
    static final double LUNG_HU = -850;
    static final double BONE_HU = 700;
    static final double CORD_HU = 20;
    static final double NODULE_HU = 30;
    static final double NOISE_SD_HU = 8;

    // Anatomy in normalised image coordinates: u from -1 (image left = patient right) to 1, v from -1 (anterior)
    // to 1 (posterior).
    private static final double RIGHT_LUNG_U = -0.40;
    private static final double LEFT_LUNG_U = 0.40;
    private static final double LUNG_V = -0.04;
    private static final double NODULE_V = -0.12;
    private static final double SPINE_V = 0.42;

    /** A pixel position, row then column. */
    public record Pixel(int row, int column) {}

    /** Where tests and demos find each tissue; {@code noduleSlice} is the slice through the nodule's centre. */
    public record Landmarks(Pixel nodule, Pixel rightLung, Pixel softTissue, Pixel spine, Pixel air, int noduleSlice) {}

    private ChestPhantom() {}

    /**
     * Writes {@code slices} files of {@code size}×{@code size} pixels into {@code dir} (created if missing) and
     * returns them in slice order. Throws {@link UncheckedIOException} if a file cannot be written.
     */
    public static List<Path> writeSeries(Path dir, int slices, int size) {
        checkArguments(slices, size);
        CtSeriesWriter writer = new CtSeriesWriter(new CtSeriesHeader(
                PATIENT_NAME,
                PATIENT_ID,
                "Synthetic phantom study (not patient data)",
                SERIES_DESCRIPTION,
                "SYNTHETIC PHANTOM - NOT PATIENT DATA",
                size,
                size,
                new PixelSpacing(PIXEL_SPACING_MM, PIXEL_SPACING_MM),
                SLICE_THICKNESS_MM,
                RESCALE,
                List.of(WindowLevel.LUNG, WindowLevel.MEDIASTINUM),
                List.of("LUNG", "MEDIASTINUM")));
        try {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>(slices);
            for (int slice = 0; slice < slices; slice++) {
                Path file = dir.resolve(String.format(Locale.ROOT, "phantom-%03d.dcm", slice + 1));
                writer.writeSlice(file, slice + 1, sliceLocationMm(slice, slices), storedValues(slice, slices, size));
                files.add(file);
            }
            return List.copyOf(files);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the chest phantom into " + dir, e);
        }
    }

    public static Landmarks landmarks(int slices, int size) {
        checkArguments(slices, size);
        return new Landmarks(
                pixel(RIGHT_LUNG_U, NODULE_V, size),
                pixel(RIGHT_LUNG_U, 0.15, size),
                pixel(0.0, -0.30, size),
                pixel(0.0, SPINE_V, size),
                pixel(0.95, -0.95, size),
                slices / 2);
    }

    /** Slice locations run from feet to head, centred on 0, one slice thickness apart. */
    public static double sliceLocationMm(int slice, int slices) {
        return (slice - slices / 2) * SLICE_THICKNESS_MM;
    }

    /** Stored values (HU + 1024) of one slice, row by row. */
    static short[] storedValues(int slice, int slices, int size) {
        double half = size / 2.0;
        double mmPerUnit = half * PIXEL_SPACING_MM;
        // Lungs are largest mid-chest and narrow towards both ends, so neighbouring slices differ visibly.
        double lungScale = 0.80 + 0.20 * Math.sin(Math.PI * (slice + 0.5) / slices);
        double dz = sliceLocationMm(slice, slices) - sliceLocationMm(slices / 2, slices);
        double noduleRadiusMm2 = Math.pow(NODULE_DIAMETER_MM / 2.0, 2) - dz * dz;
        double noduleRadius = noduleRadiusMm2 > 0 ? Math.sqrt(noduleRadiusMm2) / mmPerUnit : 0;
        Random noise = new Random(31L * size + slice);
        short[] stored = new short[size * size];
        for (int row = 0; row < size; row++) {
            double v = (row + 0.5 - half) / half;
            for (int column = 0; column < size; column++) {
                double u = (column + 0.5 - half) / half;
                double hu = tissue(u, v, lungScale, noduleRadius) + noise.nextGaussian() * NOISE_SD_HU;
                stored[row * size + column] = (short) RESCALE.inverse(hu);
            }
        }
        return stored;
    }

    private static double tissue(double u, double v, double lungScale, double noduleRadius) {
        if (!inEllipse(u, v, 0, 0.04, 0.88, 0.62)) {
            return AIR_HU;
        }
        if (noduleRadius > 0 && inEllipse(u, v, RIGHT_LUNG_U, NODULE_V, noduleRadius, noduleRadius)) {
            return NODULE_HU;
        }
        if (inEllipse(u, v, RIGHT_LUNG_U, LUNG_V, 0.26 * lungScale, 0.40 * lungScale)
                || inEllipse(u, v, LEFT_LUNG_U, LUNG_V, 0.23 * lungScale, 0.38 * lungScale)) {
            return LUNG_HU;
        }
        if (inEllipse(u, v, 0, SPINE_V, 0.12, 0.12)) {
            return BONE_HU; // vertebral body
        }
        if (inEllipse(u, v, 0, 0.58, 0.045, 0.045)) {
            return CORD_HU; // spinal canal
        }
        if (inEllipse(u, v, 0, 0.58, 0.08, 0.075)) {
            return BONE_HU; // neural arch around the canal
        }
        if (!inEllipse(u, v, 0, 0.04, 0.80, 0.54)) {
            return FAT_HU; // subcutaneous fat rim
        }
        return SOFT_TISSUE_HU;
    }

    private static boolean inEllipse(double u, double v, double cu, double cv, double a, double b) {
        double du = (u - cu) / a;
        double dv = (v - cv) / b;
        return du * du + dv * dv <= 1.0;
    }

    private static Pixel pixel(double u, double v, int size) {
        double half = size / 2.0;
        return new Pixel((int) Math.floor(v * half + half), (int) Math.floor(u * half + half));
    }

    private static void checkArguments(int slices, int size) {
        if (slices < 1 || slices > MAX_SLICES) {
            throw new IllegalArgumentException("slices must be between 1 and " + MAX_SLICES + " but was " + slices);
        }
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "size must be between " + MIN_SIZE + " and " + MAX_SIZE + " but was " + size);
        }
    }
}

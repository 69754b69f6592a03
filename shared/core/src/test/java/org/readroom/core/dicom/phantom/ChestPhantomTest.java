package org.readroom.core.dicom.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.PixelSpacing;
import org.readroom.core.dicom.phantom.ChestPhantom.Landmarks;
import org.readroom.core.dicom.phantom.ChestPhantom.Pixel;
import org.readroom.core.imaging.Rescale;
import org.readroom.core.imaging.WindowLevel;

class ChestPhantomTest {

    private static final int SLICES = 24;
    private static final int SIZE = 256;

    private static DicomImage decode(Path file) {
        DecodeResult result = DicomDecoder.pixelMed().decode(file);
        return assertInstanceOf(DecodeResult.Decoded.class, result, () -> file + ": " + result)
                .image();
    }

    /** Mean HU over 3x3 pixels, so the seeded noise (SD 8 HU) cannot push a check over its tolerance. */
    private static double meanHu(DicomImage image, Pixel at) {
        double sum = 0;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                sum += image.modalityValue(0, at.row() + dr, at.column() + dc);
            }
        }
        return sum / 9;
    }

    @Test
    void roundTripKeepsTheCtHeaderValues(@TempDir Path dir) {
        List<Path> files = ChestPhantom.writeSeries(dir, SLICES, SIZE);
        assertEquals(SLICES, files.size());
        DicomImage slice = decode(files.get(0));
        assertEquals(SIZE, slice.rows());
        assertEquals(SIZE, slice.columns());
        assertEquals("CT", slice.modality());
        assertEquals("1.2.840.10008.5.1.4.1.1.2", slice.sopClassUid());
        assertEquals("1.2.840.10008.1.2.1", slice.transferSyntaxUid());
        assertEquals(16, slice.bitsStored());
        assertTrue(slice.signed());
        assertEquals(new Rescale(1, -1024), slice.rescale());
        assertEquals(Optional.of(new PixelSpacing(0.7, 0.7)), slice.pixelSpacing());
        assertEquals(List.of(WindowLevel.LUNG, WindowLevel.MEDIASTINUM), slice.windowPresets());
    }

    @Test
    void tissuesHavePlausibleHounsfieldUnits(@TempDir Path dir) {
        List<Path> files = ChestPhantom.writeSeries(dir, SLICES, SIZE);
        Landmarks at = ChestPhantom.landmarks(SLICES, SIZE);
        DicomImage middle = decode(files.get(at.noduleSlice()));
        assertEquals(-850, meanHu(middle, at.rightLung()), 15, "lung");
        assertEquals(40, meanHu(middle, at.softTissue()), 15, "soft tissue");
        assertEquals(700, meanHu(middle, at.spine()), 15, "vertebral body");
        assertEquals(-1000, meanHu(middle, at.air()), 15, "air outside the body");
        assertEquals(30, meanHu(middle, at.nodule()), 15, "nodule");
    }

    @Test
    void noduleAppearsOnlyOnAFewMiddleSlices(@TempDir Path dir) {
        List<Path> files = ChestPhantom.writeSeries(dir, SLICES, SIZE);
        Landmarks at = ChestPhantom.landmarks(SLICES, SIZE);
        int slicesWithNodule = 0;
        for (int i = 0; i < files.size(); i++) {
            double hu = meanHu(decode(files.get(i)), at.nodule());
            if (hu > -300) {
                slicesWithNodule++;
                assertTrue(Math.abs(i - at.noduleSlice()) <= 1, "nodule on slice " + i);
            } else {
                assertEquals(-850, hu, 15, "lung where the nodule is not, slice " + i);
            }
        }
        assertTrue(slicesWithNodule >= 1 && slicesWithNodule <= 3, "nodule on " + slicesWithNodule + " slices");
    }

    @Test
    void slicesAreOrderedFromFeetToHeadAtTheSliceThickness(@TempDir Path dir) {
        List<Path> files = ChestPhantom.writeSeries(dir, 4, 64);
        double first = decode(files.get(0)).sliceLocation();
        double second = decode(files.get(1)).sliceLocation();
        assertEquals(ChestPhantom.SLICE_THICKNESS_MM, second - first, 1e-9);
    }

    @Test
    void sameArgumentsGiveTheSamePixels(@TempDir Path dir) {
        List<Path> first = ChestPhantom.writeSeries(dir.resolve("a"), 3, 128);
        List<Path> second = ChestPhantom.writeSeries(dir.resolve("b"), 3, 128);
        assertArrayEquals(
                decode(first.get(1)).frames()[0], decode(second.get(1)).frames()[0]);
    }

    @Test
    void neighbouringSlicesDiffer(@TempDir Path dir) {
        List<Path> files = ChestPhantom.writeSeries(dir, 3, 128);
        assertTrue(!decode(files.get(0)).equals(decode(files.get(1))));
    }

    @Test
    void demoSeriesIsWrittenInUnderASecond(@TempDir Path dir) {
        ChestPhantom.writeSeries(dir.resolve("warm-up"), 2, 64); // class loading is not what we measure
        long start = System.nanoTime();
        List<Path> files = ChestPhantom.writeSeries(dir.resolve("demo"), SLICES, SIZE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "took " + millis + " ms");
        assertTrue(files.stream().allMatch(Files::isRegularFile));
    }

    @Test
    void invalidArgumentsAreRefusedNamingTheField(@TempDir Path dir) {
        IllegalArgumentException slices =
                assertThrows(IllegalArgumentException.class, () -> ChestPhantom.writeSeries(dir, 0, SIZE));
        assertTrue(slices.getMessage().startsWith("slices"), slices.getMessage());
        IllegalArgumentException size =
                assertThrows(IllegalArgumentException.class, () -> ChestPhantom.writeSeries(dir, 3, 8));
        assertTrue(size.getMessage().startsWith("size"), size.getMessage());
    }
}

package org.readroom.core.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.Photometric;
import org.readroom.core.dicom.PixelSpacing;
import org.readroom.core.imaging.Rescale;
import org.readroom.core.imaging.WindowLevel;

/**
 * Decodes pydicom's public test files as installed by Debian's python3-pydicom (never copied into the repo).
 * Expected stored values were read with pydicom 2.3.1 from the raw Pixel Data.
 */
class PixelMedDecoderTest {

    private static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private final DicomDecoder decoder = DicomDecoder.pixelMed();

    @BeforeAll
    static void pydicomTestFilesAreInstalled() {
        // deploy/readroom test installs the package; without it these tests must fail, not skip.
        assertTrue(
                Files.isDirectory(TEST_FILES),
                "real DICOM test files missing: install the Debian package python3-pydicom");
    }

    private DicomImage decoded(String name) {
        DecodeResult result = decoder.decode(TEST_FILES.resolve(name));
        return assertInstanceOf(DecodeResult.Decoded.class, result, () -> name + ": " + result)
                .image();
    }

    private String failure(Path file) {
        DecodeResult result = decoder.decode(file);
        return assertInstanceOf(DecodeResult.Failed.class, result, () -> file + ": " + result)
                .reason();
    }

    @Test
    void ctSmallHasSignedStoredValuesAndHounsfieldRescale() {
        DicomImage ct = decoded("CT_small.dcm");
        assertEquals(128, ct.rows());
        assertEquals(128, ct.columns());
        assertEquals(1, ct.frameCount());
        assertEquals(16, ct.bitsStored());
        assertTrue(ct.signed());
        assertEquals(Photometric.MONOCHROME2, ct.photometric());
        assertEquals("CT", ct.modality());
        assertEquals("1.2.840.10008.5.1.4.1.1.2", ct.sopClassUid());
        assertEquals("1.2.840.10008.1.2.1", ct.transferSyntaxUid());
        assertEquals(new Rescale(1, -1024), ct.rescale());
        assertEquals(Optional.of(new PixelSpacing(0.661468, 0.661468)), ct.pixelSpacing());
        assertEquals(List.of(), ct.windowPresets());
        assertEquals(-77.2040634155, ct.sliceLocation(), 1e-9);
        // pydicom: ds.pixel_array[0, 0] == 175, [32, 32] == 487, [10, 20] == 185, [63, 63] == 1843
        assertEquals(175, ct.storedValue(0, 0, 0));
        assertEquals(487, ct.storedValue(0, 32, 32));
        assertEquals(185, ct.storedValue(0, 10, 20));
        assertEquals(1843, ct.storedValue(0, 63, 63));
        assertEquals(487 - 1024, ct.modalityValue(0, 32, 32));
    }

    @Test
    void mrSmallHasIdentityRescaleAndItsWindowPreset() {
        DicomImage mr = decoded("MR_small.dcm");
        assertEquals(64, mr.rows());
        assertEquals(64, mr.columns());
        assertEquals("MR", mr.modality());
        assertTrue(mr.signed());
        assertEquals(Rescale.IDENTITY, mr.rescale());
        assertEquals(List.of(new WindowLevel(600, 1600)), mr.windowPresets());
        assertEquals(Optional.of(new PixelSpacing(0.3125, 0.3125)), mr.pixelSpacing());
        // pydicom: ds.pixel_array[0, 0] == 905, [32, 32] == 182, [10, 20] == 316, [63, 63] == 862
        assertEquals(905, mr.storedValue(0, 0, 0));
        assertEquals(182, mr.storedValue(0, 32, 32));
        assertEquals(316, mr.storedValue(0, 10, 20));
        assertEquals(862, mr.storedValue(0, 63, 63));
    }

    @Test
    void compressedAndOtherEncodingsOfMrSmallDecodeToTheSameStoredValues() {
        DicomImage reference = decoded("MR_small.dcm");
        for (String variant : List.of(
                "MR_small_RLE.dcm",
                "MR_small_jp2klossless.dcm",
                "MR_small_bigendian.dcm",
                "MR_small_implicit.dcm",
                "MR_small_padded.dcm")) {
            DicomImage image = decoded(variant);
            assertEquals(64, image.rows(), variant);
            for (int i = 0; i < 64 * 64; i++) {
                assertEquals(reference.storedValue(0, i), image.storedValue(0, i), variant + " pixel " + i);
            }
        }
    }

    @Test
    void truncatedPixelDataFailsWithExpectedAndFoundLengths() {
        // pydicom: MR_truncated.dcm declares 64x64x16 bits but holds only 8130 bytes of Pixel Data.
        String reason = failure(TEST_FILES.resolve("MR_truncated.dcm"));
        assertEquals("pixel data truncated: expected 8192 bytes, found 8130", reason);
    }

    @Test
    void structuredReportIsNotAnImage() {
        assertEquals("not an image: SOP class Comprehensive SR", failure(TEST_FILES.resolve("test-SR.dcm")));
        assertEquals("not an image: SOP class Basic Text SR", failure(TEST_FILES.resolve("reportsi.dcm")));
    }

    @Test
    void radiotherapyPlanAndDoseAreNotImages() {
        assertEquals("not an image: SOP class RT Plan", failure(TEST_FILES.resolve("rtplan.dcm")));
        assertTrue(failure(TEST_FILES.resolve("rtdose.dcm")).startsWith("not an image: SOP class RT Dose"));
    }

    @Test
    void waveformIsNotAnImage() {
        assertTrue(failure(TEST_FILES.resolve("waveform_ecg.dcm")).startsWith("not an image"));
    }

    @Test
    void undecodableCompressionFailsNamingTheTransferSyntax() {
        String reason = failure(TEST_FILES.resolve("MR_small_jpeg_ls_lossless.dcm"));
        assertTrue(reason.startsWith("compressed pixel data could not be decoded"), reason);
        assertTrue(reason.contains("JPEG-LS"), reason);
    }

    @Test
    void textFileIsNotADicomFile(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.dcm"), "not an image\n".repeat(40), StandardCharsets.UTF_8);
        assertEquals("not a DICOM file", failure(text));
        assertEquals("not a DICOM file", failure(TEST_FILES.resolve("README.txt")));
    }

    @Test
    void emptyAndMissingFilesFailWithoutThrowing(@TempDir Path dir) throws IOException {
        assertEquals("not a DICOM file", failure(Files.createFile(dir.resolve("empty.dcm"))));
        assertTrue(failure(dir.resolve("missing.dcm")).startsWith("not a DICOM file"));
        assertTrue(failure(dir).startsWith("not a DICOM file"));
    }

    @Test
    void garbageAfterTheDicmPrefixFailsWithoutThrowing(@TempDir Path dir) throws IOException {
        // Seeds chosen to hit both an empty parse and an impossible value length, quickly.
        for (int seed : new int[] {2, 3, 4}) {
            byte[] bytes = new byte[1024];
            new Random(seed).nextBytes(bytes);
            System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, bytes, 128, 4);
            Path file = Files.write(dir.resolve("garbage-" + seed + ".dcm"), bytes);
            assertInstanceOf(DecodeResult.Failed.class, decoder.decode(file), "seed " + seed);
        }
    }
}

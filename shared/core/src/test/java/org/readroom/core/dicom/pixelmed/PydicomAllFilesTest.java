package org.readroom.core.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;

/**
 * Every {@code .dcm} file of pydicom's test set, found at run time: each one either decodes into a consistent image
 * or fails with a clear reason, within a time limit. The table pins the outcome per file so that a change of
 * behaviour (a file that used to decode, a reason that changed its meaning) fails here first.
 */
class PydicomAllFilesTest {

    private static final Duration PER_FILE_LIMIT = Duration.ofSeconds(30);

    /** What a file must give: an image of this size, or a failure whose reason contains {@code word}. */
    private record Expected(int rows, int columns, int frames, String word) {
        static Expected image(int rows, int columns, int frames) {
            return new Expected(rows, columns, frames, null);
        }

        static Expected failure(String word) {
            return new Expected(0, 0, 0, word);
        }

        boolean decodes() {
            return word == null;
        }
    }

    private static final String NOT_AN_IMAGE = "not an image";

    private static final Map<String, Expected> EXPECTED = new TreeMap<>(Map.ofEntries(
            // Grayscale images in every encoding PixelMed (with jai-imageio-jpeg2000) decodes.
            Map.entry("693_J2KI.dcm", Expected.image(512, 512, 1)),
            Map.entry("CT_small.dcm", Expected.image(128, 128, 1)),
            Map.entry("J2K_pixelrep_mismatch.dcm", Expected.image(512, 512, 1)),
            Map.entry("JPEG2000.dcm", Expected.image(1024, 256, 1)),
            Map.entry("MR_small.dcm", Expected.image(64, 64, 1)),
            Map.entry("MR_small_RLE.dcm", Expected.image(64, 64, 1)),
            Map.entry("MR_small_bigendian.dcm", Expected.image(64, 64, 1)),
            Map.entry("MR_small_expb.dcm", Expected.image(64, 64, 1)),
            Map.entry("MR_small_implicit.dcm", Expected.image(64, 64, 1)),
            Map.entry("MR_small_jp2klossless.dcm", Expected.image(64, 64, 1)),
            Map.entry("MR_small_padded.dcm", Expected.image(64, 64, 1)),
            Map.entry("image_dfl.dcm", Expected.image(512, 512, 1)), // deflated explicit VR little endian
            Map.entry("liver_1frame.dcm", Expected.image(512, 512, 1)), // 1-bit segmentation
            Map.entry("liver_expb_1frame.dcm", Expected.image(512, 512, 1)),
            // Broken files: each must say what is wrong.
            Map.entry("MR_truncated.dcm", Expected.failure("pixel data truncated")),
            Map.entry("no_meta.dcm", Expected.failure("not a DICOM file")), // stray byte before the first tag
            Map.entry("SC_rgb_jpeg.dcm", Expected.failure("could not read DICOM file")), // VR does not match meta
            // A deliberately corrupt code stream (its SIZ marker holds a sequence delimiter).
            Map.entry("JPEG2000-embedded-sequence-delimiter.dcm", Expected.failure("JPEG 2000")),
            // Grayscale encodings PixelMed cannot decode: 12-bit JPEG and JPEG-LS.
            Map.entry("JPEG-lossy.dcm", Expected.failure("JPEG Extended")),
            Map.entry("JPGExtended.dcm", Expected.failure("JPEG Extended")),
            Map.entry("MR_small_jpeg_ls_lossless.dcm", Expected.failure("JPEG-LS")),
            // Colour, in every encoding PixelMed decodes: native (planar too), YBR, 4:2:2, JPEG, JPEG 2000, RLE.
            Map.entry("ExplVR_BigEnd.dcm", Expected.image(60, 80, 1)),
            Map.entry("GDCMJ2K_TextGBR.dcm", Expected.image(400, 400, 1)),
            Map.entry("SC_jpeg_no_color_transform.dcm", Expected.image(256, 256, 1)),
            Map.entry("SC_jpeg_no_color_transform_2.dcm", Expected.image(256, 256, 1)),
            Map.entry("SC_rgb_dcmtk_+eb+cr.dcm", Expected.image(100, 100, 1)),
            Map.entry("SC_rgb_dcmtk_+eb+cy+n1.dcm", Expected.image(100, 100, 1)),
            Map.entry("SC_rgb_dcmtk_+eb+cy+n2.dcm", Expected.image(100, 100, 1)),
            Map.entry("SC_rgb_dcmtk_+eb+cy+np.dcm", Expected.image(100, 100, 1)),
            Map.entry("SC_rgb_dcmtk_+eb+cy+s2.dcm", Expected.image(100, 100, 1)),
            Map.entry("SC_rgb_dcmtk_+eb+cy+s4.dcm", Expected.image(100, 100, 1)),
            Map.entry("SC_rgb_gdcm_KY.dcm", Expected.image(100, 100, 1)),
            Map.entry("SC_rgb_jpeg_app14_dcmd.dcm", Expected.image(256, 256, 1)),
            Map.entry("SC_rgb_jpeg_dcmd.dcm", Expected.image(256, 256, 1)),
            Map.entry("SC_rgb_jpeg_dcmtk.dcm", Expected.image(100, 100, 1)),
            Map.entry("SC_rgb_jpeg_lossy_gdcm.dcm", Expected.image(100, 100, 1)),
            Map.entry("SC_rgb_rle.dcm", Expected.image(100, 100, 1)),
            Map.entry("SC_rgb_rle_2frame.dcm", Expected.image(100, 100, 2)),
            Map.entry("SC_rgb_small_odd.dcm", Expected.image(3, 3, 1)),
            Map.entry("SC_rgb_small_odd_jpeg.dcm", Expected.image(3, 3, 1)),
            Map.entry("SC_ybr_full_422_uncompressed.dcm", Expected.image(100, 100, 1)),
            // Colour encodings PixelMed cannot decode: JPEG lossless, RLE with 16- or 32-bit colour samples.
            Map.entry("SC_rgb_jpeg_gdcm.dcm", Expected.failure("JPEG Lossless")),
            Map.entry("SC_rgb_rle_16bit.dcm", Expected.failure("RLE Lossless")),
            Map.entry("SC_rgb_rle_16bit_2frame.dcm", Expected.failure("RLE Lossless")),
            Map.entry("SC_rgb_rle_32bit.dcm", Expected.failure("RLE Lossless")),
            Map.entry("SC_rgb_rle_32bit_2frame.dcm", Expected.failure("RLE Lossless")),
            // Not images: reports, plans, doses, structure sets, waveforms, directories, header-only files.
            Map.entry("ExplVR_BigEndNoMeta.dcm", Expected.failure("RT Ion Plan")), // bare data set, no Part 10 header
            Map.entry("ExplVR_LitEndNoMeta.dcm", Expected.failure("RT Ion Plan")),
            Map.entry("UN_sequence.dcm", Expected.failure("no pixel data")),
            Map.entry("badVR.dcm", Expected.failure("RT Dose")),
            Map.entry("dicomdirtests/DICOMDIR-empty.dcm", Expected.failure("Media Storage Directory")),
            Map.entry("empty_charset_LEI.dcm", Expected.failure("no pixel data")),
            Map.entry("meta_missing_tsyntax.dcm", Expected.failure(NOT_AN_IMAGE)),
            Map.entry("nested_priv_SQ.dcm", Expected.failure(NOT_AN_IMAGE)),
            Map.entry("no_meta_group_length.dcm", Expected.failure("no pixel data")),
            Map.entry("priv_SQ.dcm", Expected.failure("no pixel data")),
            Map.entry("reportsi.dcm", Expected.failure("Basic Text SR")),
            Map.entry("reportsi_with_empty_number_tags.dcm", Expected.failure("Basic Text SR")),
            Map.entry("rtdose.dcm", Expected.failure("RT Dose")),
            Map.entry("rtdose_1frame.dcm", Expected.failure("RT Dose")),
            Map.entry("rtdose_expb.dcm", Expected.failure("RT Dose")),
            Map.entry("rtdose_expb_1frame.dcm", Expected.failure("RT Dose")),
            Map.entry("rtdose_rle.dcm", Expected.failure("RT Dose")),
            Map.entry("rtdose_rle_1frame.dcm", Expected.failure("RT Dose")),
            Map.entry("rtplan.dcm", Expected.failure("RT Plan")),
            Map.entry("rtplan_truncated.dcm", Expected.failure("RT Plan")),
            Map.entry("rtstruct.dcm", Expected.failure("RT Structure Set")), // bare data set, no Part 10 header
            Map.entry("test-SR.dcm", Expected.failure("Comprehensive SR")),
            Map.entry("waveform_ecg.dcm", Expected.failure("ECG"))));

    private final DicomDecoder decoder = DicomDecoder.pixelMed();

    @Test
    void theTableListsExactlyTheFilesThatAreInstalled() throws IOException {
        List<String> onDisk = PydicomTestFiles.allDicomFiles();
        TreeSet<String> unlisted = new TreeSet<>(onDisk);
        unlisted.removeAll(EXPECTED.keySet());
        TreeSet<String> missing = new TreeSet<>(EXPECTED.keySet());
        missing.removeAll(onDisk);
        assertAll(
                () -> assertEquals(new TreeSet<>(), unlisted, "files without an expected outcome"),
                () -> assertEquals(new TreeSet<>(), missing, "expected files that are not installed"));
        assertTrue(onDisk.size() >= 60, "only " + onDisk.size() + " files found");
    }

    @TestFactory
    Stream<DynamicTest> everyFileDecodesOrFailsWithAClearReasonWithinTheLimit() throws IOException {
        return PydicomTestFiles.allDicomFiles().stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    DecodeResult result = assertTimeoutPreemptively(
                            PER_FILE_LIMIT, () -> decoder.decode(PydicomTestFiles.file(name)), name);
                    Expected expected = EXPECTED.get(name);
                    if (expected == null) {
                        fail(name + " has no expected outcome in the table; it gave " + result);
                    }
                    if (expected.decodes()) {
                        checkImage(name, expected, result);
                    } else {
                        checkFailure(name, expected, result);
                    }
                }));
    }

    private static void checkImage(String name, Expected expected, DecodeResult result) {
        DicomImage image = assertInstanceOf(DecodeResult.Decoded.class, result, () -> name + ": " + result)
                .image();
        assertEquals(expected.rows(), image.rows(), name + " rows");
        assertEquals(expected.columns(), image.columns(), name + " columns");
        assertEquals(expected.frames(), image.frameCount(), name + " frames");
        short[][] frames = image.frames();
        assertEquals(image.frameCount(), frames.length, name + " frame arrays");
        for (short[] frame : frames) {
            assertEquals(
                    image.rows() * image.columns() * image.photometric().samplesPerPixel(),
                    frame.length,
                    name + " values per frame");
        }
        assertFalse(image.sopClassUid().isBlank(), name + " SOP class");
        assertFalse(image.transferSyntaxUid().isBlank(), name + " transfer syntax");
    }

    private static void checkFailure(String name, Expected expected, DecodeResult result) {
        String reason = assertInstanceOf(DecodeResult.Failed.class, result, () -> name + ": " + result)
                .reason();
        assertTrue(
                reason.contains(expected.word()),
                () -> name + ": reason '" + reason + "' lacks '" + expected.word() + "'");
        // A reason is a sentence for an import report: one line, no exception class names.
        assertFalse(reason.contains("\n") || reason.contains("Exception"), () -> name + ": " + reason);
    }
}

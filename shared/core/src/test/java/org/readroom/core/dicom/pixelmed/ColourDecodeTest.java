package org.readroom.core.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.Photometric;
import org.readroom.core.imaging.Rescale;

/**
 * Colour files from Debian's python3-pydicom package, each encoding decoded to interleaved RGB. The reference pixels
 * are what pydicom 2.3 returns for the same files.
 */
class ColourDecodeTest {

    private static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private final DicomDecoder decoder = DicomDecoder.pixelMed();

    private DicomImage decode(String name) {
        DecodeResult result = decoder.decode(TEST_FILES.resolve(name));
        return assertInstanceOf(DecodeResult.Decoded.class, result, () -> name + ": " + result)
                .image();
    }

    private static int[] pixel(DicomImage image, int frame, int index) {
        return new int[] {
            image.sample(frame, 3 * index), image.sample(frame, 3 * index + 1), image.sample(frame, 3 * index + 2)
        };
    }

    @Test
    void nativeRgbKeepsItsSamplesAndIsNeverWindowedOrRescaled() {
        DicomImage image = decode("SC_rgb_small_odd.dcm");
        assertEquals(Photometric.RGB, image.photometric());
        assertEquals(8, image.bitsStored());
        int[][] expected = {
            {166, 141, 52},
            {166, 141, 52},
            {166, 141, 52},
            {63, 87, 176},
            {63, 87, 176},
            {63, 87, 176},
            {158, 158, 158},
            {158, 158, 158},
            {158, 158, 158}
        };
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], pixel(image, 0, i), "pixel " + i);
        }
        assertEquals(Rescale.IDENTITY, image.rescale());
        assertEquals(List.of(), image.windowPresets());
        // storedValue gives the luminance, so measurements and automatic windows still mean something
        assertEquals(Math.round(0.299 * 63 + 0.587 * 87 + 0.114 * 176), image.storedValue(0, 3));
    }

    @Test
    void planarBigEndianRgbIsInterleaved() {
        DicomImage image = decode("ExplVR_BigEnd.dcm");
        assertEquals(60, image.rows());
        assertEquals(80, image.columns());
        assertArrayEquals(new int[] {171, 171, 171}, pixel(image, 0, 0));
        assertArrayEquals(new int[] {255, 255, 0}, pixel(image, 0, 1000));
        assertArrayEquals(new int[] {255, 255, 0}, pixel(image, 0, 2500));
        assertArrayEquals(new int[] {255, 232, 0}, pixel(image, 0, 4799));
    }

    @Test
    void rleRgbDecodesEveryFrame() {
        DicomImage one = decode("SC_rgb_rle.dcm");
        assertArrayEquals(new int[] {255, 0, 0}, pixel(one, 0, 0));
        assertArrayEquals(new int[] {255, 128, 128}, pixel(one, 0, 1000));
        assertArrayEquals(new int[] {128, 128, 255}, pixel(one, 0, 5050));
        assertArrayEquals(new int[] {255, 255, 255}, pixel(one, 0, 9999));
        DicomImage two = decode("SC_rgb_rle_2frame.dcm");
        assertEquals(2, two.frameCount());
        assertArrayEquals(one.frames()[0], two.frames()[0]);
    }

    /**
     * The same picture (dcmtk's colour test card) stored losslessly (RLE) and as RGB JPEG, YBR JPEG with every chroma
     * subsampling, JPEG 2000 and uncompressed YBR_FULL_422: each must decode to nearly the lossless pixels (measured:
     * 0 to 2.8 per sample). A YBR file read without conversion, or a 4:2:2 file read as if it were 4:4:4, is off by
     * tens.
     */
    @Test
    void everyEncodingOfTheSamePictureDecodesToNearlyTheLosslessPixels() {
        assertNearly(
                "SC_rgb_rle.dcm",
                List.of(
                        "SC_rgb_dcmtk_+eb+cr.dcm",
                        "SC_rgb_dcmtk_+eb+cy+n1.dcm",
                        "SC_rgb_dcmtk_+eb+cy+n2.dcm",
                        "SC_rgb_dcmtk_+eb+cy+np.dcm",
                        "SC_rgb_dcmtk_+eb+cy+s2.dcm",
                        "SC_rgb_dcmtk_+eb+cy+s4.dcm",
                        "SC_rgb_jpeg_dcmtk.dcm",
                        "SC_rgb_jpeg_lossy_gdcm.dcm",
                        "SC_rgb_gdcm_KY.dcm",
                        "SC_ybr_full_422_uncompressed.dcm"));
    }

    /**
     * A photograph stored uncompressed (implicit VR) and as JPEG with an Adobe APP14 marker or with no colour transform
     * at all, and a 3×3 picture uncompressed and as YBR JPEG: each JPEG decodes to nearly the uncompressed pixels.
     */
    @Test
    void jpegWithoutAColourTransformOrWithAnAdobeMarkerDecodesToNearlyTheUncompressedPixels() {
        assertNearly(
                "SC_rgb_jpeg_dcmd.dcm",
                List.of(
                        "SC_rgb_jpeg_app14_dcmd.dcm",
                        "SC_jpeg_no_color_transform.dcm",
                        "SC_jpeg_no_color_transform_2.dcm"));
        assertNearly("SC_rgb_small_odd.dcm", List.of("SC_rgb_small_odd_jpeg.dcm"));
    }

    private void assertNearly(String lossless, List<String> others) {
        short[] reference = decode(lossless).frames()[0];
        for (String name : others) {
            DicomImage image = decode(name);
            assertEquals(Photometric.RGB, image.photometric(), name);
            short[] samples = image.frames()[0];
            assertEquals(reference.length, samples.length, name);
            double error = 0;
            for (int i = 0; i < samples.length; i++) {
                error += Math.abs((samples[i] & 0xFFFF) - (reference[i] & 0xFFFF));
            }
            double mean = error / samples.length;
            assertTrue(mean < 4.0, name + ": mean error per sample " + mean);
        }
    }
}

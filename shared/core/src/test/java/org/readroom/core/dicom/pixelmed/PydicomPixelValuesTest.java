package org.readroom.core.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;

/**
 * Stored values of compressed and unusual pydicom test files against pydicom's own {@code pixel_array}
 * (pydicom 2.3.1 with numpy and Pillow 9.4 / OpenJPEG 2.5 on Debian 12; pixel positions are [row, column]).
 * Signed JPEG 2000 is the main risk: the codec hands back unsigned bits that must be sign-extended.
 */
class PydicomPixelValuesTest {

    private final DicomDecoder decoder = DicomDecoder.pixelMed();

    @BeforeAll
    static void pydicomTestFilesAreInstalled() {
        PydicomTestFiles.requireInstalled();
    }

    private DicomImage decoded(String name) {
        DecodeResult result = decoder.decode(PydicomTestFiles.file(name));
        return assertInstanceOf(DecodeResult.Decoded.class, result, () -> name + ": " + result)
                .image();
    }

    /** Minimum, maximum, sum and count of negative stored values over frame 0. */
    private record Summary(int min, int max, long sum, int negatives) {
        static Summary of(DicomImage image) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            long sum = 0;
            int negatives = 0;
            for (int i = 0; i < image.rows() * image.columns(); i++) {
                int v = image.storedValue(0, i);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                negatives += v < 0 ? 1 : 0;
            }
            return new Summary(min, max, sum, negatives);
        }
    }

    @Test
    void signedLossyJpeg2000CtComesOutSignCorrect() {
        // 14 bits stored, Pixel Representation 1, JPEG 2000 (lossy transfer syntax, 1.2.840.10008.1.2.4.91).
        DicomImage ct = decoded("693_J2KI.dcm");
        assertEquals(14, ct.bitsStored());
        assertTrue(ct.signed());
        assertEquals(new Summary(-2971, 2836, -2181784, 74496), Summary.of(ct));
        assertEquals(-2016, ct.storedValue(0, 0, 0)); // air outside the scan circle
        assertEquals(1056, ct.storedValue(0, 256, 256));
        assertEquals(129, ct.storedValue(0, 100, 200));
        assertEquals(-2971, ct.storedValue(0, 460, 412));
        assertEquals(2836, ct.storedValue(0, 140, 188));
        assertEquals(1056 - 1024, ct.modalityValue(0, 256, 256));
    }

    @Test
    void jpeg2000WhoseCodeStreamSaysUnsignedFollowsThePixelRepresentationOfTheDataSet() {
        // The J2K code stream declares unsigned samples while the data set says signed (13 bits stored).
        DicomImage ct = decoded("J2K_pixelrep_mismatch.dcm");
        assertEquals(13, ct.bitsStored());
        assertTrue(ct.signed());
        assertEquals(new Summary(-2000, 1896, -172605258, 163095), Summary.of(ct));
        assertEquals(-2000, ct.storedValue(0, 0, 0));
        assertEquals(27, ct.storedValue(0, 256, 256));
        assertEquals(-285, ct.storedValue(0, 100, 200));
        assertEquals(1896, ct.storedValue(0, 276, 158));
    }

    @Test
    void signed16BitLossyJpeg2000MatchesPydicomWithinTheLossyCodecsRounding() {
        DicomImage nm = decoded("JPEG2000.dcm");
        Summary summary = Summary.of(nm);
        assertEquals(-30, summary.min());
        assertEquals(245, summary.max());
        assertEquals(39921, summary.negatives());
        // OpenJPEG (pydicom) and jai-imageio round the irreversible wavelet differently: the sums differ by 2.
        assertEquals(3527976, summary.sum(), 4);
        assertEquals(-30, nm.storedValue(0, 464, 254));
        assertEquals(7, nm.storedValue(0, 512, 128));
    }

    @Test
    void lossless16BitJpeg2000EqualsTheUncompressedTwin() {
        DicomImage j2k = decoded("MR_small_jp2klossless.dcm");
        DicomImage raw = decoded("MR_small.dcm");
        assertEquals(new Summary(127, 2145, 2125338, 0), Summary.of(j2k));
        assertEquals(Summary.of(raw), Summary.of(j2k));
    }

    @Test
    void deflatedFileInflatesToTheRightValues() {
        DicomImage image = decoded("image_dfl.dcm");
        assertEquals(8, image.bitsStored());
        assertEquals(213, image.storedValue(0, 0, 0));
        assertEquals(65, image.storedValue(0, 256, 256));
        assertEquals(41, image.storedValue(0, 100, 200));
        assertEquals(188, image.storedValue(0, 511, 511));
        assertEquals(33322688L, Summary.of(image).sum());
    }

    @Test
    void oneBitSegmentationUnpacksTheSameInBothByteOrders() {
        for (String name : new String[] {"liver_1frame.dcm", "liver_expb_1frame.dcm"}) {
            DicomImage mask = decoded(name);
            assertEquals(1, mask.bitsStored(), name);
            assertEquals(new Summary(0, 1, 36233, 0), Summary.of(mask), name);
            assertEquals(1, mask.storedValue(0, 256, 256), name);
            assertEquals(1, mask.storedValue(0, 145, 254), name); // first set pixel in raster order
            assertEquals(0, mask.storedValue(0, 145, 253), name);
            assertEquals(1, mask.storedValue(0, 366, 155), name); // last set pixel
            assertEquals(0, mask.storedValue(0, 366, 156), name);
        }
    }
}

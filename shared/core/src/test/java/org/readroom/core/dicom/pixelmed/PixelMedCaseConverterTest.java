package org.readroom.core.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.deid.CaseFileConverter;
import org.readroom.core.dicom.deid.Conversion;
import org.readroom.core.dicom.deid.ConvertedImage;
import org.readroom.core.dicom.deid.DeidSession;
import org.readroom.core.dicom.deid.ImportPolicy;

/** The converter on pydicom's real files: de-identified, uncompressed, and the same stored values. */
class PixelMedCaseConverterTest {

    @TempDir
    Path work;

    private final CaseFileConverter converter = CaseFileConverter.pixelMed(DeidSession.random(), ImportPolicy.strict());

    private ConvertedImage converted(String name, Path target) {
        Conversion result = converter.convert(PydicomTestFiles.file(name), target);
        return assertInstanceOf(Conversion.Converted.class, result, name + ": " + result)
                .image();
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    private static DicomImage decode(Path file) {
        DecodeResult result = new PixelMedDecoder().decode(file);
        return assertInstanceOf(DecodeResult.Decoded.class, result, file + ": " + result)
                .image();
    }

    @Test
    void signedCtKeepsItsNegativeValuesAndLosesItsIdentity() throws Exception {
        Path source = PydicomTestFiles.file("CT_small.dcm");
        AttributeList original = read(source);
        Path target = work.resolve("ct.dcm");
        ConvertedImage image = converted("CT_small.dcm", target);

        AttributeList written = read(target);
        assertEquals(TransferSyntax.ExplicitVRLittleEndian, text(written, TagFromName.TransferSyntaxUID));
        assertEquals(image.patientPseudonym(), text(written, TagFromName.PatientName));
        assertEquals(image.patientPseudonym(), text(written, TagFromName.PatientID));
        assertEquals("", text(written, TagFromName.PatientBirthDate));
        assertEquals("YES", text(written, TagFromName.PatientIdentityRemoved));
        assertEquals("MODIFIED", text(written, TagFromName.LongitudinalTemporalInformationModified));
        assertNull(written.get(TagFromName.InstitutionName));
        for (AttributeTag uid : new AttributeTag[] {
            TagFromName.StudyInstanceUID, TagFromName.SeriesInstanceUID, TagFromName.SOPInstanceUID
        }) {
            assertNotEquals(text(original, uid), text(written, uid));
            assertTrue(text(written, uid).startsWith("2.25."));
        }
        assertEquals(text(written, TagFromName.SOPInstanceUID), text(written, TagFromName.MediaStorageSOPInstanceUID));
        assertNotEquals(text(original, TagFromName.StudyDate), text(written, TagFromName.StudyDate));
        assertEquals(image.studyDate(), text(written, TagFromName.StudyDate));
        assertTrue(written.keySet().stream().noneMatch(tag -> tag.getGroup() % 2 == 1), "no private attributes");
        String header = new String(Files.readAllBytes(target), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(header.contains(text(original, TagFromName.PatientName)));
        assertFalse(header.contains(text(original, TagFromName.StudyDate)));

        DicomImage before = decode(source);
        DicomImage after = decode(target);
        assertTrue(after.signed());
        assertArrayEquals(before.frames()[0], after.frames()[0]);
        assertEquals(128L * 128 * 2, image.pixelDataBytes());
    }

    @Test
    void jpeg2000BecomesUncompressedWithTheSameValues() {
        for (String name : new String[] {"693_J2KI.dcm", "MR_small_jp2klossless.dcm", "J2K_pixelrep_mismatch.dcm"}) {
            Path target = work.resolve(name);
            converted(name, target);
            DicomImage before = decode(PydicomTestFiles.file(name));
            DicomImage after = decode(target);
            assertEquals(CaseFileConverter.EXPLICIT_VR_LITTLE_ENDIAN, after.transferSyntaxUid());
            assertEquals(before.signed(), after.signed(), name);
            assertArrayEquals(before.frames()[0], after.frames()[0], name);
        }
        // Its code stream says unsigned, its data set signed 13-bit: the written file must say signed and hold -2000.
        DicomImage signed = decode(work.resolve("J2K_pixelrep_mismatch.dcm"));
        assertTrue(signed.signed());
        assertEquals(13, signed.bitsStored());
        assertEquals(-2000, signed.storedValue(0, 0, 0));
    }

    @Test
    void colourInEveryEncodingBecomesUncompressedInterleavedRgbWithTheSameSamples() throws Exception {
        for (String name : new String[] {
            "SC_ybr_full_422_uncompressed.dcm",
            "SC_rgb_dcmtk_+eb+cy+s2.dcm",
            "ExplVR_BigEnd.dcm",
            "SC_rgb_rle_2frame.dcm"
        }) {
            Path target = work.resolve(name);
            ConvertedImage image = converted(name, target);
            AttributeList written = read(target);
            assertEquals(TransferSyntax.ExplicitVRLittleEndian, text(written, TagFromName.TransferSyntaxUID), name);
            assertEquals("RGB", text(written, TagFromName.PhotometricInterpretation), name);
            assertEquals("3", text(written, TagFromName.SamplesPerPixel), name);
            assertEquals("0", text(written, TagFromName.PlanarConfiguration), name);
            assertEquals("8", text(written, TagFromName.BitsAllocated), name);
            DicomImage before = decode(PydicomTestFiles.file(name));
            DicomImage after = decode(target);
            assertTrue(image.colour(), name);
            assertEquals(before.frameCount(), after.frameCount(), name);
            for (int f = 0; f < before.frameCount(); f++) {
                assertArrayEquals(before.frames()[f], after.frames()[f], name + " frame " + f);
            }
            assertEquals((long) image.rows() * image.columns() * 3 * image.frames(), image.pixelDataBytes(), name);
            assertEquals(image.pixelDataBytes(), written.getPixelData().getVL() & ~1L, name);
        }
    }

    @Test
    void filesOfOneSeriesShareTheirNewUidsAndOneDateShift() {
        ConvertedImage plain = converted("MR_small.dcm", work.resolve("a.dcm"));
        ConvertedImage big = converted("MR_small_bigendian.dcm", work.resolve("b.dcm"));
        assertEquals(plain.studyUid(), big.studyUid());
        assertEquals(plain.seriesUid(), big.seriesUid());
        assertEquals(plain.studyDate(), big.studyDate());
        assertEquals(plain.patientPseudonym(), big.patientPseudonym());
        ConvertedImage ct = converted("CT_small.dcm", work.resolve("c.dcm"));
        assertNotEquals(plain.seriesUid(), ct.seriesUid());
    }

    @Test
    void aTruncatedFileANonImageAndAnUndecodableCodecAreSkippedWithAReason() {
        assertSkipped("MR_truncated.dcm", "truncated");
        assertSkipped("rtplan.dcm", "not an image");
        assertSkipped("waveform_ecg.dcm", "not an image");
        assertSkipped("MR_small_jpeg_ls_lossless.dcm", "JPEG-LS");
        assertSkipped("liver_1frame.dcm", "Segmentation");
    }

    private void assertSkipped(String name, String word) {
        Path target = work.resolve(name);
        Conversion result = converter.convert(PydicomTestFiles.file(name), target);
        Conversion.Skipped skipped = assertInstanceOf(Conversion.Skipped.class, result, name);
        assertTrue(skipped.reason().contains(word), name + ": " + skipped.reason());
        assertFalse(Files.exists(target), "nothing is left behind for " + name);
    }

    @Test
    void burnedInAnnotationIsRefusedUnlessAllowedThenWarned() throws Exception {
        AttributeList list = read(PydicomTestFiles.file("MR_small.dcm"));
        list.putNewAttribute(TagFromName.BurnedInAnnotation).addValue("YES");
        Path marked = work.resolve("burned.dcm");
        list.write(marked.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

        Conversion refused = converter.convert(marked, work.resolve("out.dcm"));
        assertTrue(assertInstanceOf(Conversion.Skipped.class, refused).reason().contains("Burned In Annotation"));

        Conversion allowed = CaseFileConverter.pixelMed(DeidSession.random(), new ImportPolicy(true))
                .convert(marked, work.resolve("out.dcm"));
        ConvertedImage image =
                assertInstanceOf(Conversion.Converted.class, allowed).image();
        assertEquals(1, image.warnings().size());
        assertTrue(image.warnings().get(0).contains("Burned In Annotation is YES"));
    }

    @Test
    void signed12BitMultiFrameKeepsEveryFrameAndItsSign() throws Exception {
        short[] words = {0x0000, 0x07FF, (short) 0xF800, (short) 0x0FFF, 0x0010, (short) 0x0801, 0x0002, 0x5005, 3};
        AttributeList list = grayscale(SOPClass.MultiframeGrayscaleWordSecondaryCaptureImageStorage, 1, 3, 3);
        put(list, TagFromName.BitsAllocated, "16");
        put(list, TagFromName.BitsStored, "12");
        put(list, TagFromName.HighBit, "11");
        put(list, TagFromName.PixelRepresentation, "1");
        put(list, TagFromName.BurnedInAnnotation, "NO");
        Attribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(words);
        list.put(pixelData);
        Path source = write(list, "multi.dcm");

        Path target = work.resolve("multi-out.dcm");
        Conversion result = converter.convert(source, target);
        ConvertedImage image = assertInstanceOf(Conversion.Converted.class, result, result.toString())
                .image();
        assertEquals(3, image.frames());
        assertEquals(java.util.List.of(), image.warnings());
        DicomImage after = decode(target);
        assertArrayEquals(new short[] {0, 2047, -2048}, after.frames()[0]);
        assertArrayEquals(new short[] {-1, 16, -2047}, after.frames()[1]);
        assertArrayEquals(new short[] {2, 5, 3}, after.frames()[2]);
        assertEquals("3", text(read(target), TagFromName.NumberOfFrames));
    }

    @Test
    void eightBitOddSizedImageIsPaddedAndSecondaryCaptureWithoutTheFlagIsWarned() throws Exception {
        AttributeList list = grayscale(SOPClass.SecondaryCaptureImageStorage, 3, 3, 1);
        list.remove(TagFromName.NumberOfFrames);
        put(list, TagFromName.BitsAllocated, "8");
        put(list, TagFromName.BitsStored, "8");
        put(list, TagFromName.HighBit, "7");
        put(list, TagFromName.PixelRepresentation, "0");
        Attribute pixelData = new OtherByteAttribute(TagFromName.PixelData);
        pixelData.setValues(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, (byte) 200, 0});
        list.put(pixelData);
        Path target = work.resolve("sc-out.dcm");

        Conversion result = converter.convert(write(list, "sc.dcm"), target);
        ConvertedImage image = assertInstanceOf(Conversion.Converted.class, result, result.toString())
                .image();
        assertTrue(
                image.warnings().get(0).contains("not stated"), image.warnings().toString());
        assertArrayEquals(
                new short[] {1, 2, 3, 4, 5, 6, 7, 8, 200}, decode(target).frames()[0]);
    }

    private static AttributeList grayscale(String sopClass, int rows, int columns, int frames) throws Exception {
        AttributeList list = new AttributeList();
        put(list, TagFromName.SOPClassUID, sopClass);
        put(list, TagFromName.SOPInstanceUID, "1.2.3.4.5." + frames + rows + columns);
        put(list, TagFromName.StudyInstanceUID, "1.2.3.4.6");
        put(list, TagFromName.SeriesInstanceUID, "1.2.3.4.7");
        put(list, TagFromName.PatientName, "Doe^Jane");
        put(list, TagFromName.PatientID, "PID-0042");
        put(list, TagFromName.Modality, "OT");
        put(list, TagFromName.SamplesPerPixel, "1");
        put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(list, TagFromName.Rows, Integer.toString(rows));
        put(list, TagFromName.Columns, Integer.toString(columns));
        put(list, TagFromName.NumberOfFrames, Integer.toString(frames));
        return list;
    }

    private Path write(AttributeList list, String name) throws Exception {
        Path file = work.resolve(name);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return file;
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws Exception {
        list.putNewAttribute(tag).addValue(value);
    }
}

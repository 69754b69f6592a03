package org.readroom.core.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.dicom.phantom.ChestPhantom;

/** Checks the phantom's DICOM header with PixelMed itself, which is why it lives in this package. */
class ChestPhantomHeaderTest {

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }

    private static String value(AttributeList list, AttributeTag tag) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, tag);
    }

    @Test
    void phantomIsLabelledSyntheticAndNotPatientData(@TempDir Path dir) throws Exception {
        AttributeList slice = read(ChestPhantom.writeSeries(dir, 2, 64).get(0));
        assertEquals("PHANTOM^SYNTHETIC", value(slice, TagFromName.PatientName));
        assertEquals("PHANTOM", value(slice, TagFromName.PatientID));
        assertEquals("Synthetic chest phantom (not patient data)", value(slice, TagFromName.SeriesDescription));
        assertTrue(value(slice, TagFromName.ImageComments).contains("SYNTHETIC"));
    }

    @Test
    void phantomCarriesTheCtGeometryAndWindowPresets(@TempDir Path dir) throws Exception {
        AttributeList slice = read(ChestPhantom.writeSeries(dir, 3, 64).get(2));
        assertEquals("1.2.840.10008.1.2.1", value(slice, TagFromName.TransferSyntaxUID));
        assertEquals("0.7\\0.7", value(slice, TagFromName.PixelSpacing));
        assertEquals("5", value(slice, TagFromName.SliceThickness));
        assertEquals("-600\\50", value(slice, TagFromName.WindowCenter));
        assertEquals("1500\\350", value(slice, TagFromName.WindowWidth));
        assertEquals("-1024", value(slice, TagFromName.RescaleIntercept));
        assertEquals("1", value(slice, TagFromName.RescaleSlope));
        assertEquals("3", value(slice, TagFromName.InstanceNumber));
        assertEquals("5", value(slice, TagFromName.SliceLocation));
        assertEquals("-22.4\\-22.4\\5", value(slice, TagFromName.ImagePositionPatient));
    }

    @Test
    void slicesShareStudyAndSeriesButEachCallIsANewStudy(@TempDir Path dir) throws Exception {
        List<Path> first = ChestPhantom.writeSeries(dir.resolve("a"), 2, 64);
        List<Path> second = ChestPhantom.writeSeries(dir.resolve("b"), 1, 64);
        AttributeList a0 = read(first.get(0));
        AttributeList a1 = read(first.get(1));
        AttributeList b0 = read(second.get(0));
        assertEquals(value(a0, TagFromName.StudyInstanceUID), value(a1, TagFromName.StudyInstanceUID));
        assertEquals(value(a0, TagFromName.SeriesInstanceUID), value(a1, TagFromName.SeriesInstanceUID));
        assertNotEquals(value(a0, TagFromName.SOPInstanceUID), value(a1, TagFromName.SOPInstanceUID));
        assertNotEquals(value(a0, TagFromName.StudyInstanceUID), value(b0, TagFromName.StudyInstanceUID));
        assertTrue(value(a0, TagFromName.SOPInstanceUID).length() <= 64, "UIDs are at most 64 characters");
    }
}

package org.readroom.core.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import org.junit.jupiter.api.Test;
import org.readroom.core.dicom.deid.DeidSession;

/** The Basic Profile applied to a PixelMed data set: what happens to sequences, dummies and the newer table rows. */
class DatasetDeidentifierTest {

    private static final AttributeTag SCHEDULED_STEPS = tag(0x0040, 0x0100);
    private static final AttributeTag SCHEDULED_STEP_DESCRIPTION = tag(0x0040, 0x0007);
    private static final AttributeTag SPECIMEN_ISSUER = tag(0x0040, 0x0562);
    private static final AttributeTag VERIFYING_OBSERVERS = tag(0x0040, 0xA073);
    private static final AttributeTag RT_IMAGE_LABEL = tag(0x3002, 0x0002);
    private static final AttributeTag IMPRESSIONS = tag(0x4008, 0x0300);
    private static final AttributeTag BIRTH_DATE_ALTERNATIVE = tag(0x0010, 0x0033);
    private static final AttributeTag ADMITTING_DATE = tag(0x0038, 0x0020);

    private final DatasetDeidentifier deidentifier =
            new DatasetDeidentifier(DeidSession.withSecret("0123456789abcdef0123456789abcdef".getBytes()));

    @Test
    void aSequenceTheTableRemovesGoesWithEveryItem() throws Exception {
        AttributeList list = new AttributeList();
        AttributeList step = new AttributeList();
        put(step, SCHEDULED_STEP_DESCRIPTION, "LO", "Biopsy for Doe^Jane");
        put(step, TagFromName.ScheduledPerformingPhysicianName, "PN", "Planted^Physician");
        sequence(list, SCHEDULED_STEPS, step);
        AttributeList observer = new AttributeList();
        put(observer, TagFromName.VerifyingObserverName, "PN", "Planted^Observer");
        sequence(list, VERIFYING_OBSERVERS, observer);

        deidentifier.apply(list, "CASE-00000001", 400);

        assertNull(list.get(SCHEDULED_STEPS));
        assertNull(list.get(VERIFYING_OBSERVERS), "a D sequence has no correct dummy item, so it goes");
    }

    @Test
    void aSequenceTheTableEmptiesKeepsNoItem() throws Exception {
        AttributeList list = new AttributeList();
        AttributeList issuer = new AttributeList();
        put(issuer, tag(0x0040, 0x0031), "UT", "Planted Hospital Pathology");
        sequence(list, SPECIMEN_ISSUER, issuer);

        deidentifier.apply(list, "CASE-00000001", 400);

        SequenceAttribute emptied = assertInstanceOf(SequenceAttribute.class, list.get(SPECIMEN_ISSUER));
        assertEquals(0, emptied.getNumberOfItems());
    }

    @Test
    void keptSequencesHaveTheirItemsCleanedWithTheSameRules() throws Exception {
        AttributeList list = new AttributeList();
        AttributeList reference = new AttributeList();
        put(reference, TagFromName.ReferencedSOPInstanceUID, "UI", "1.2.3.4.5.6");
        put(reference, SCHEDULED_STEP_DESCRIPTION, "LO", "Biopsy for Doe^Jane");
        put(reference, IMPRESSIONS, "ST", "Planted impression");
        sequence(list, TagFromName.ReferencedImageSequence, reference);

        deidentifier.apply(list, "CASE-00000001", 400);

        SequenceAttribute kept =
                assertInstanceOf(SequenceAttribute.class, list.get(TagFromName.ReferencedImageSequence));
        AttributeList item = kept.getItem(0).getAttributeList();
        assertNull(item.get(SCHEDULED_STEP_DESCRIPTION));
        assertNull(item.get(IMPRESSIONS));
        String uid = Attribute.getSingleStringValueOrEmptyString(item, TagFromName.ReferencedSOPInstanceUID);
        assertNotEquals("1.2.3.4.5.6", uid);
    }

    @Test
    void newerRowsOfTheTableAreAppliedToTheDataSet() throws Exception {
        AttributeList list = new AttributeList();
        put(list, RT_IMAGE_LABEL, "SH", "DOE PORTAL");
        put(list, BIRTH_DATE_ALTERNATIVE, "LO", "1372-05-14");
        put(list, tag(0x0010, 0x2299), "LO", "Planted Responsible Organization");
        put(list, tag(0x0038, 0x0040), "LO", "Planted discharge diagnosis");
        put(list, tag(0x0040, 0xA027), "LO", "Planted Verifying Organization");
        put(list, tag(0x4008, 0x0114), "PN", "Planted^Approver");
        put(list, ADMITTING_DATE, "DA", "20200301");

        deidentifier.apply(list, "CASE-00000001", 400);

        assertEquals(DatasetDeidentifier.DUMMY_TEXT, Attribute.getSingleStringValueOrEmptyString(list, RT_IMAGE_LABEL));
        for (AttributeTag removed : new AttributeTag[] {
            BIRTH_DATE_ALTERNATIVE, tag(0x0010, 0x2299), tag(0x0038, 0x0040), tag(0x0040, 0xA027), tag(0x4008, 0x0114)
        }) {
            assertNull(list.get(removed), removed.toString());
        }
        assertEquals("20190126", Attribute.getSingleStringValueOrEmptyString(list, ADMITTING_DATE), "400 days back");
    }

    private static AttributeTag tag(int group, int element) {
        return new AttributeTag(group, element);
    }

    private static void put(AttributeList list, AttributeTag tag, String vr, String value) throws Exception {
        Attribute attribute = AttributeFactory.newAttribute(tag, vr.getBytes());
        attribute.addValue(value);
        list.put(attribute);
    }

    private static void sequence(AttributeList list, AttributeTag tag, AttributeList item) {
        SequenceAttribute sequence = new SequenceAttribute(tag);
        sequence.addItem(item);
        list.put(sequence);
    }
}

package org.readroom.core.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BasicProfileTest {

    @Test
    void patientNameAndIdBecomeThePseudonym() {
        assertEquals(ProfileAction.PSEUDONYM, BasicProfile.actionFor(0x00100010, "PN", null));
        assertEquals(ProfileAction.PSEUDONYM, BasicProfile.actionFor(0x00100020, "LO", null));
    }

    @Test
    void birthDateIsEmptiedNotShifted() {
        assertEquals(ProfileAction.EMPTY, BasicProfile.actionFor(0x00100030, "DA", null));
    }

    @Test
    void identifyingAttributesOfTheTableAreRemovedOrEmptied() {
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00101000, "LO", null), "OtherPatientIDs");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00080080, "LO", null), "InstitutionName");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00080081, "ST", null), "InstitutionAddress");
        assertEquals(ProfileAction.EMPTY, BasicProfile.actionFor(0x00080090, "PN", null), "ReferringPhysicianName");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00081050, "PN", null), "PerformingPhysicianName");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00081070, "PN", null), "OperatorsName");
        assertEquals(ProfileAction.EMPTY, BasicProfile.actionFor(0x00080050, "SH", null), "AccessionNumber");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00081010, "SH", null), "StationName");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00181000, "LO", null), "DeviceSerialNumber");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00204000, "LT", null), "ImageComments");
    }

    @Test
    void patientCharacteristicsAreRetained() {
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00100040, "CS", null), "PatientSex");
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00101010, "AS", null), "PatientAge");
    }

    @Test
    void everyDateIsShiftedAndTimesAreKept() {
        assertEquals(ProfileAction.SHIFT_DATE, BasicProfile.actionFor(0x00080020, "DA", null), "StudyDate");
        assertEquals(ProfileAction.SHIFT_DATE, BasicProfile.actionFor(0x00080023, "DA", null), "ContentDate");
        assertEquals(ProfileAction.SHIFT_DATE, BasicProfile.actionFor(0x00181012, "DA", null), "unlisted DA");
        assertEquals(ProfileAction.SHIFT_DATE, BasicProfile.actionFor(0x00189074, "DT", null), "unlisted DT");
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00080030, "TM", null), "StudyTime");
    }

    @Test
    void privateAttributesAndTheirCreatorsAreRemoved() {
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00090010, "LO", null));
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00091001, "PN", null));
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x70531000, "DS", null));
    }

    @Test
    void curvesOverlaysAndOverlayCommentsAreRemoved() {
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x50003000, "OW", null));
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x60003000, "OW", null));
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x60024000, "LT", null));
    }

    @Test
    void fileMetaCommandGroupAndGroupLengthsAreLeftToTheWriter() {
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00020003, "UI", "1.2.3"));
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00000100, "US", null));
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00080000, "UL", null));
    }

    @Test
    void unlistedNamesAreEmptied() {
        assertEquals(ProfileAction.EMPTY, BasicProfile.actionFor(0x0040A075, "PN", null), "VerifyingObserverName");
        assertEquals(ProfileAction.EMPTY, BasicProfile.actionFor(0x00700084, "PN", null), "ContentCreatorName");
    }

    @Test
    void instanceUidsAreReplacedButStandardUidsStay() {
        assertEquals(ProfileAction.NEW_UID, BasicProfile.actionFor(0x0020000D, "UI", "1.3.6.1.4.1.5962.1"));
        assertEquals(ProfileAction.NEW_UID, BasicProfile.actionFor(0x00080018, "UI", "1.3.6.1.4.1.5962.2"));
        assertEquals(ProfileAction.NEW_UID, BasicProfile.actionFor(0x00209999, "UI", "1.3.6.1.4.1.5962.3"));
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.2"));
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00081150, "UI", "1.3.6.1.4.1.9590.100.1"));
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00209999, "UI", "1.2.840.10008.1.2.1"));
        assertTrue(BasicProfile.isStandardUid(" 1.2.840.10008.1.2 "));
        assertFalse(BasicProfile.isStandardUid("1.2.840.113619.2"));
        assertFalse(BasicProfile.isStandardUid(null));
    }

    @Test
    void valuesOfUnknownTypeAreRemovedEvenForListedTags() {
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00100010, "UN", null));
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00189999, "UN", null));
    }

    @Test
    void ordinaryImageAttributesAndSequencesAreKept() {
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00280030, "DS", null), "PixelSpacing");
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00200032, "DS", null), "ImagePositionPatient");
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00081140, "SQ", null), "ReferencedImageSequence");
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00080060, "CS", null), "Modality");
    }

    @Test
    void theTableNamesEachTagOnceWithAKeyword() {
        assertTrue(BasicProfile.table().size() > 100);
        BasicProfile.table().forEach((tag, rule) -> assertFalse(rule.keyword().isBlank(), BasicProfile.tag(tag)));
        assertEquals("(0010,0010)", BasicProfile.tag(0x00100010));
        assertEquals(
                "PatientName", BasicProfile.listed(0x00100010).orElseThrow().keyword());
    }
}

package org.readroom.core.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        assertEquals(ProfileAction.EMPTY, BasicProfile.actionFor(0x00142006, "PN", null), "EvaluatorName");
        assertEquals(ProfileAction.EMPTY, BasicProfile.actionFor(0x00140104, "PN", null), "SecondaryReviewerName");
        assertEquals(ProfileAction.EMPTY, BasicProfile.actionFor(0x00700084, "PN", null), "ContentCreatorName");
    }

    // Regression: the review found these rows of PS3.15 Table E.1-1 missing, so their values were kept.

    @Test
    void alternativeCalendarDatesAreRemovedSinceTheyCannotBeShifted() {
        assertRemoved(0x00100033, "LO", "PatientBirthDateInAlternativeCalendar");
        assertRemoved(0x00100034, "LO", "PatientDeathDateInAlternativeCalendar");
        assertRemoved(0x00100035, "CS", "PatientAlternativeCalendar");
    }

    @Test
    void responsibleOrganizationDischargeDiagnosisAndVerifyingOrganizationAreRemoved() {
        assertRemoved(0x00102299, "LO", "ResponsibleOrganization");
        assertEquals(ProfileAction.EMPTY, BasicProfile.actionFor(0x00102297, "PN", null), "ResponsiblePerson");
        assertRemoved(0x00380040, "LO", "DischargeDiagnosisDescription");
        assertRemoved(0x00380044, "SQ", "DischargeDiagnosisCodeSequence");
        assertRemoved(0x0040A027, "LO", "VerifyingOrganization");
        assertRemoved(0x00380050, "LO", "SpecialNeeds");
        assertRemoved(0x00102155, "LT", "PatientTelecomInformation");
    }

    @Test
    void scheduledProcedureStepsGoWholeWithTheirDescription() {
        assertRemoved(0x00400100, "SQ", "ScheduledProcedureStepSequence");
        assertRemoved(0x00400007, "LO", "ScheduledProcedureStepDescription");
        assertRemoved(0x00400009, "SH", "ScheduledProcedureStepID");
        assertRemoved(0x00400011, "SH", "ScheduledProcedureStepLocation");
        assertRemoved(0x00400001, "AE", "ScheduledStationAETitle");
        assertRemoved(0x00400002, "DA", "ScheduledProcedureStepStartDate");
    }

    @Test
    void theResultsAndInterpretationGroupIsRemovedWhole() {
        assertRemoved(0x40080114, "PN", "PhysicianApprovingInterpretation");
        assertRemoved(0x40080119, "PN", "DistributionName");
        assertRemoved(0x4008010C, "PN", "InterpretationAuthor");
        assertRemoved(0x40080300, "ST", "Impressions");
        assertRemoved(0x40084000, "ST", "ResultsComments");
        assertRemoved(0x4008010B, "ST", "InterpretationText");
        assertRemoved(0x40080100, "DA", "InterpretationRecordedDate");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x40080777, "LO", null), "an unlisted 4008 element");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x40004000, "LT", null), "TextComments");
    }

    @Test
    void photoMetadataOfTheExifGroupIsRemovedWhole() {
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x0016004D, "UT", null), "CameraOwnerName");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00160051, "UT", null), "LensSerialNumber");
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(0x00160074, "DS", null), "GPSLongitude");
    }

    @Test
    void requiredLabelsGetADummyAndRequiredIssuerSequencesAreEmptied() {
        assertEquals(ProfileAction.DUMMY, BasicProfile.actionFor(0x30020002, "SH", null), "RTImageLabel");
        assertEquals(ProfileAction.DUMMY, BasicProfile.actionFor(0x00400551, "LO", null), "SpecimenIdentifier");
        assertEquals(ProfileAction.DUMMY, BasicProfile.actionFor(0x0040A075, "PN", null), "VerifyingObserverName");
        assertEquals(
                ProfileAction.EMPTY,
                BasicProfile.actionFor(0x00400562, "SQ", null),
                "IssuerOfTheSpecimenIdentifierSequence");
        assertEquals(ProfileAction.NEW_UID, BasicProfile.actionFor(0x00400554, "UI", "1.2.3.4"), "SpecimenUID");
    }

    @Test
    void datesOfThePatientsCourseAreShiftedAndTheirTimesRemoved() {
        assertEquals(ProfileAction.SHIFT_DATE, BasicProfile.actionFor(0x00380020, "DA", null), "AdmittingDate");
        assertRemoved(0x00380021, "TM", "AdmittingTime");
        assertEquals(ProfileAction.SHIFT_DATE, BasicProfile.actionFor(0x00321040, "DA", null), "StudyArrivalDate");
        assertEquals(ProfileAction.SHIFT_DATE, BasicProfile.actionFor(0x00080012, "DA", null), "InstanceCreationDate");
        assertEquals(ProfileAction.KEEP, BasicProfile.actionFor(0x00080031, "TM", null), "SeriesTime");
        assertEquals(
                ProfileAction.KEEP, BasicProfile.actionFor(0x00181072, "TM", null), "RadiopharmaceuticalStartTime");
    }

    @Test
    void everySequenceTheTableNamesIsRemovedOrEmptiedNeverKeptWithItsItems() {
        for (var row : BasicProfile.table().entrySet()) {
            if (row.getValue().keyword().endsWith("Sequence")) {
                ProfileAction action = BasicProfile.actionFor(row.getKey(), "SQ", null);
                assertTrue(
                        action == ProfileAction.REMOVE || action == ProfileAction.EMPTY,
                        row.getValue().keyword() + " " + action);
            }
        }
    }

    /**
     * An independent check of the table's tags: pydicom's data dictionary (Debian's python3-pydicom) must give each
     * listed tag the keyword the table wrote, so a mistyped tag cannot silently miss its attribute.
     */
    @Test
    void everyListedTagHasTheKeywordPydicomsDictionaryGivesIt() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assertTrue(Files.isExecutable(python), "python3 with pydicom is needed: install python3-pydicom");
        StringBuilder rows = new StringBuilder();
        BasicProfile.table().forEach((tag, rule) -> rows.append(String.format("%08X %s%n", tag, rule.keyword())));
        Process process = new ProcessBuilder(
                        python.toString(),
                        "-c",
                        "import sys\n"
                                + "from pydicom.datadict import keyword_for_tag\n"
                                + "for line in sys.stdin.read().splitlines():\n"
                                + "    tag, keyword = line.split()\n"
                                + "    known = keyword_for_tag(int(tag, 16))\n"
                                + "    if known != keyword:\n"
                                + "        print(tag, keyword, repr(known))\n")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(rows.toString().getBytes(StandardCharsets.US_ASCII));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        // Attributes newer than the pydicom release Debian ships (2.3) are unknown to it: only those may differ.
        List<String> mismatches = output.lines()
                .filter(line -> !line.equals("00080017 AcquisitionUID ''"))
                .filter(line -> !line.equals("00080019 PyramidUID ''"))
                .toList();
        assertEquals(List.of(), mismatches);
        assertTrue(
                BasicProfile.table().size() > 450,
                "rows: " + BasicProfile.table().size());
    }

    private static void assertRemoved(int tag, String vr, String keyword) {
        assertEquals(ProfileAction.REMOVE, BasicProfile.actionFor(tag, vr, null), keyword);
        assertTrue(BasicProfile.listed(tag).isPresent(), keyword + " is a row of the table");
        assertEquals(keyword, BasicProfile.listed(tag).orElseThrow().keyword());
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

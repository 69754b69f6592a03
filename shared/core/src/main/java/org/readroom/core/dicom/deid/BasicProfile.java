package org.readroom.core.dicom.deid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The de-identification rules ReadRoom applies: the DICOM PS3.15 Annex E Basic Application Level Confidentiality
 * Profile with the options "Retain Longitudinal Temporal Information with Modified Dates" (dates shifted, times
 * kept), "Retain Patient Characteristics" (sex, age, size, weight kept) and "Retain Safe Private" not taken (every
 * private attribute is removed). Listed attributes get their table action; the rest follow their value
 * representation, so a name, date or UID the table does not list is still caught. Pure logic over numeric tags
 * ({@code group << 16 | element}), so the rules can be tested without a toolkit.
 */
public final class BasicProfile {

    /** One listed attribute: its keyword (for documentation and reports) and what happens to it. */
    public record Rule(String keyword, ProfileAction action) {}

    private static final String STANDARD_UID_ROOT = "1.2.840.10008.";

    private static final Map<Integer, Rule> TABLE = new LinkedHashMap<>();

    static {
        // Patient
        rule(0x00100010, "PatientName", ProfileAction.PSEUDONYM);
        rule(0x00100020, "PatientID", ProfileAction.PSEUDONYM);
        rule(0x00100021, "IssuerOfPatientID", ProfileAction.REMOVE);
        rule(0x00100030, "PatientBirthDate", ProfileAction.EMPTY);
        rule(0x00100032, "PatientBirthTime", ProfileAction.REMOVE);
        rule(0x00100050, "PatientInsurancePlanCodeSequence", ProfileAction.REMOVE);
        rule(0x00100101, "PatientPrimaryLanguageCodeSequence", ProfileAction.REMOVE);
        rule(0x00100102, "PatientPrimaryLanguageModifierCodeSequence", ProfileAction.REMOVE);
        rule(0x00101000, "OtherPatientIDs", ProfileAction.REMOVE);
        rule(0x00101001, "OtherPatientNames", ProfileAction.REMOVE);
        rule(0x00101002, "OtherPatientIDsSequence", ProfileAction.REMOVE);
        rule(0x00101005, "PatientBirthName", ProfileAction.REMOVE);
        rule(0x00101040, "PatientAddress", ProfileAction.REMOVE);
        rule(0x00101050, "InsurancePlanIdentification", ProfileAction.REMOVE);
        rule(0x00101060, "PatientMotherBirthName", ProfileAction.REMOVE);
        rule(0x00101080, "MilitaryRank", ProfileAction.REMOVE);
        rule(0x00101081, "BranchOfService", ProfileAction.REMOVE);
        rule(0x00101090, "MedicalRecordLocator", ProfileAction.REMOVE);
        rule(0x00102000, "MedicalAlerts", ProfileAction.REMOVE);
        rule(0x00102110, "Allergies", ProfileAction.REMOVE);
        rule(0x00102150, "CountryOfResidence", ProfileAction.REMOVE);
        rule(0x00102152, "RegionOfResidence", ProfileAction.REMOVE);
        rule(0x00102154, "PatientTelephoneNumbers", ProfileAction.REMOVE);
        rule(0x00102160, "EthnicGroup", ProfileAction.REMOVE);
        rule(0x00102180, "Occupation", ProfileAction.REMOVE);
        rule(0x001021A0, "SmokingStatus", ProfileAction.REMOVE);
        rule(0x001021B0, "AdditionalPatientHistory", ProfileAction.REMOVE);
        rule(0x001021C0, "PregnancyStatus", ProfileAction.REMOVE);
        rule(0x001021D0, "LastMenstrualDate", ProfileAction.REMOVE);
        rule(0x001021F0, "PatientReligiousPreference", ProfileAction.REMOVE);
        rule(0x00104000, "PatientComments", ProfileAction.REMOVE);
        // Retain Patient Characteristics option: what a reader needs to interpret the images.
        rule(0x00100040, "PatientSex", ProfileAction.KEEP);
        rule(0x00101010, "PatientAge", ProfileAction.KEEP);
        rule(0x00101020, "PatientSize", ProfileAction.KEEP);
        rule(0x00101030, "PatientWeight", ProfileAction.KEEP);
        // Study, visit and request
        rule(0x00080020, "StudyDate", ProfileAction.SHIFT_DATE);
        rule(0x00080021, "SeriesDate", ProfileAction.SHIFT_DATE);
        rule(0x00080022, "AcquisitionDate", ProfileAction.SHIFT_DATE);
        rule(0x00080023, "ContentDate", ProfileAction.SHIFT_DATE);
        rule(0x0008002A, "AcquisitionDateTime", ProfileAction.SHIFT_DATE);
        rule(0x00080015, "InstanceCoercionDateTime", ProfileAction.REMOVE);
        rule(0x00080050, "AccessionNumber", ProfileAction.EMPTY);
        rule(0x00080080, "InstitutionName", ProfileAction.REMOVE);
        rule(0x00080081, "InstitutionAddress", ProfileAction.REMOVE);
        rule(0x00080082, "InstitutionCodeSequence", ProfileAction.REMOVE);
        rule(0x00080090, "ReferringPhysicianName", ProfileAction.EMPTY);
        rule(0x00080092, "ReferringPhysicianAddress", ProfileAction.REMOVE);
        rule(0x00080094, "ReferringPhysicianTelephoneNumbers", ProfileAction.REMOVE);
        rule(0x00080096, "ReferringPhysicianIdentificationSequence", ProfileAction.REMOVE);
        rule(0x00080201, "TimezoneOffsetFromUTC", ProfileAction.REMOVE);
        rule(0x00081010, "StationName", ProfileAction.REMOVE);
        rule(0x00081030, "StudyDescription", ProfileAction.REMOVE);
        rule(0x0008103E, "SeriesDescription", ProfileAction.REMOVE);
        rule(0x00081040, "InstitutionalDepartmentName", ProfileAction.REMOVE);
        rule(0x00081048, "PhysiciansOfRecord", ProfileAction.REMOVE);
        rule(0x00081049, "PhysiciansOfRecordIdentificationSequence", ProfileAction.REMOVE);
        rule(0x00081050, "PerformingPhysicianName", ProfileAction.REMOVE);
        rule(0x00081052, "PerformingPhysicianIdentificationSequence", ProfileAction.REMOVE);
        rule(0x00081060, "NameOfPhysiciansReadingStudy", ProfileAction.REMOVE);
        rule(0x00081062, "PhysiciansReadingStudyIdentificationSequence", ProfileAction.REMOVE);
        rule(0x00081070, "OperatorsName", ProfileAction.REMOVE);
        rule(0x00081072, "OperatorIdentificationSequence", ProfileAction.REMOVE);
        rule(0x00081080, "AdmittingDiagnosesDescription", ProfileAction.REMOVE);
        rule(0x00081084, "AdmittingDiagnosesCodeSequence", ProfileAction.REMOVE);
        rule(0x00081110, "ReferencedStudySequence", ProfileAction.REMOVE);
        rule(0x00081111, "ReferencedPerformedProcedureStepSequence", ProfileAction.REMOVE);
        rule(0x00081120, "ReferencedPatientSequence", ProfileAction.REMOVE);
        rule(0x00082111, "DerivationDescription", ProfileAction.REMOVE);
        rule(0x00084000, "IdentifyingComments", ProfileAction.REMOVE);
        rule(0x00200010, "StudyID", ProfileAction.EMPTY);
        rule(0x00321032, "RequestingPhysician", ProfileAction.REMOVE);
        rule(0x00321033, "RequestingService", ProfileAction.REMOVE);
        rule(0x00320012, "StudyIDIssuer", ProfileAction.REMOVE);
        rule(0x00321020, "ScheduledStudyLocation", ProfileAction.REMOVE);
        rule(0x00321021, "ScheduledStudyLocationAETitle", ProfileAction.REMOVE);
        rule(0x00321030, "ReasonForStudy", ProfileAction.REMOVE);
        rule(0x00321060, "RequestedProcedureDescription", ProfileAction.REMOVE);
        rule(0x00321070, "RequestedContrastAgent", ProfileAction.REMOVE);
        rule(0x00324000, "StudyComments", ProfileAction.REMOVE);
        rule(0x00380010, "AdmissionID", ProfileAction.REMOVE);
        rule(0x00380300, "CurrentPatientLocation", ProfileAction.REMOVE);
        rule(0x00380400, "PatientInstitutionResidence", ProfileAction.REMOVE);
        rule(0x00380500, "PatientState", ProfileAction.REMOVE);
        rule(0x00384000, "VisitComments", ProfileAction.REMOVE);
        rule(0x00400006, "ScheduledPerformingPhysicianName", ProfileAction.REMOVE);
        rule(0x00400241, "PerformedStationAETitle", ProfileAction.REMOVE);
        rule(0x00400242, "PerformedStationName", ProfileAction.REMOVE);
        rule(0x00400243, "PerformedLocation", ProfileAction.REMOVE);
        rule(0x00400244, "PerformedProcedureStepStartDate", ProfileAction.REMOVE);
        rule(0x00400245, "PerformedProcedureStepStartTime", ProfileAction.REMOVE);
        rule(0x00400253, "PerformedProcedureStepID", ProfileAction.REMOVE);
        rule(0x00400254, "PerformedProcedureStepDescription", ProfileAction.REMOVE);
        rule(0x00400275, "RequestAttributesSequence", ProfileAction.REMOVE);
        rule(0x00400280, "CommentsOnThePerformedProcedureStep", ProfileAction.REMOVE);
        rule(0x00400555, "AcquisitionContextSequence", ProfileAction.REMOVE);
        rule(0x00401001, "RequestedProcedureID", ProfileAction.REMOVE);
        rule(0x00401010, "NamesOfIntendedRecipientsOfResults", ProfileAction.REMOVE);
        rule(0x00401400, "RequestedProcedureComments", ProfileAction.REMOVE);
        rule(0x00402001, "ReasonForTheImagingServiceRequest", ProfileAction.REMOVE);
        rule(0x00402016, "PlacerOrderNumberImagingServiceRequest", ProfileAction.REMOVE);
        rule(0x00402017, "FillerOrderNumberImagingServiceRequest", ProfileAction.REMOVE);
        rule(0x00402400, "ImagingServiceRequestComments", ProfileAction.REMOVE);
        rule(0x0040A123, "PersonName", ProfileAction.REMOVE);
        rule(0x0040A730, "ContentSequence", ProfileAction.REMOVE);
        // Equipment and acquisition
        rule(0x00181000, "DeviceSerialNumber", ProfileAction.REMOVE);
        rule(0x00181004, "PlateID", ProfileAction.REMOVE);
        rule(0x00181005, "GeneratorID", ProfileAction.REMOVE);
        rule(0x00181007, "CassetteID", ProfileAction.REMOVE);
        rule(0x00181030, "ProtocolName", ProfileAction.REMOVE);
        rule(0x00181200, "DateOfLastCalibration", ProfileAction.REMOVE);
        rule(0x00181201, "TimeOfLastCalibration", ProfileAction.REMOVE);
        rule(0x00181202, "DateTimeOfLastCalibration", ProfileAction.REMOVE);
        rule(0x00181400, "AcquisitionDeviceProcessingDescription", ProfileAction.REMOVE);
        rule(0x00184000, "AcquisitionComments", ProfileAction.REMOVE);
        rule(0x0018700A, "DetectorID", ProfileAction.REMOVE);
        rule(0x00189424, "AcquisitionProtocolDescription", ProfileAction.REMOVE);
        rule(0x00180010, "ContrastBolusAgent", ProfileAction.EMPTY);
        // Image free text, icons, media
        rule(0x00204000, "ImageComments", ProfileAction.REMOVE);
        rule(0x00284000, "ImagePresentationComments", ProfileAction.REMOVE);
        rule(0x00880200, "IconImageSequence", ProfileAction.REMOVE);
        rule(0x04000561, "OriginalAttributesSequence", ProfileAction.REMOVE);
        rule(0xFFFAFFFA, "DigitalSignaturesSequence", ProfileAction.REMOVE);
        // UIDs: instance UIDs are replaced (any other non-standard UID too, by value representation)
        rule(0x00080014, "InstanceCreatorUID", ProfileAction.NEW_UID);
        rule(0x00080018, "SOPInstanceUID", ProfileAction.NEW_UID);
        rule(0x00081155, "ReferencedSOPInstanceUID", ProfileAction.NEW_UID);
        rule(0x0020000D, "StudyInstanceUID", ProfileAction.NEW_UID);
        rule(0x0020000E, "SeriesInstanceUID", ProfileAction.NEW_UID);
        rule(0x00200052, "FrameOfReferenceUID", ProfileAction.NEW_UID);
        rule(0x00200200, "SynchronizationFrameOfReferenceUID", ProfileAction.NEW_UID);
        rule(0x00209161, "ConcatenationUID", ProfileAction.NEW_UID);
        rule(0x00209164, "DimensionOrganizationUID", ProfileAction.NEW_UID);
        rule(0x00281199, "PaletteColorLUTUID", ProfileAction.NEW_UID);
        rule(0x0040A124, "UID", ProfileAction.NEW_UID);
        rule(0x00880140, "StorageMediaFileSetUID", ProfileAction.NEW_UID);
        rule(0x30060024, "ReferencedFrameOfReferenceUID", ProfileAction.NEW_UID);
        // UIDs that name standard things, not instances, even when a vendor used its own root for them
        rule(0x00080016, "SOPClassUID", ProfileAction.KEEP);
        rule(0x00081150, "ReferencedSOPClassUID", ProfileAction.KEEP);
        rule(0x0008010C, "CodingSchemeUID", ProfileAction.KEEP);
        rule(0x00080117, "ContextUID", ProfileAction.KEEP);
        rule(0x00080118, "MappingResourceUID", ProfileAction.KEEP);
        rule(0x00041510, "ReferencedSOPClassUIDInFile", ProfileAction.KEEP);
        rule(0x00041512, "ReferencedTransferSyntaxUIDInFile", ProfileAction.KEEP);
    }

    private BasicProfile() {}

    private static void rule(int tag, String keyword, ProfileAction action) {
        if (TABLE.put(tag, new Rule(keyword, action)) != null) {
            throw new IllegalStateException("tag " + tag(tag) + " is listed twice");
        }
    }

    /** The listed attributes in table order (for documentation and tests). */
    public static Map<Integer, Rule> table() {
        return Collections.unmodifiableMap(TABLE);
    }

    /** The listed rule of one attribute, if the table names it. */
    public static Optional<Rule> listed(int tag) {
        return Optional.ofNullable(TABLE.get(tag));
    }

    /**
     * What to do with the attribute {@code tag} of value representation {@code vr} (e.g. "PN", "UI", "SQ"); for
     * UIDs pass the value so standard UIDs (PS3.6 root {@code 1.2.840.10008.}) stay. Sequences not removed here are
     * kept and their items de-identified with the same rules.
     */
    public static ProfileAction actionFor(int tag, String vr, String value) {
        int group = tag >>> 16;
        int element = tag & 0xFFFF;
        if ((group & 1) == 1) {
            return ProfileAction.REMOVE; // private attributes and their creators: not retained
        }
        if (group <= 0x0002 || element == 0x0000) {
            return ProfileAction.REMOVE; // command and file meta groups, group lengths: the writer makes new ones
        }
        if ((group & 0xFF00) == 0x5000 || (group & 0xFF00) == 0x6000) {
            return ProfileAction.REMOVE; // curves, overlays and overlay comments can carry text about the patient
        }
        if ("UN".equals(vr)) {
            return ProfileAction.REMOVE; // content of unknown type cannot be checked or cleaned, so it is not kept
        }
        Rule rule = TABLE.get(tag);
        if (rule != null) {
            return rule.action();
        }
        return switch (vr == null ? "" : vr) {
            case "PN" -> ProfileAction.EMPTY; // any other person's name
            case "DA", "DT" -> ProfileAction.SHIFT_DATE;
            case "UI" -> isStandardUid(value) ? ProfileAction.KEEP : ProfileAction.NEW_UID;
            default -> ProfileAction.KEEP;
        };
    }

    /** True for UIDs defined by the DICOM standard itself (SOP classes, transfer syntaxes, coding schemes). */
    public static boolean isStandardUid(String value) {
        return value != null && value.strip().startsWith(STANDARD_UID_ROOT);
    }

    /** {@code (gggg,eeee)} for messages. */
    public static String tag(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}

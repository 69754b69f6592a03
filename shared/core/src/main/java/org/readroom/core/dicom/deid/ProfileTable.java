package org.readroom.core.dicom.deid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes DICOM PS3.15 Table E.1-1 (Application Level Confidentiality Profile Attributes) names, each with
 * the action ReadRoom takes under the Basic Profile and its two options (Retain Longitudinal Temporal Information with
 * Modified Dates, Retain Patient Characteristics). Written from the standard's attribute names and tags, in tag order
 * so a row of the standard is easy to find. How an action reads:
 *
 * <ul>
 *   <li>X → {@link ProfileAction#REMOVE} (a sequence goes with all its items); where the standard allows X, Z or D
 *       ReadRoom takes X unless the viewer needs the value.
 *   <li>Z → {@link ProfileAction#EMPTY} (a sequence keeps no item).
 *   <li>D → {@link ProfileAction#DUMMY}, or {@link ProfileAction#PSEUDONYM} for Patient's Name and ID; a D sequence is
 *       removed (no dummy item could be correct).
 *   <li>U → {@link ProfileAction#NEW_UID}.
 *   <li>Dates (DA, DT) about the patient's course (study, visit, admission, scheduling, interpretation, treatment) →
 *       {@link ProfileAction#SHIFT_DATE} (the temporal option's C); procedure-step, calibration and administrative
 *       time stamps say nothing a reader needs and are removed.
 *   <li>Times (TM) named by the table are removed, except Study, Series, Acquisition and Content Time and the
 *       radiopharmaceutical start and stop times (kept under the temporal option: the viewer shows the first, PET
 *       uptake values need the second).
 * </ul>
 *
 * Private attributes, curves and overlays, the EXIF group (0016) and the retired text (4000) and results (4008) groups
 * are removed as wholes by {@link BasicProfile#actionFor}, so attributes of those groups the standard adds later are
 * covered too; their rows here document the table.
 */
final class ProfileTable {

    private static final Map<Integer, BasicProfile.Rule> TABLE = new LinkedHashMap<>();

    static {
        // Media directory
        rule(0x00041510, "ReferencedSOPClassUIDInFile", ProfileAction.KEEP);
        rule(0x00041512, "ReferencedTransferSyntaxUIDInFile", ProfileAction.KEEP);
        // Identification: instance, study, series, institution, physicians
        rule(0x00080012, "InstanceCreationDate", ProfileAction.SHIFT_DATE);
        rule(0x00080013, "InstanceCreationTime", ProfileAction.REMOVE);
        rule(0x00080014, "InstanceCreatorUID", ProfileAction.NEW_UID);
        rule(0x00080015, "InstanceCoercionDateTime", ProfileAction.REMOVE);
        rule(0x00080016, "SOPClassUID", ProfileAction.KEEP);
        rule(0x00080017, "AcquisitionUID", ProfileAction.NEW_UID);
        rule(0x00080018, "SOPInstanceUID", ProfileAction.NEW_UID);
        rule(0x00080019, "PyramidUID", ProfileAction.NEW_UID);
        rule(0x00080020, "StudyDate", ProfileAction.SHIFT_DATE);
        rule(0x00080021, "SeriesDate", ProfileAction.SHIFT_DATE);
        rule(0x00080022, "AcquisitionDate", ProfileAction.SHIFT_DATE);
        rule(0x00080023, "ContentDate", ProfileAction.SHIFT_DATE);
        rule(0x00080024, "OverlayDate", ProfileAction.REMOVE);
        rule(0x00080025, "CurveDate", ProfileAction.REMOVE);
        rule(0x0008002A, "AcquisitionDateTime", ProfileAction.SHIFT_DATE);
        rule(0x00080030, "StudyTime", ProfileAction.KEEP);
        rule(0x00080031, "SeriesTime", ProfileAction.KEEP);
        rule(0x00080032, "AcquisitionTime", ProfileAction.KEEP);
        rule(0x00080033, "ContentTime", ProfileAction.KEEP);
        rule(0x00080034, "OverlayTime", ProfileAction.REMOVE);
        rule(0x00080035, "CurveTime", ProfileAction.REMOVE);
        rule(0x00080050, "AccessionNumber", ProfileAction.EMPTY);
        rule(0x00080051, "IssuerOfAccessionNumberSequence", ProfileAction.REMOVE);
        rule(0x00080055, "StationAETitle", ProfileAction.REMOVE);
        rule(0x00080058, "FailedSOPInstanceUIDList", ProfileAction.NEW_UID);
        rule(0x00080080, "InstitutionName", ProfileAction.REMOVE);
        rule(0x00080081, "InstitutionAddress", ProfileAction.REMOVE);
        rule(0x00080082, "InstitutionCodeSequence", ProfileAction.REMOVE);
        rule(0x00080090, "ReferringPhysicianName", ProfileAction.EMPTY);
        rule(0x00080092, "ReferringPhysicianAddress", ProfileAction.REMOVE);
        rule(0x00080094, "ReferringPhysicianTelephoneNumbers", ProfileAction.REMOVE);
        rule(0x00080096, "ReferringPhysicianIdentificationSequence", ProfileAction.REMOVE);
        rule(0x0008009C, "ConsultingPhysicianName", ProfileAction.EMPTY);
        rule(0x0008009D, "ConsultingPhysicianIdentificationSequence", ProfileAction.REMOVE);
        rule(0x0008010C, "CodingSchemeUID", ProfileAction.KEEP);
        rule(0x0008010D, "ContextGroupExtensionCreatorUID", ProfileAction.NEW_UID);
        rule(0x00080117, "ContextUID", ProfileAction.KEEP);
        rule(0x00080118, "MappingResourceUID", ProfileAction.KEEP);
        rule(0x00080201, "TimezoneOffsetFromUTC", ProfileAction.REMOVE);
        rule(0x00081010, "StationName", ProfileAction.REMOVE);
        rule(0x00081030, "StudyDescription", ProfileAction.REMOVE);
        rule(0x0008103E, "SeriesDescription", ProfileAction.REMOVE);
        rule(0x0008103F, "SeriesDescriptionCodeSequence", ProfileAction.REMOVE);
        rule(0x00081040, "InstitutionalDepartmentName", ProfileAction.REMOVE);
        rule(0x00081041, "InstitutionalDepartmentTypeCodeSequence", ProfileAction.REMOVE);
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
        rule(0x00081150, "ReferencedSOPClassUID", ProfileAction.KEEP);
        rule(0x00081155, "ReferencedSOPInstanceUID", ProfileAction.NEW_UID);
        rule(0x00081190, "RetrieveURL", ProfileAction.REMOVE);
        rule(0x00081195, "TransactionUID", ProfileAction.NEW_UID);
        rule(0x00082111, "DerivationDescription", ProfileAction.REMOVE);
        rule(0x00083010, "IrradiationEventUID", ProfileAction.NEW_UID);
        rule(0x00084000, "IdentifyingComments", ProfileAction.REMOVE);
        rule(0x00089123, "CreatorVersionUID", ProfileAction.NEW_UID);
        // Patient (Retain Patient Characteristics keeps sex, age, size and weight)
        rule(0x00100010, "PatientName", ProfileAction.PSEUDONYM);
        rule(0x00100020, "PatientID", ProfileAction.PSEUDONYM);
        rule(0x00100021, "IssuerOfPatientID", ProfileAction.REMOVE);
        rule(0x00100024, "IssuerOfPatientIDQualifiersSequence", ProfileAction.REMOVE);
        rule(0x00100030, "PatientBirthDate", ProfileAction.EMPTY);
        rule(0x00100032, "PatientBirthTime", ProfileAction.REMOVE);
        rule(0x00100033, "PatientBirthDateInAlternativeCalendar", ProfileAction.REMOVE);
        rule(0x00100034, "PatientDeathDateInAlternativeCalendar", ProfileAction.REMOVE);
        rule(0x00100035, "PatientAlternativeCalendar", ProfileAction.REMOVE);
        rule(0x00100040, "PatientSex", ProfileAction.KEEP);
        rule(0x00100050, "PatientInsurancePlanCodeSequence", ProfileAction.REMOVE);
        rule(0x00100101, "PatientPrimaryLanguageCodeSequence", ProfileAction.REMOVE);
        rule(0x00100102, "PatientPrimaryLanguageModifierCodeSequence", ProfileAction.REMOVE);
        rule(0x00101000, "OtherPatientIDs", ProfileAction.REMOVE);
        rule(0x00101001, "OtherPatientNames", ProfileAction.REMOVE);
        rule(0x00101002, "OtherPatientIDsSequence", ProfileAction.REMOVE);
        rule(0x00101005, "PatientBirthName", ProfileAction.REMOVE);
        rule(0x00101010, "PatientAge", ProfileAction.KEEP);
        rule(0x00101020, "PatientSize", ProfileAction.KEEP);
        rule(0x00101021, "PatientSizeCodeSequence", ProfileAction.REMOVE);
        rule(0x00101030, "PatientWeight", ProfileAction.KEEP);
        rule(0x00101040, "PatientAddress", ProfileAction.REMOVE);
        rule(0x00101050, "InsurancePlanIdentification", ProfileAction.REMOVE);
        rule(0x00101060, "PatientMotherBirthName", ProfileAction.REMOVE);
        rule(0x00101080, "MilitaryRank", ProfileAction.REMOVE);
        rule(0x00101081, "BranchOfService", ProfileAction.REMOVE);
        rule(0x00101090, "MedicalRecordLocator", ProfileAction.REMOVE);
        rule(0x00101100, "ReferencedPatientPhotoSequence", ProfileAction.REMOVE);
        rule(0x00102000, "MedicalAlerts", ProfileAction.REMOVE);
        rule(0x00102110, "Allergies", ProfileAction.REMOVE);
        rule(0x00102150, "CountryOfResidence", ProfileAction.REMOVE);
        rule(0x00102152, "RegionOfResidence", ProfileAction.REMOVE);
        rule(0x00102154, "PatientTelephoneNumbers", ProfileAction.REMOVE);
        rule(0x00102155, "PatientTelecomInformation", ProfileAction.REMOVE);
        rule(0x00102160, "EthnicGroup", ProfileAction.REMOVE);
        rule(0x00102180, "Occupation", ProfileAction.REMOVE);
        rule(0x001021A0, "SmokingStatus", ProfileAction.REMOVE);
        rule(0x001021B0, "AdditionalPatientHistory", ProfileAction.REMOVE);
        rule(0x001021C0, "PregnancyStatus", ProfileAction.REMOVE);
        rule(0x001021D0, "LastMenstrualDate", ProfileAction.REMOVE);
        rule(0x001021F0, "PatientReligiousPreference", ProfileAction.REMOVE);
        rule(0x00102203, "PatientSexNeutered", ProfileAction.REMOVE);
        rule(0x00102294, "BreedRegistrationSequence", ProfileAction.REMOVE);
        rule(0x00102295, "BreedRegistrationNumber", ProfileAction.REMOVE);
        rule(0x00102297, "ResponsiblePerson", ProfileAction.EMPTY);
        rule(0x00102299, "ResponsibleOrganization", ProfileAction.REMOVE);
        rule(0x00104000, "PatientComments", ProfileAction.REMOVE);
        // Acquisition and equipment (device identity is not retained)
        rule(0x00180010, "ContrastBolusAgent", ProfileAction.EMPTY);
        rule(0x00181000, "DeviceSerialNumber", ProfileAction.REMOVE);
        rule(0x00181002, "DeviceUID", ProfileAction.NEW_UID);
        rule(0x00181004, "PlateID", ProfileAction.REMOVE);
        rule(0x00181005, "GeneratorID", ProfileAction.REMOVE);
        rule(0x00181007, "CassetteID", ProfileAction.REMOVE);
        rule(0x00181008, "GantryID", ProfileAction.REMOVE);
        rule(0x00181009, "UniqueDeviceIdentifier", ProfileAction.REMOVE);
        rule(0x0018100A, "UDISequence", ProfileAction.REMOVE);
        rule(0x0018100B, "ManufacturerDeviceClassUID", ProfileAction.NEW_UID);
        rule(0x00181012, "DateOfSecondaryCapture", ProfileAction.SHIFT_DATE);
        rule(0x00181014, "TimeOfSecondaryCapture", ProfileAction.REMOVE);
        rule(0x00181030, "ProtocolName", ProfileAction.REMOVE);
        rule(0x00181072, "RadiopharmaceuticalStartTime", ProfileAction.KEEP);
        rule(0x00181073, "RadiopharmaceuticalStopTime", ProfileAction.KEEP);
        rule(0x00181078, "RadiopharmaceuticalStartDateTime", ProfileAction.SHIFT_DATE);
        rule(0x00181079, "RadiopharmaceuticalStopDateTime", ProfileAction.SHIFT_DATE);
        rule(0x001811BB, "AcquisitionFieldOfViewLabel", ProfileAction.DUMMY);
        rule(0x00181200, "DateOfLastCalibration", ProfileAction.REMOVE);
        rule(0x00181201, "TimeOfLastCalibration", ProfileAction.REMOVE);
        rule(0x00181202, "DateTimeOfLastCalibration", ProfileAction.REMOVE);
        rule(0x00181400, "AcquisitionDeviceProcessingDescription", ProfileAction.REMOVE);
        rule(0x00182042, "TargetUID", ProfileAction.NEW_UID);
        rule(0x00184000, "AcquisitionComments", ProfileAction.REMOVE);
        rule(0x00185011, "TransducerIdentificationSequence", ProfileAction.REMOVE);
        rule(0x00187006, "DetectorDescription", ProfileAction.REMOVE);
        rule(0x0018700A, "DetectorID", ProfileAction.REMOVE);
        rule(0x0018700C, "DateOfLastDetectorCalibration", ProfileAction.REMOVE);
        rule(0x0018700E, "TimeOfLastDetectorCalibration", ProfileAction.REMOVE);
        rule(0x00189185, "RespiratoryMotionCompensationTechniqueDescription", ProfileAction.REMOVE);
        rule(0x00189367, "XRaySourceID", ProfileAction.DUMMY);
        rule(0x00189371, "XRayDetectorID", ProfileAction.DUMMY);
        rule(0x00189373, "XRayDetectorLabel", ProfileAction.REMOVE);
        rule(0x0018937B, "MultienergyAcquisitionDescription", ProfileAction.REMOVE);
        rule(0x00189423, "AcquisitionProtocolName", ProfileAction.REMOVE);
        rule(0x00189424, "AcquisitionProtocolDescription", ProfileAction.REMOVE);
        rule(0x00189516, "StartAcquisitionDateTime", ProfileAction.SHIFT_DATE);
        rule(0x00189517, "EndAcquisitionDateTime", ProfileAction.SHIFT_DATE);
        rule(0x00189701, "DecayCorrectionDateTime", ProfileAction.SHIFT_DATE);
        rule(0x00189937, "RequestedSeriesDescription", ProfileAction.REMOVE);
        rule(0x0018A003, "ContributionDescription", ProfileAction.REMOVE);
        // Relationship, image free text, retired ACR-NEMA modification attributes
        rule(0x0020000D, "StudyInstanceUID", ProfileAction.NEW_UID);
        rule(0x0020000E, "SeriesInstanceUID", ProfileAction.NEW_UID);
        rule(0x00200010, "StudyID", ProfileAction.EMPTY);
        rule(0x00200052, "FrameOfReferenceUID", ProfileAction.NEW_UID);
        rule(0x00200200, "SynchronizationFrameOfReferenceUID", ProfileAction.NEW_UID);
        rule(0x00203401, "ModifyingDeviceID", ProfileAction.REMOVE);
        rule(0x00203402, "ModifiedImageID", ProfileAction.REMOVE);
        rule(0x00203403, "ModifiedImageDate", ProfileAction.SHIFT_DATE);
        rule(0x00203404, "ModifyingDeviceManufacturer", ProfileAction.REMOVE);
        rule(0x00203405, "ModifiedImageTime", ProfileAction.REMOVE);
        rule(0x00203406, "ModifiedImageDescription", ProfileAction.REMOVE);
        rule(0x00204000, "ImageComments", ProfileAction.REMOVE);
        rule(0x00209158, "FrameComments", ProfileAction.REMOVE);
        rule(0x00209161, "ConcatenationUID", ProfileAction.NEW_UID);
        rule(0x00209164, "DimensionOrganizationUID", ProfileAction.NEW_UID);
        // Image pixel, presentation and equipment administration
        rule(0x00281199, "PaletteColorLookupTableUID", ProfileAction.NEW_UID);
        rule(0x00281214, "LargePaletteColorLookupTableUID", ProfileAction.NEW_UID);
        rule(0x00284000, "ImagePresentationComments", ProfileAction.REMOVE);
        rule(0x00287000, "EquipmentAdministratorSequence", ProfileAction.REMOVE);
        rule(0x00287FE0, "PixelDataProviderURL", ProfileAction.REMOVE);
        // Study scheduling and request (retired study attributes included)
        rule(0x00320012, "StudyIDIssuer", ProfileAction.REMOVE);
        rule(0x00320032, "StudyVerifiedDate", ProfileAction.SHIFT_DATE);
        rule(0x00320033, "StudyVerifiedTime", ProfileAction.REMOVE);
        rule(0x00320034, "StudyReadDate", ProfileAction.SHIFT_DATE);
        rule(0x00320035, "StudyReadTime", ProfileAction.REMOVE);
        rule(0x00321000, "ScheduledStudyStartDate", ProfileAction.SHIFT_DATE);
        rule(0x00321001, "ScheduledStudyStartTime", ProfileAction.REMOVE);
        rule(0x00321010, "ScheduledStudyStopDate", ProfileAction.SHIFT_DATE);
        rule(0x00321011, "ScheduledStudyStopTime", ProfileAction.REMOVE);
        rule(0x00321020, "ScheduledStudyLocation", ProfileAction.REMOVE);
        rule(0x00321021, "ScheduledStudyLocationAETitle", ProfileAction.REMOVE);
        rule(0x00321030, "ReasonForStudy", ProfileAction.REMOVE);
        rule(0x00321031, "RequestingPhysicianIdentificationSequence", ProfileAction.REMOVE);
        rule(0x00321032, "RequestingPhysician", ProfileAction.REMOVE);
        rule(0x00321033, "RequestingService", ProfileAction.REMOVE);
        rule(0x00321034, "RequestingServiceCodeSequence", ProfileAction.REMOVE);
        rule(0x00321040, "StudyArrivalDate", ProfileAction.SHIFT_DATE);
        rule(0x00321041, "StudyArrivalTime", ProfileAction.REMOVE);
        rule(0x00321050, "StudyCompletionDate", ProfileAction.SHIFT_DATE);
        rule(0x00321051, "StudyCompletionTime", ProfileAction.REMOVE);
        rule(0x00321060, "RequestedProcedureDescription", ProfileAction.REMOVE);
        rule(0x00321066, "ReasonForVisit", ProfileAction.REMOVE);
        rule(0x00321067, "ReasonForVisitCodeSequence", ProfileAction.REMOVE);
        rule(0x00321070, "RequestedContrastAgent", ProfileAction.REMOVE);
        rule(0x00324000, "StudyComments", ProfileAction.REMOVE);
        // Visit and admission
        rule(0x00380004, "ReferencedPatientAliasSequence", ProfileAction.REMOVE);
        rule(0x00380010, "AdmissionID", ProfileAction.REMOVE);
        rule(0x00380011, "IssuerOfAdmissionID", ProfileAction.REMOVE);
        rule(0x00380014, "IssuerOfAdmissionIDSequence", ProfileAction.REMOVE);
        rule(0x00380016, "RouteOfAdmissions", ProfileAction.REMOVE);
        rule(0x0038001A, "ScheduledAdmissionDate", ProfileAction.SHIFT_DATE);
        rule(0x0038001B, "ScheduledAdmissionTime", ProfileAction.REMOVE);
        rule(0x0038001C, "ScheduledDischargeDate", ProfileAction.SHIFT_DATE);
        rule(0x0038001D, "ScheduledDischargeTime", ProfileAction.REMOVE);
        rule(0x0038001E, "ScheduledPatientInstitutionResidence", ProfileAction.REMOVE);
        rule(0x00380020, "AdmittingDate", ProfileAction.SHIFT_DATE);
        rule(0x00380021, "AdmittingTime", ProfileAction.REMOVE);
        rule(0x00380030, "DischargeDate", ProfileAction.SHIFT_DATE);
        rule(0x00380032, "DischargeTime", ProfileAction.REMOVE);
        rule(0x00380040, "DischargeDiagnosisDescription", ProfileAction.REMOVE);
        rule(0x00380044, "DischargeDiagnosisCodeSequence", ProfileAction.REMOVE);
        rule(0x00380050, "SpecialNeeds", ProfileAction.REMOVE);
        rule(0x00380060, "ServiceEpisodeID", ProfileAction.REMOVE);
        rule(0x00380061, "IssuerOfServiceEpisodeID", ProfileAction.REMOVE);
        rule(0x00380062, "ServiceEpisodeDescription", ProfileAction.REMOVE);
        rule(0x00380064, "IssuerOfServiceEpisodeIDSequence", ProfileAction.REMOVE);
        rule(0x00380300, "CurrentPatientLocation", ProfileAction.REMOVE);
        rule(0x00380400, "PatientInstitutionResidence", ProfileAction.REMOVE);
        rule(0x00380500, "PatientState", ProfileAction.REMOVE);
        rule(0x00380502, "PatientClinicalTrialParticipationSequence", ProfileAction.REMOVE);
        rule(0x00384000, "VisitComments", ProfileAction.REMOVE);
        // Procedure steps, requests, specimens, structured content and observers
        rule(0x00400001, "ScheduledStationAETitle", ProfileAction.REMOVE);
        rule(0x00400002, "ScheduledProcedureStepStartDate", ProfileAction.REMOVE);
        rule(0x00400003, "ScheduledProcedureStepStartTime", ProfileAction.REMOVE);
        rule(0x00400004, "ScheduledProcedureStepEndDate", ProfileAction.REMOVE);
        rule(0x00400005, "ScheduledProcedureStepEndTime", ProfileAction.REMOVE);
        rule(0x00400006, "ScheduledPerformingPhysicianName", ProfileAction.REMOVE);
        rule(0x00400007, "ScheduledProcedureStepDescription", ProfileAction.REMOVE);
        rule(0x00400009, "ScheduledProcedureStepID", ProfileAction.REMOVE);
        rule(0x0040000B, "ScheduledPerformingPhysicianIdentificationSequence", ProfileAction.REMOVE);
        rule(0x00400010, "ScheduledStationName", ProfileAction.REMOVE);
        rule(0x00400011, "ScheduledProcedureStepLocation", ProfileAction.REMOVE);
        rule(0x00400012, "PreMedication", ProfileAction.REMOVE);
        rule(0x00400026, "OrderPlacerIdentifierSequence", ProfileAction.REMOVE);
        rule(0x00400027, "OrderFillerIdentifierSequence", ProfileAction.REMOVE);
        rule(0x00400100, "ScheduledProcedureStepSequence", ProfileAction.REMOVE);
        rule(0x00400241, "PerformedStationAETitle", ProfileAction.REMOVE);
        rule(0x00400242, "PerformedStationName", ProfileAction.REMOVE);
        rule(0x00400243, "PerformedLocation", ProfileAction.REMOVE);
        rule(0x00400244, "PerformedProcedureStepStartDate", ProfileAction.REMOVE);
        rule(0x00400245, "PerformedProcedureStepStartTime", ProfileAction.REMOVE);
        rule(0x00400250, "PerformedProcedureStepEndDate", ProfileAction.REMOVE);
        rule(0x00400251, "PerformedProcedureStepEndTime", ProfileAction.REMOVE);
        rule(0x00400253, "PerformedProcedureStepID", ProfileAction.REMOVE);
        rule(0x00400254, "PerformedProcedureStepDescription", ProfileAction.REMOVE);
        rule(0x00400275, "RequestAttributesSequence", ProfileAction.REMOVE);
        rule(0x00400280, "CommentsOnThePerformedProcedureStep", ProfileAction.REMOVE);
        rule(0x00400310, "CommentsOnRadiationDose", ProfileAction.REMOVE);
        rule(0x00400400, "CommentsOnTheScheduledProcedureStep", ProfileAction.REMOVE);
        rule(0x0040050A, "SpecimenAccessionNumber", ProfileAction.REMOVE);
        rule(0x00400512, "ContainerIdentifier", ProfileAction.DUMMY);
        rule(0x00400513, "IssuerOfTheContainerIdentifierSequence", ProfileAction.EMPTY);
        rule(0x0040051A, "ContainerDescription", ProfileAction.REMOVE);
        rule(0x00400551, "SpecimenIdentifier", ProfileAction.DUMMY);
        rule(0x00400554, "SpecimenUID", ProfileAction.NEW_UID);
        rule(0x00400555, "AcquisitionContextSequence", ProfileAction.REMOVE);
        rule(0x00400556, "AcquisitionContextDescription", ProfileAction.REMOVE);
        rule(0x00400562, "IssuerOfTheSpecimenIdentifierSequence", ProfileAction.EMPTY);
        rule(0x00400600, "SpecimenShortDescription", ProfileAction.REMOVE);
        rule(0x00400602, "SpecimenDetailedDescription", ProfileAction.REMOVE);
        rule(0x004006FA, "SlideIdentifier", ProfileAction.REMOVE);
        rule(0x00401001, "RequestedProcedureID", ProfileAction.REMOVE);
        rule(0x00401002, "ReasonForTheRequestedProcedure", ProfileAction.REMOVE);
        rule(0x00401004, "PatientTransportArrangements", ProfileAction.REMOVE);
        rule(0x00401005, "RequestedProcedureLocation", ProfileAction.REMOVE);
        rule(0x00401006, "PlacerOrderNumberProcedure", ProfileAction.REMOVE);
        rule(0x00401007, "FillerOrderNumberProcedure", ProfileAction.REMOVE);
        rule(0x00401010, "NamesOfIntendedRecipientsOfResults", ProfileAction.REMOVE);
        rule(0x00401011, "IntendedRecipientsOfResultsIdentificationSequence", ProfileAction.REMOVE);
        rule(0x00401101, "PersonIdentificationCodeSequence", ProfileAction.REMOVE);
        rule(0x00401102, "PersonAddress", ProfileAction.REMOVE);
        rule(0x00401103, "PersonTelephoneNumbers", ProfileAction.REMOVE);
        rule(0x00401104, "PersonTelecomInformation", ProfileAction.REMOVE);
        rule(0x00401400, "RequestedProcedureComments", ProfileAction.REMOVE);
        rule(0x00402001, "ReasonForTheImagingServiceRequest", ProfileAction.REMOVE);
        rule(0x00402008, "OrderEnteredBy", ProfileAction.REMOVE);
        rule(0x00402009, "OrderEntererLocation", ProfileAction.REMOVE);
        rule(0x00402010, "OrderCallbackPhoneNumber", ProfileAction.REMOVE);
        rule(0x00402011, "OrderCallbackTelecomInformation", ProfileAction.REMOVE);
        rule(0x00402016, "PlacerOrderNumberImagingServiceRequest", ProfileAction.REMOVE);
        rule(0x00402017, "FillerOrderNumberImagingServiceRequest", ProfileAction.REMOVE);
        rule(0x00402400, "ImagingServiceRequestComments", ProfileAction.REMOVE);
        rule(0x00403001, "ConfidentialityConstraintOnPatientDataDescription", ProfileAction.REMOVE);
        rule(0x00404005, "ScheduledProcedureStepStartDateTime", ProfileAction.REMOVE);
        rule(0x00404008, "ScheduledProcedureStepExpirationDateTime", ProfileAction.REMOVE);
        rule(0x00404009, "HumanPerformerCodeSequence", ProfileAction.REMOVE);
        rule(0x00404010, "ScheduledProcedureStepModificationDateTime", ProfileAction.REMOVE);
        rule(0x00404011, "ExpectedCompletionDateTime", ProfileAction.REMOVE);
        rule(0x00404023, "ReferencedGeneralPurposeScheduledProcedureStepTransactionUID", ProfileAction.NEW_UID);
        rule(0x00404025, "ScheduledStationNameCodeSequence", ProfileAction.REMOVE);
        rule(0x00404027, "ScheduledStationGeographicLocationCodeSequence", ProfileAction.REMOVE);
        rule(0x00404028, "PerformedStationNameCodeSequence", ProfileAction.REMOVE);
        rule(0x00404030, "PerformedStationGeographicLocationCodeSequence", ProfileAction.REMOVE);
        rule(0x00404034, "ScheduledHumanPerformersSequence", ProfileAction.REMOVE);
        rule(0x00404035, "ActualHumanPerformersSequence", ProfileAction.REMOVE);
        rule(0x00404036, "HumanPerformerOrganization", ProfileAction.REMOVE);
        rule(0x00404037, "HumanPerformerName", ProfileAction.REMOVE);
        rule(0x00404050, "PerformedProcedureStepStartDateTime", ProfileAction.REMOVE);
        rule(0x00404051, "PerformedProcedureStepEndDateTime", ProfileAction.REMOVE);
        rule(0x00404052, "ProcedureStepCancellationDateTime", ProfileAction.REMOVE);
        rule(0x0040A027, "VerifyingOrganization", ProfileAction.REMOVE);
        rule(0x0040A030, "VerificationDateTime", ProfileAction.SHIFT_DATE);
        rule(0x0040A073, "VerifyingObserverSequence", ProfileAction.REMOVE);
        rule(0x0040A075, "VerifyingObserverName", ProfileAction.DUMMY);
        rule(0x0040A078, "AuthorObserverSequence", ProfileAction.REMOVE);
        rule(0x0040A07A, "ParticipantSequence", ProfileAction.REMOVE);
        rule(0x0040A07C, "CustodialOrganizationSequence", ProfileAction.REMOVE);
        rule(0x0040A088, "VerifyingObserverIdentificationCodeSequence", ProfileAction.EMPTY);
        rule(0x0040A123, "PersonName", ProfileAction.REMOVE);
        rule(0x0040A124, "UID", ProfileAction.NEW_UID);
        rule(0x0040A160, "TextValue", ProfileAction.REMOVE);
        rule(0x0040A171, "ObservationUID", ProfileAction.NEW_UID);
        rule(0x0040A172, "ReferencedObservationUIDTrial", ProfileAction.NEW_UID);
        rule(0x0040A192, "ObservationDateTrial", ProfileAction.SHIFT_DATE);
        rule(0x0040A193, "ObservationTimeTrial", ProfileAction.REMOVE);
        rule(0x0040A307, "CurrentObserverTrial", ProfileAction.REMOVE);
        rule(0x0040A352, "VerbalSourceTrial", ProfileAction.REMOVE);
        rule(0x0040A353, "AddressTrial", ProfileAction.REMOVE);
        rule(0x0040A354, "TelephoneNumberTrial", ProfileAction.REMOVE);
        rule(0x0040A358, "VerbalSourceIdentifierCodeSequenceTrial", ProfileAction.REMOVE);
        rule(0x0040A402, "ObservationSubjectUIDTrial", ProfileAction.NEW_UID);
        rule(0x0040A730, "ContentSequence", ProfileAction.REMOVE);
        rule(0x0040DB0C, "TemplateExtensionOrganizationUID", ProfileAction.NEW_UID);
        rule(0x0040DB0D, "TemplateExtensionCreatorUID", ProfileAction.NEW_UID);
        rule(0x0040E001, "HL7InstanceIdentifier", ProfileAction.REMOVE);
        rule(0x0040E010, "RetrieveURI", ProfileAction.REMOVE);
        // Encapsulated documents
        rule(0x00420010, "DocumentTitle", ProfileAction.REMOVE);
        rule(0x00420011, "EncapsulatedDocument", ProfileAction.REMOVE);
        // Devices and specimen containers
        rule(0x0050001B, "ContainerComponentID", ProfileAction.REMOVE);
        rule(0x00500020, "DeviceDescription", ProfileAction.REMOVE);
        rule(0x00500021, "LongDeviceDescription", ProfileAction.REMOVE);
        // Presentation state graphics and content creators
        rule(0x00700001, "GraphicAnnotationSequence", ProfileAction.REMOVE);
        rule(0x00700084, "ContentCreatorName", ProfileAction.EMPTY);
        rule(0x00700086, "ContentCreatorIdentificationCodeSequence", ProfileAction.REMOVE);
        rule(0x0070031A, "FiducialUID", ProfileAction.NEW_UID);
        // Unified procedure steps
        rule(0x0074100A, "ContactURI", ProfileAction.REMOVE);
        rule(0x0074100C, "ContactDisplayName", ProfileAction.REMOVE);
        rule(0x00741234, "ReceivingAE", ProfileAction.REMOVE);
        rule(0x00741236, "RequestingAE", ProfileAction.REMOVE);
        // Icons, storage media and topics
        rule(0x00880130, "StorageMediaFileSetID", ProfileAction.REMOVE);
        rule(0x00880140, "StorageMediaFileSetUID", ProfileAction.NEW_UID);
        rule(0x00880200, "IconImageSequence", ProfileAction.REMOVE);
        rule(0x00880904, "TopicTitle", ProfileAction.REMOVE);
        rule(0x00880906, "TopicSubject", ProfileAction.REMOVE);
        rule(0x00880910, "TopicAuthor", ProfileAction.REMOVE);
        rule(0x00880912, "TopicKeywords", ProfileAction.REMOVE);
        // SOP authorization
        rule(0x01000420, "SOPAuthorizationDateTime", ProfileAction.REMOVE);
        rule(0x01000424, "SOPAuthorizationComment", ProfileAction.REMOVE);
        rule(0x01000426, "AuthorizationEquipmentCertificationNumber", ProfileAction.REMOVE);
        // Digital signatures and attribute modification history
        rule(0x04000100, "DigitalSignatureUID", ProfileAction.REMOVE);
        rule(0x04000402, "ReferencedDigitalSignatureSequence", ProfileAction.REMOVE);
        rule(0x04000403, "ReferencedSOPInstanceMACSequence", ProfileAction.REMOVE);
        rule(0x04000404, "MAC", ProfileAction.REMOVE);
        rule(0x04000500, "EncryptedAttributesSequence", ProfileAction.REMOVE);
        rule(0x04000550, "ModifiedAttributesSequence", ProfileAction.REMOVE);
        rule(0x04000551, "NonconformingModifiedAttributesSequence", ProfileAction.REMOVE);
        rule(0x04000561, "OriginalAttributesSequence", ProfileAction.REMOVE);
        rule(0x04000562, "AttributeModificationDateTime", ProfileAction.REMOVE);
        rule(0x04000563, "ModifyingSystem", ProfileAction.REMOVE);
        rule(0x04000564, "SourceOfPreviousValues", ProfileAction.REMOVE);
        rule(0x04000600, "InstanceOriginStatus", ProfileAction.REMOVE);
        // Print, media creation and label text
        rule(0x20300020, "TextString", ProfileAction.REMOVE);
        rule(0x21000140, "DestinationAE", ProfileAction.REMOVE);
        rule(0x21000160, "OwnerID", ProfileAction.REMOVE);
        rule(0x22000002, "LabelText", ProfileAction.REMOVE);
        rule(0x22000005, "BarcodeValue", ProfileAction.REMOVE);
        // Radiotherapy: RT Image, structure sets, plans, treatment records and intent
        rule(0x30020002, "RTImageLabel", ProfileAction.DUMMY);
        rule(0x30020003, "RTImageName", ProfileAction.REMOVE);
        rule(0x30020004, "RTImageDescription", ProfileAction.REMOVE);
        rule(0x30020020, "RadiationMachineName", ProfileAction.DUMMY);
        rule(0x30040006, "DoseComment", ProfileAction.REMOVE);
        rule(0x30060002, "StructureSetLabel", ProfileAction.DUMMY);
        rule(0x30060004, "StructureSetName", ProfileAction.REMOVE);
        rule(0x30060006, "StructureSetDescription", ProfileAction.REMOVE);
        rule(0x30060024, "ReferencedFrameOfReferenceUID", ProfileAction.NEW_UID);
        rule(0x30060026, "ROIName", ProfileAction.REMOVE);
        rule(0x30060028, "ROIDescription", ProfileAction.REMOVE);
        rule(0x30060038, "ROIGenerationDescription", ProfileAction.REMOVE);
        rule(0x30060085, "ROIObservationLabel", ProfileAction.REMOVE);
        rule(0x30060088, "ROIObservationDescription", ProfileAction.REMOVE);
        rule(0x300600A6, "ROIInterpreter", ProfileAction.EMPTY);
        rule(0x300600C2, "RelatedFrameOfReferenceUID", ProfileAction.NEW_UID);
        rule(0x30080054, "FirstTreatmentDate", ProfileAction.SHIFT_DATE);
        rule(0x30080066, "OverrideReason", ProfileAction.REMOVE);
        rule(0x30080105, "SourceSerialNumber", ProfileAction.REMOVE);
        rule(0x30080202, "TreatmentStatusComment", ProfileAction.REMOVE);
        rule(0x30080250, "TreatmentDate", ProfileAction.SHIFT_DATE);
        rule(0x30080251, "TreatmentTime", ProfileAction.REMOVE);
        rule(0x300A0002, "RTPlanLabel", ProfileAction.DUMMY);
        rule(0x300A0003, "RTPlanName", ProfileAction.REMOVE);
        rule(0x300A0004, "RTPlanDescription", ProfileAction.REMOVE);
        rule(0x300A000E, "PrescriptionDescription", ProfileAction.REMOVE);
        rule(0x300A0013, "DoseReferenceUID", ProfileAction.NEW_UID);
        rule(0x300A0016, "DoseReferenceDescription", ProfileAction.REMOVE);
        rule(0x300A0072, "FractionGroupDescription", ProfileAction.REMOVE);
        rule(0x300A00B2, "TreatmentMachineName", ProfileAction.DUMMY);
        rule(0x300A00C3, "BeamDescription", ProfileAction.REMOVE);
        rule(0x300A00DD, "BolusDescription", ProfileAction.REMOVE);
        rule(0x300A0608, "TreatmentPositionGroupLabel", ProfileAction.DUMMY);
        rule(0x300A0619, "RadiationDoseIdentificationLabel", ProfileAction.DUMMY);
        rule(0x300A0623, "RadiationDoseInVivoMeasurementLabel", ProfileAction.DUMMY);
        rule(0x300A062A, "RTToleranceSetLabel", ProfileAction.DUMMY);
        rule(0x300A0650, "PatientSetupUID", ProfileAction.NEW_UID);
        rule(0x300A0676, "EquipmentFrameOfReferenceDescription", ProfileAction.REMOVE);
        rule(0x300A067C, "RadiationGenerationModeLabel", ProfileAction.DUMMY);
        rule(0x300A067D, "RadiationGenerationModeDescription", ProfileAction.REMOVE);
        rule(0x300A0730, "TreatmentTerminationDescription", ProfileAction.REMOVE);
        rule(0x300A0742, "InterlockDescription", ProfileAction.REMOVE);
        rule(0x300A0783, "InterlockOriginDescription", ProfileAction.REMOVE);
        rule(0x300A078E, "PatientTreatmentPreparationProcedureParameterDescription", ProfileAction.REMOVE);
        rule(0x300A0792, "PatientTreatmentPreparationMethodDescription", ProfileAction.REMOVE);
        rule(0x300A0794, "PatientSetupPhotoDescription", ProfileAction.REMOVE);
        rule(0x300A079A, "DisplacementReferenceLabel", ProfileAction.DUMMY);
        rule(0x300C0113, "ReasonForOmissionDescription", ProfileAction.REMOVE);
        rule(0x300E0004, "ReviewDate", ProfileAction.SHIFT_DATE);
        rule(0x300E0005, "ReviewTime", ProfileAction.REMOVE);
        rule(0x300E0008, "ReviewerName", ProfileAction.EMPTY);
        rule(0x3010001B, "DeviceAlternateIdentifier", ProfileAction.REMOVE);
        rule(0x3010002D, "DeviceLabel", ProfileAction.DUMMY);
        rule(0x30100033, "UserContentLabel", ProfileAction.DUMMY);
        rule(0x30100034, "UserContentLongLabel", ProfileAction.DUMMY);
        rule(0x30100035, "EntityLabel", ProfileAction.DUMMY);
        rule(0x30100036, "EntityName", ProfileAction.REMOVE);
        rule(0x30100037, "EntityDescription", ProfileAction.REMOVE);
        rule(0x30100038, "EntityLongLabel", ProfileAction.DUMMY);
        rule(0x30100043, "ManufacturerDeviceIdentifier", ProfileAction.REMOVE);
        rule(0x30100054, "RTPrescriptionLabel", ProfileAction.DUMMY);
        rule(0x30100056, "RTTreatmentApproachLabel", ProfileAction.DUMMY);
        rule(0x3010005A, "RTPhysicianIntentNarrative", ProfileAction.REMOVE);
        rule(0x30100061, "PriorTreatmentDoseDescription", ProfileAction.REMOVE);
        rule(0x3010007A, "TreatmentTechniqueNotes", ProfileAction.REMOVE);
        rule(0x3010007B, "PrescriptionNotes", ProfileAction.REMOVE);
        rule(0x3010007F, "FractionationNotes", ProfileAction.REMOVE);
        rule(0x30100081, "PrescriptionNotesSequence", ProfileAction.REMOVE);
        // Retired text (4000) and results / interpretation (4008) groups
        rule(0x40000010, "Arbitrary", ProfileAction.REMOVE);
        rule(0x40004000, "TextComments", ProfileAction.REMOVE);
        rule(0x40080040, "ResultsID", ProfileAction.REMOVE);
        rule(0x40080042, "ResultsIDIssuer", ProfileAction.REMOVE);
        rule(0x40080100, "InterpretationRecordedDate", ProfileAction.SHIFT_DATE);
        rule(0x40080101, "InterpretationRecordedTime", ProfileAction.REMOVE);
        rule(0x40080102, "InterpretationRecorder", ProfileAction.REMOVE);
        rule(0x40080103, "ReferenceToRecordedSound", ProfileAction.REMOVE);
        rule(0x40080108, "InterpretationTranscriptionDate", ProfileAction.SHIFT_DATE);
        rule(0x40080109, "InterpretationTranscriptionTime", ProfileAction.REMOVE);
        rule(0x4008010A, "InterpretationTranscriber", ProfileAction.REMOVE);
        rule(0x4008010B, "InterpretationText", ProfileAction.REMOVE);
        rule(0x4008010C, "InterpretationAuthor", ProfileAction.REMOVE);
        rule(0x40080111, "InterpretationApproverSequence", ProfileAction.REMOVE);
        rule(0x40080112, "InterpretationApprovalDate", ProfileAction.SHIFT_DATE);
        rule(0x40080113, "InterpretationApprovalTime", ProfileAction.REMOVE);
        rule(0x40080114, "PhysicianApprovingInterpretation", ProfileAction.REMOVE);
        rule(0x40080115, "InterpretationDiagnosisDescription", ProfileAction.REMOVE);
        rule(0x40080118, "ResultsDistributionListSequence", ProfileAction.REMOVE);
        rule(0x40080119, "DistributionName", ProfileAction.REMOVE);
        rule(0x4008011A, "DistributionAddress", ProfileAction.REMOVE);
        rule(0x40080200, "InterpretationID", ProfileAction.REMOVE);
        rule(0x40080202, "InterpretationIDIssuer", ProfileAction.REMOVE);
        rule(0x40080300, "Impressions", ProfileAction.REMOVE);
        rule(0x40084000, "ResultsComments", ProfileAction.REMOVE);
        // Digital signatures sequence and trailing padding
        rule(0xFFFAFFFA, "DigitalSignaturesSequence", ProfileAction.REMOVE);
        rule(0xFFFCFFFC, "DataSetTrailingPadding", ProfileAction.REMOVE);
    }

    private ProfileTable() {}

    private static void rule(int tag, String keyword, ProfileAction action) {
        if (TABLE.put(tag, new BasicProfile.Rule(keyword, action)) != null) {
            throw new IllegalStateException("tag " + BasicProfile.tag(tag) + " is listed twice");
        }
    }

    static Map<Integer, BasicProfile.Rule> rules() {
        return Collections.unmodifiableMap(TABLE);
    }
}

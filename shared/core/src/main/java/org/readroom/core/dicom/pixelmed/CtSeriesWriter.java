package org.readroom.core.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import org.readroom.core.imaging.WindowLevel;

/**
 * Writes axial CT slices of one series as Part 10 files (Explicit VR Little Endian, 16-bit signed). One writer is
 * one series: its study, series and frame-of-reference UIDs are generated once, in the constructor.
 */
public final class CtSeriesWriter {

    private static final String IMPLEMENTATION_AE_TITLE = "READROOM";

    private final CtSeriesHeader header;
    private final String studyInstanceUid = newUid();
    private final String seriesInstanceUid = newUid();
    private final String frameOfReferenceUid = newUid();

    public CtSeriesWriter(CtSeriesHeader header) {
        this.header = Objects.requireNonNull(header, "header");
    }

    public String studyInstanceUid() {
        return studyInstanceUid;
    }

    public String seriesInstanceUid() {
        return seriesInstanceUid;
    }

    /**
     * Writes one slice centred on the patient axis at {@code sliceLocationMm}; {@code storedValues} holds
     * {@code rows * columns} values row by row.
     */
    public void writeSlice(Path file, int instanceNumber, double sliceLocationMm, short[] storedValues)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(storedValues, "storedValues");
        if (storedValues.length != header.rows() * header.columns()) {
            throw new IllegalArgumentException("storedValues must hold rows*columns=" + header.rows() * header.columns()
                    + " values but holds " + storedValues.length);
        }
        try {
            AttributeList list = slice(instanceNumber, sliceLocationMm, storedValues);
            FileMetaInformation.addFileMetaInformation(
                    list, TransferSyntax.ExplicitVRLittleEndian, IMPLEMENTATION_AE_TITLE);
            list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        } catch (DicomException e) {
            throw new IOException("could not write DICOM slice " + file + ": " + e.getMessage(), e);
        }
    }

    private AttributeList slice(int instanceNumber, double sliceLocationMm, short[] storedValues)
            throws DicomException {
        AttributeList list = new AttributeList();
        put(list, TagFromName.SOPClassUID, SOPClass.CTImageStorage);
        put(list, TagFromName.SOPInstanceUID, newUid());
        put(list, TagFromName.StudyInstanceUID, studyInstanceUid);
        put(list, TagFromName.SeriesInstanceUID, seriesInstanceUid);
        put(list, TagFromName.FrameOfReferenceUID, frameOfReferenceUid);
        put(list, TagFromName.PatientName, header.patientName());
        put(list, TagFromName.PatientID, header.patientId());
        put(list, TagFromName.PatientBirthDate);
        put(list, TagFromName.PatientSex);
        // Fixed dates keep the files byte-for-byte stable apart from the UIDs.
        put(list, TagFromName.StudyDate, "20000101");
        put(list, TagFromName.StudyTime, "000000");
        put(list, TagFromName.StudyID, "1");
        put(list, TagFromName.AccessionNumber);
        put(list, TagFromName.ReferringPhysicianName);
        put(list, TagFromName.StudyDescription, header.studyDescription());
        put(list, TagFromName.Modality, "CT");
        put(list, TagFromName.SeriesNumber, "1");
        put(list, TagFromName.SeriesDescription, header.seriesDescription());
        put(list, TagFromName.Manufacturer, "ReadRoom");
        put(list, TagFromName.ImageComments, header.imageComments());
        put(list, TagFromName.BurnedInAnnotation, "NO");
        put(list, TagFromName.ImageType, "DERIVED", "SECONDARY", "AXIAL");
        put(list, TagFromName.InstanceNumber, Integer.toString(instanceNumber));
        put(list, TagFromName.AcquisitionNumber, "1");
        double columnOrigin = -header.columns() * header.pixelSpacing().columnMm() / 2.0;
        double rowOrigin = -header.rows() * header.pixelSpacing().rowMm() / 2.0;
        put(list, TagFromName.ImagePositionPatient, ds(columnOrigin), ds(rowOrigin), ds(sliceLocationMm));
        put(list, TagFromName.ImageOrientationPatient, "1", "0", "0", "0", "1", "0");
        put(list, TagFromName.SliceLocation, ds(sliceLocationMm));
        put(list, TagFromName.SliceThickness, ds(header.sliceThicknessMm()));
        put(
                list,
                TagFromName.PixelSpacing,
                ds(header.pixelSpacing().rowMm()),
                ds(header.pixelSpacing().columnMm()));
        put(list, TagFromName.SamplesPerPixel, "1");
        put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(list, TagFromName.Rows, Integer.toString(header.rows()));
        put(list, TagFromName.Columns, Integer.toString(header.columns()));
        put(list, TagFromName.BitsAllocated, "16");
        put(list, TagFromName.BitsStored, "16");
        put(list, TagFromName.HighBit, "15");
        put(list, TagFromName.PixelRepresentation, "1");
        put(list, TagFromName.RescaleIntercept, ds(header.rescale().intercept()));
        put(list, TagFromName.RescaleSlope, ds(header.rescale().slope()));
        put(list, TagFromName.RescaleType, "HU");
        if (!header.windowPresets().isEmpty()) {
            put(
                    list,
                    TagFromName.WindowCenter,
                    header.windowPresets().stream().map(w -> ds(w.center())).toArray(String[]::new));
            put(
                    list,
                    TagFromName.WindowWidth,
                    header.windowPresets().stream()
                            .map(WindowLevel::width)
                            .map(CtSeriesWriter::ds)
                            .toArray(String[]::new));
            put(
                    list,
                    TagFromName.WindowCenterWidthExplanation,
                    header.windowExplanations().toArray(String[]::new));
        }
        Attribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(storedValues);
        list.put(pixelData);
        return list;
    }

    private static void put(AttributeList list, AttributeTag tag, String... values) throws DicomException {
        Attribute attribute = list.putNewAttribute(tag);
        for (String value : values) {
            attribute.addValue(value);
        }
    }

    /** A Decimal String value: integers without a fraction, others with at most 16 characters. */
    private static String ds(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = Double.toString(value);
        return text.length() <= 16 ? text : String.format(java.util.Locale.ROOT, "%.6f", value);
    }

    /** A UUID-derived UID (PS3.5 B.2): unique without a registered root. */
    private static String newUid() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes =
                ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }
}

package org.readroom.core.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.deid.CaseFileConverter;
import org.readroom.core.dicom.deid.Conversion;
import org.readroom.core.dicom.deid.ConvertedImage;
import org.readroom.core.dicom.deid.DeidSession;
import org.readroom.core.dicom.deid.ImportPolicy;
import org.readroom.core.dicom.deid.SourceFileLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CaseFileConverter} with PixelMed: decode with {@link PixelMedDecoder} (truncation, sign extension and
 * non-image classification come from there), de-identify the header with {@link DatasetDeidentifier}, put the decoded
 * frames in uncompressed with {@link NativeImageEncoder}, write Explicit VR Little Endian, decode the written file and
 * compare every stored value with the source's. Nothing it logs or reports quotes the source's path (it often names
 * the patient): log lines carry the file's {@link SourceFileLabel}.
 */
public final class PixelMedCaseConverter implements CaseFileConverter {

    private static final Logger LOG = LoggerFactory.getLogger(PixelMedCaseConverter.class);
    private static final String IMPLEMENTATION_AE_TITLE = "READROOM";
    private static final String SEGMENTATION = "1.2.840.10008.5.1.4.1.1.66.4";
    private static final String SECONDARY_CAPTURE_ROOT = "1.2.840.10008.5.1.4.1.1.7";
    private static final List<String> SCREEN_CAPTURE_MODALITIES = List.of("US", "OT", "SC", "XC", "ES", "GM", "SM");

    private final PixelMedDecoder decoder = new PixelMedDecoder();
    private final DeidSession session;
    private final ImportPolicy policy;
    private final DatasetDeidentifier deidentifier;

    public PixelMedCaseConverter(DeidSession session, ImportPolicy policy) {
        this.session = Objects.requireNonNull(session, "session");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.deidentifier = new DatasetDeidentifier(session);
    }

    @Override
    public Conversion convert(Path source, Path target) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Conversion result;
        try {
            result = convertOrSkip(source, target);
        } catch (IOException | DicomException | RuntimeException e) {
            // The source's path may name the patient: logs carry its label, reasons never quote it.
            LOG.warn("Could not convert {}", SourceFileLabel.of(source), SourceFileLabel.redact(e, source));
            result = new Conversion.Skipped(
                    "could not convert: " + SourceFileLabel.redact(describe(e), source, "the file"));
        } catch (OutOfMemoryError e) {
            LOG.warn(
                    "Could not convert {}: out of memory",
                    SourceFileLabel.of(source),
                    SourceFileLabel.redact(e, source));
            result = new Conversion.Skipped("could not convert: the image does not fit in memory");
        }
        if (result instanceof Conversion.Skipped) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                LOG.warn(
                        "Could not delete the converted file of {}",
                        SourceFileLabel.of(source),
                        SourceFileLabel.redact(e, source));
            }
        }
        return result;
    }

    private Conversion convertOrSkip(Path source, Path target) throws IOException, DicomException {
        DecodeResult decoded = decoder.decode(source);
        if (decoded instanceof DecodeResult.Failed failed) {
            return new Conversion.Skipped(failed.reason());
        }
        DicomImage image = ((DecodeResult.Decoded) decoded).image();
        if (SEGMENTATION.equals(image.sopClassUid())) {
            return new Conversion.Skipped("not a case image: Segmentation (a label map drawn on another series)");
        }
        AttributeList header = new AttributeList();
        header.setDecompressPixelData(false);
        header.read(source.toFile(), TagFromName.PixelData);

        List<String> warnings = new ArrayList<>();
        String burnedIn = text(header, TagFromName.BurnedInAnnotation);
        if (burnedIn.equalsIgnoreCase("YES")) {
            if (!policy.allowBurnedIn()) {
                return new Conversion.Skipped("refused: Burned In Annotation is YES (text in the pixels may identify"
                        + " the patient and is not removed; check the image and import with --allow-burned-in)");
            }
            warnings.add("Burned In Annotation is YES: text in the pixels may identify the patient; check it by eye");
        } else if (burnedIn.isEmpty() && mayHoldScreenText(image)) {
            String kind =
                    image.sopClassUid().startsWith(SECONDARY_CAPTURE_ROOT) ? "secondary capture" : image.modality();
            warnings.add("Burned In Annotation is not stated and " + kind
                    + " images often carry text in the pixels; check it by eye");
        }

        String patientKey = patientKey(header);
        String pseudonym = session.pseudonym(patientKey);
        String originalStudy = text(header, TagFromName.StudyInstanceUID);
        String originalSeries = text(header, TagFromName.SeriesInstanceUID);
        String originalInstance = text(header, TagFromName.SOPInstanceUID);
        deidentifier.apply(header, pseudonym, session.daysBack(patientKey));
        putText(header, TagFromName.PatientName, pseudonym);
        putText(header, TagFromName.PatientID, pseudonym);
        // Old files may lack UIDs: derive stable ones so their images still group and never collide.
        String study = originalStudy.isEmpty()
                ? session.newUid("study of patient " + patientKey)
                : text(header, TagFromName.StudyInstanceUID);
        String series = originalSeries.isEmpty()
                ? session.newUid(
                        "series " + text(header, TagFromName.SeriesNumber) + " " + image.modality() + " of " + study)
                : text(header, TagFromName.SeriesInstanceUID);
        String instance = originalInstance.isEmpty()
                ? session.newUid("file " + source.toAbsolutePath())
                : text(header, TagFromName.SOPInstanceUID);
        putText(header, TagFromName.StudyInstanceUID, study);
        putText(header, TagFromName.SeriesInstanceUID, series);
        putText(header, TagFromName.SOPInstanceUID, instance);
        if (text(header, TagFromName.SOPClassUID).isEmpty()) {
            putText(header, TagFromName.SOPClassUID, image.sopClassUid());
        }

        NativeImageEncoder.encode(header, image);
        FileMetaInformation.addFileMetaInformation(
                header, TransferSyntax.ExplicitVRLittleEndian, IMPLEMENTATION_AE_TITLE);
        Files.deleteIfExists(target);
        header.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

        String mismatch = checkWritten(target, image);
        if (mismatch != null) {
            return new Conversion.Skipped("the converted image did not decode to the same pixels: " + mismatch);
        }
        return new Conversion.Converted(new ConvertedImage(
                pseudonym,
                study,
                series,
                instance,
                text(header, TagFromName.StudyDate),
                image.modality(),
                text(header, TagFromName.BodyPartExamined),
                integer(header, TagFromName.SeriesNumber),
                integer(header, TagFromName.InstanceNumber),
                image.sliceLocation(),
                image.rows(),
                image.columns(),
                image.frameCount(),
                image.bitsStored(),
                image.signed(),
                image.photometric().isColour(),
                warnings));
    }

    /** Null when the written file decodes, as Explicit VR Little Endian, to exactly the source's stored values. */
    private String checkWritten(Path target, DicomImage source) {
        DecodeResult again = decoder.decode(target);
        if (again instanceof DecodeResult.Failed failed) {
            return failed.reason();
        }
        DicomImage written = ((DecodeResult.Decoded) again).image();
        if (!EXPLICIT_VR_LITTLE_ENDIAN.equals(written.transferSyntaxUid())) {
            return "written with transfer syntax " + written.transferSyntaxUid();
        }
        if (written.rows() != source.rows()
                || written.columns() != source.columns()
                || written.frameCount() != source.frameCount()
                || written.bitsStored() != source.bitsStored()
                || written.signed() != source.signed()
                || written.photometric() != source.photometric()) {
            return "geometry or pixel format changed: " + source + " became " + written;
        }
        short[][] before = source.frames();
        short[][] after = written.frames();
        for (int f = 0; f < before.length; f++) {
            if (!Arrays.equals(before[f], after[f])) {
                return "frame " + (f + 1) + " differs";
            }
        }
        return null;
    }

    private static boolean mayHoldScreenText(DicomImage image) {
        return image.sopClassUid().startsWith(SECONDARY_CAPTURE_ROOT)
                || SCREEN_CAPTURE_MODALITIES.contains(image.modality());
    }

    /** Whose files these are, for the pseudonym and the date offset; a file without patient fields is its own study's. */
    private static String patientKey(AttributeList header) {
        String id = text(header, TagFromName.PatientID);
        if (!id.isEmpty()) {
            return "id:" + text(header, TagFromName.IssuerOfPatientID) + "|" + id;
        }
        String name = text(header, TagFromName.PatientName);
        if (!name.isEmpty()) {
            return "name:" + name + "|" + text(header, TagFromName.PatientBirthDate);
        }
        return "study:" + text(header, TagFromName.StudyInstanceUID);
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    private static int integer(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleIntegerValueOrDefault(list, tag, 0);
    }

    private static void putText(AttributeList list, AttributeTag tag, String value) throws DicomException {
        list.remove(tag);
        list.putNewAttribute(tag).addValue(value);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}

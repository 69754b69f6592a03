package org.readroom.core.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SOPClassDescriptions;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.deid.SourceFileLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DicomDecoder} backed by PixelMed's {@code AttributeList}, which also decompresses encapsulated pixel data
 * (RLE, JPEG, JPEG 2000) while reading. Adds what PixelMed leaves out: truncation detection, non-image
 * classification and a clear reason for every failure.
 */
public final class PixelMedDecoder implements DicomDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(PixelMedDecoder.class);
    private static final int PREAMBLE_LENGTH = 128;
    private static final byte[] DICM = "DICM".getBytes(StandardCharsets.US_ASCII);

    /**
     * Decodes {@code file}. Log lines name the file by its {@link SourceFileLabel}, never by its path (a source path
     * often names the patient), and failure reasons never quote the path either.
     */
    @Override
    public DecodeResult decode(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return new DecodeResult.Decoded(read(file));
        } catch (UndecodableException e) {
            LOG.debug("{}: {}", SourceFileLabel.of(file), SourceFileLabel.redact(e.getMessage(), file, "the file"));
            return new DecodeResult.Failed(SourceFileLabel.redact(e.getMessage(), file, "the file"));
        } catch (IOException | DicomException | RuntimeException | LinkageError e) {
            // PixelMed's codecs throw unchecked exceptions (and a missing ImageIO plug-in a LinkageError);
            // a broken file must never take the caller down with it.
            LOG.warn("Could not decode {}", SourceFileLabel.of(file), SourceFileLabel.redact(e, file));
            return new DecodeResult.Failed(
                    "could not read DICOM file: " + SourceFileLabel.redact(describe(e), file, "the file"));
        } catch (OutOfMemoryError e) {
            // A corrupt value length makes PixelMed allocate the declared size in one go; when that single
            // allocation fails nothing else has been touched, so the file alone is rejected.
            LOG.warn(
                    "Could not decode {}: a declared value length did not fit in memory",
                    SourceFileLabel.of(file),
                    SourceFileLabel.redact(e, file));
            return new DecodeResult.Failed("could not read DICOM file: a value length is too large (corrupt file?)");
        }
    }

    private static DicomImage read(Path file) throws IOException, DicomException, UndecodableException {
        if (!Files.isRegularFile(file)) {
            throw new UndecodableException("not a DICOM file: not a readable file");
        }
        // Without the Part 10 preamble PixelMed guesses an encoding for any bytes at all (a text file "masquerades
        // as big endian"), so a file without it must at least start like a bare DICOM data set.
        byte[] head = head(file);
        if (!hasPart10Prefix(head) && !RawDataSet.looksLikeOne(head)) {
            throw new UndecodableException("not a DICOM file");
        }
        // First the header only, up to Pixel Data: enough to turn away reports, plans and waveforms before any
        // pixel is read or any codec runs.
        AttributeList header = new AttributeList();
        header.setDecompressPixelData(false);
        long headerBytes = header.read(file.toFile(), TagFromName.PixelData);
        if (header.isEmpty()) {
            throw new UndecodableException("not a DICOM file");
        }
        String transferSyntaxUid = string(header, TagFromName.TransferSyntaxUID);
        String sopClassUid = sopClassUid(header);
        if (SOPClass.isStorage(sopClassUid) && !SOPClass.isImageStorage(sopClassUid)) {
            throw new UndecodableException("not an image: SOP class " + sopClassName(sopClassUid));
        }
        boolean compressed = !transferSyntaxUid.isEmpty() && TransferSyntax.isEncapsulated(transferSyntaxUid);
        if (!compressed) {
            Attribute pixelData = NativePixelData.read(file, header, headerBytes, transferSyntaxUid);
            if (pixelData != null) {
                header.put(pixelData);
                return PixelModuleReader.toImage(header, transferSyntaxUid, sopClassUid);
            }
        }
        // Everything else goes through PixelMed's full read, still without decompressing, so a cut-off file
        // is recognised by the bytes PixelMed did not consume.
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        long bytesRead = list.read(file.toFile());
        if (list.getPixelData() == null) {
            throw missingPixelData(list, sopClassUid, compressed, Files.size(file) - bytesRead);
        }
        if (compressed) {
            // Turn away colour encodings we could not show anyway before a codec gets the chance to fail on them.
            PixelModuleReader.photometric(list);
            list = decompressingRead(file, transferSyntaxUid);
        }
        return PixelModuleReader.toImage(list, transferSyntaxUid, sopClassUid);
    }

    private static AttributeList decompressingRead(Path file, String transferSyntaxUid)
            throws IOException, UndecodableException {
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile());
        } catch (DicomException | RuntimeException e) {
            throw new UndecodableException("compressed pixel data could not be decoded ("
                    + new TransferSyntax(transferSyntaxUid).getDescription() + "): " + describe(e));
        }
        if (list.getPixelData() == null) {
            throw new UndecodableException("compressed pixel data could not be decoded ("
                    + new TransferSyntax(transferSyntaxUid).getDescription() + ")");
        }
        return list;
    }

    /** PixelMed stops quietly at a cut-off Pixel Data element; the bytes it did not consume are what was found. */
    private static UndecodableException missingPixelData(
            AttributeList list, String sopClassUid, boolean compressed, long unread) {
        if (compressed && unread > 0) {
            return new UndecodableException("pixel data truncated: compressed data ends after " + unread + " bytes");
        }
        long expected = PixelModuleReader.expectedPixelDataBytes(list);
        if (expected > 0 && unread > 0) {
            return new UndecodableException(
                    "pixel data truncated: expected " + expected + " bytes, found " + Math.min(unread, expected));
        }
        if (sopClassUid.isEmpty()) {
            return new UndecodableException("not an image: no pixel data and no SOP Class UID");
        }
        return new UndecodableException("not an image: no pixel data (SOP class " + sopClassName(sopClassUid) + ")");
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PREAMBLE_LENGTH + DICM.length);
        }
    }

    private static boolean hasPart10Prefix(byte[] head) {
        return head.length == PREAMBLE_LENGTH + DICM.length
                && Arrays.equals(head, PREAMBLE_LENGTH, head.length, DICM, 0, DICM.length);
    }

    private static String sopClassUid(AttributeList list) {
        String uid = string(list, TagFromName.SOPClassUID);
        return uid.isEmpty() ? string(list, TagFromName.MediaStorageSOPClassUID) : uid;
    }

    private static String string(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    static String sopClassName(String sopClassUid) {
        if (sopClassUid.isEmpty()) {
            return "(none)";
        }
        String description = SOPClassDescriptions.getDescriptionFromUID(sopClassUid);
        if (description == null || description.isBlank()) {
            return sopClassUid;
        }
        return description.endsWith(" Storage")
                ? description.substring(0, description.length() - " Storage".length())
                : description;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}

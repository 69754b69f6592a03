package org.readroom.core.dicom.deid;

import java.nio.file.Path;
import org.readroom.core.dicom.pixelmed.PixelMedCaseConverter;

/**
 * Turns one source DICOM file into a case image kiosks can show on their fast path: de-identified with the
 * {@link BasicProfile}, every frame decoded and written again uncompressed as Explicit VR Little Endian, then decoded
 * once more and compared with the source's pixels. Never throws for bad input: every problem is a
 * {@link Conversion.Skipped}.
 */
public interface CaseFileConverter {

    /** The transfer syntax of every written file. */
    String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    /**
     * Converts {@code source} into {@code target} (created or replaced). On {@link Conversion.Skipped} the target
     * does not exist afterwards.
     */
    Conversion convert(Path source, Path target);

    /** The converter backed by PixelMed; one per import, since the session's replacements must stay consistent. */
    static CaseFileConverter pixelMed(DeidSession session, ImportPolicy policy) {
        return new PixelMedCaseConverter(session, policy);
    }
}

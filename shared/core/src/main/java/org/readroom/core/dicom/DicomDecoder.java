package org.readroom.core.dicom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.readroom.core.dicom.pixelmed.PixelMedDecoder;

/**
 * Reads one DICOM file into a {@link DicomImage}. Implementations never throw for bad input: every problem comes
 * back as {@link DecodeResult.Failed}, so an import can report each file and carry on.
 */
public interface DicomDecoder {

    DecodeResult decode(Path file);

    /** The decoder backed by the PixelMed toolkit (the only DICOM toolkit ReadRoom uses). */
    static DicomDecoder pixelMed() {
        return new PixelMedDecoder();
    }

    /**
     * Wraps {@code decoder} so that decoding runs on {@code executor} and gives up after {@code limit} with a
     * {@link DecodeResult.Failed} saying "decoding took longer than N s": a bad file never hangs the caller.
     */
    static TimeLimitedDecoder withTimeLimit(DicomDecoder decoder, Duration limit, Executor executor) {
        return new TimeLimitedDecoder(decoder, limit, executor);
    }
}

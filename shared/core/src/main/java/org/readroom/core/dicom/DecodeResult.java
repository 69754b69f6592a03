package org.readroom.core.dicom;

import java.util.Objects;

/** What came of decoding one file: an image, or a sentence saying why there is none. */
public sealed interface DecodeResult {

    /** The file held a displayable grayscale image. */
    record Decoded(DicomImage image) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(image, "image");
        }
    }

    /** The file could not be shown; {@code reason} is a human sentence for logs and import reports. */
    record Failed(String reason) implements DecodeResult {
        public Failed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason must not be blank but was '" + reason + "'");
            }
        }
    }
}

package org.readroom.core.dicom.deid;

import java.util.Objects;

/** What came of converting one source file: a written image, or a sentence saying why it was skipped. */
public sealed interface Conversion {

    /** The target file now holds the de-identified, uncompressed image, checked by decoding it again. */
    record Converted(ConvertedImage image) implements Conversion {
        public Converted {
            Objects.requireNonNull(image, "image");
        }
    }

    /** Nothing usable was written; {@code reason} is one human sentence for the import report. */
    record Skipped(String reason) implements Conversion {
        public Skipped {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason must not be blank but was '" + reason + "'");
            }
        }
    }
}

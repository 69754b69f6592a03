package org.readroom.core.dicom.pixelmed;

/** Signals a file that is DICOM but cannot become a {@code DicomImage}; the message is the user-facing reason. */
final class UndecodableException extends Exception {

    UndecodableException(String reason) {
        super(reason);
    }
}

package org.readroom.server.bank.qti;

import org.readroom.core.bank.SeriesRef;
import org.readroom.server.store.AssetStore;

/**
 * Where a QTI export gets the pictures it puts into the package for other systems: PNG renderings of an item's
 * series at their native pixel size, so hotspot regions (in pixel coordinates) fit them exactly.
 */
public interface QtiImages {

    /** A rendered picture: the PNG file and its size in pixels. */
    record Png(byte[] bytes, int columns, int rows) {}

    /** The picture cannot be made; the message is a sentence about the series (it names no item). */
    final class Unavailable extends Exception {

        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }

    /** Slice {@code slice} of the series (its first frame): the image a hotspot is marked on. */
    Png slice(SeriesRef series, int slice) throws Unavailable;

    /** The series' middle slice (its middle frame), as the case library's thumbnail shows it. */
    Png middle(SeriesRef series) throws Unavailable;

    /** The stored DICOM slices of the case library in {@code assets}, rendered as the server's thumbnails are. */
    static QtiImages caseLibrary(AssetStore assets) {
        return new QtiCaseImages(assets);
    }
}

package org.readroom.server.bank.qti;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.GrayscaleRenderer;
import org.readroom.core.imaging.WindowLevel;
import org.readroom.server.cases.Pictures;
import org.readroom.server.store.AssetStore;

/**
 * Renders a series' stored DICOM slices (content-addressed in the asset store) to PNG at full size with the viewer's
 * own rendering, as the case library's thumbnails are made. The window is the one the kiosk opens the series in: the
 * author's when the item gives one, else the image's opening window. Blocking: call off the event loop.
 */
final class QtiCaseImages implements QtiImages {

    private final AssetStore assets;
    private final DicomDecoder decoder = DicomDecoder.pixelMed();

    QtiCaseImages(AssetStore assets) {
        this.assets = assets;
    }

    @Override
    public Png slice(SeriesRef series, int slice) throws Unavailable {
        return render(series, slice, decode(series, slice), 0);
    }

    @Override
    public Png middle(SeriesRef series) throws Unavailable {
        int slice = series.sliceAssets().size() / 2;
        DicomImage image = decode(series, slice);
        return render(series, slice, image, image.frameCount() / 2);
    }

    private DicomImage decode(SeriesRef series, int slice) throws Unavailable {
        if (slice < 0 || slice >= series.sliceAssets().size()) {
            throw new Unavailable("series " + series.seriesId() + " has "
                    + series.sliceAssets().size() + " images, so there is no image " + (slice + 1));
        }
        Path file = assets.path(series.sliceAssets().get(slice));
        if (!Files.isRegularFile(file)) {
            throw new Unavailable("series " + series.seriesId() + " is not in the case library (" + which(series, slice)
                    + " is missing from the asset store); import the case first");
        }
        DecodeResult result = decoder.decode(file);
        if (result instanceof DecodeResult.Decoded decoded) {
            return decoded.image();
        }
        throw new Unavailable("series " + series.seriesId() + ": " + which(series, slice) + " in the case library"
                + " does not decode: " + ((DecodeResult.Failed) result).reason());
    }

    private static Png render(SeriesRef series, int slice, DicomImage image, int frame) throws Unavailable {
        int columns = image.columns();
        int rows = image.rows();
        int[] argb = new int[rows * columns];
        try {
            WindowLevel window = series.windowCenter() == null
                    ? image.openingWindow()
                    : new WindowLevel(series.windowCenter(), series.windowWidth());
            GrayscaleRenderer.render(image, frame, window, false, argb);
        } catch (IllegalArgumentException e) {
            throw new Unavailable("series " + series.seriesId() + ": " + which(series, slice) + " cannot be shown: "
                    + e.getMessage());
        }
        try {
            return new Png(Pictures.png(argb, columns, rows), columns, rows);
        } catch (IOException e) {
            throw new IllegalStateException("writing a PNG into memory failed", e);
        }
    }

    private static String which(SeriesRef series, int slice) {
        return "its image " + (slice + 1) + " of " + series.sliceAssets().size();
    }
}

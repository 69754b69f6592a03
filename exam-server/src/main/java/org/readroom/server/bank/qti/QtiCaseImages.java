package org.readroom.server.bank.qti;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.GrayscaleRenderer;
import org.readroom.core.imaging.WindowLevel;
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
        BufferedImage picture;
        if (isGrey(argb)) {
            // Levels go into the raster as they are: setRGB would convert them to a linear grey and darken them.
            picture = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
            int[] levels = new int[argb.length];
            for (int i = 0; i < argb.length; i++) {
                levels[i] = argb[i] & 0xFF;
            }
            picture.getRaster().setSamples(0, 0, columns, rows, 0, levels);
        } else {
            picture = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_RGB);
            picture.setRGB(0, 0, columns, rows, argb, 0, columns);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a PNG into memory failed", e);
        }
        return new Png(out.toByteArray(), columns, rows);
    }

    /** True when every pixel is a shade of grey: such pictures are stored with one 8-bit channel. */
    private static boolean isGrey(int[] argb) {
        for (int pixel : argb) {
            int red = pixel >> 16 & 0xFF;
            if (red != (pixel >> 8 & 0xFF) || red != (pixel & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static String which(SeriesRef series, int slice) {
        return "its image " + (slice + 1) + " of " + series.sliceAssets().size();
    }
}

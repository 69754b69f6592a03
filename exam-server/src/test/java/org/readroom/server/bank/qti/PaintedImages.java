package org.readroom.server.bank.qti;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.readroom.core.bank.SeriesRef;

/**
 * A case library for export tests without DICOM: the series it knows are painted as grey ramps of a given size, each
 * slice differently (so every slice is its own file); any other series is missing, as in a server without the case.
 * The real rendering is tested on stored DICOM in {@code QtiExportIT}.
 */
final class PaintedImages implements QtiImages {

    /** Width and height in pixels of a series' images. */
    record Size(int columns, int rows) {}

    private final Map<String, Size> sizes;

    PaintedImages(Map<String, Size> sizes) {
        this.sizes = Map.copyOf(sizes);
    }

    @Override
    public Png slice(SeriesRef series, int slice) throws Unavailable {
        Size size = sizes.get(series.seriesId());
        if (size == null) {
            throw new Unavailable("series " + series.seriesId() + " is not in the case library");
        }
        BufferedImage picture = new BufferedImage(size.columns(), size.rows(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size.rows(); y++) {
            for (int x = 0; x < size.columns(); x++) {
                picture.getRaster().setSample(x, y, 0, (x + y + 40 * slice) & 0xFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Png(out.toByteArray(), size.columns(), size.rows());
    }

    @Override
    public Png middle(SeriesRef series) throws Unavailable {
        return slice(series, series.sliceAssets().size() / 2);
    }
}

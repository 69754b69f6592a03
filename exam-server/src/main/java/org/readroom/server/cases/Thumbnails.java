package org.readroom.server.cases;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.GrayscaleRenderer;

/**
 * A small PNG of a series for lists: the middle frame through the viewer's own rendering and opening window, in grey
 * or, for a colour series, in colour.
 */
final class Thumbnails {

    static final int MAX_SIZE = 128;

    private Thumbnails() {}

    static byte[] png(DicomImage image) throws IOException {
        int frame = image.frameCount() / 2;
        int[] argb = new int[image.rows() * image.columns()];
        GrayscaleRenderer.render(image, frame, image.openingWindow(), false, argb);
        BufferedImage full = new BufferedImage(image.columns(), image.rows(), BufferedImage.TYPE_INT_RGB);
        full.setRGB(0, 0, image.columns(), image.rows(), argb, 0, image.columns());
        double scale = Math.min(1.0, (double) MAX_SIZE / Math.max(image.rows(), image.columns()));
        int width = Math.max(1, (int) Math.round(image.columns() * scale));
        int height = Math.max(1, (int) Math.round(image.rows() * scale));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = small.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(full, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return Pictures.png(small.getRGB(0, 0, width, height, null, 0, width), width, height);
    }
}

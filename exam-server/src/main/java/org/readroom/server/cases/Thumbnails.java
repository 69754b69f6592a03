package org.readroom.server.cases;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image.photometric().isColour() ? small : grey(small), "png", out)) {
            throw new IOException("no PNG writer in this JVM");
        }
        return out.toByteArray();
    }

    /**
     * The same grey levels in an 8-bit grey picture (a third of the PNG's size). Drawing into a grey image instead
     * would pass the levels through Java's linear grey colour space and darken the mid-tones.
     */
    private static BufferedImage grey(BufferedImage rgb) {
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        int[] pixels = rgb.getRGB(0, 0, width, height, null, 0, width);
        int[] levels = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            levels[i] = pixels[i] >> 8 & 0xFF; // green: equal to red and blue in a grey rendering
        }
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, width, height, 0, levels);
        return grey;
    }
}

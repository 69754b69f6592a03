package org.readroom.server.cases;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Rendered pixels as a PNG file: an 8-bit grey picture when every pixel is a shade of grey (a third of the size),
 * else RGB. Grey levels go into the raster as they are; drawing them into a grey image would pass them through
 * Java's linear grey colour space and darken the mid-tones.
 */
public final class Pictures {

    private Pictures() {}

    /** {@code argb} holds {@code columns * rows} opaque pixels, row by row. */
    public static byte[] png(int[] argb, int columns, int rows) throws IOException {
        BufferedImage picture;
        if (isGrey(argb)) {
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
        if (!ImageIO.write(picture, "png", out)) {
            throw new IOException("no PNG writer in this JVM");
        }
        return out.toByteArray();
    }

    private static boolean isGrey(int[] argb) {
        for (int pixel : argb) {
            int red = pixel >> 16 & 0xFF;
            if (red != (pixel >> 8 & 0xFF) || red != (pixel & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}

package org.readroom.core.dicom;

/**
 * How ReadRoom holds an image's pixels: grayscale (MONOCHROME1 shows low values as white) or colour. Every colour
 * encoding a file may use (RGB in either planar configuration, YBR_FULL, YBR_FULL_422, colour decoded by a JPEG codec)
 * is turned into interleaved RGB when the file is read.
 */
public enum Photometric {
    MONOCHROME1,
    MONOCHROME2,
    RGB;

    /** Stored samples per pixel: 3 (red, green, blue, interleaved) for colour, else 1. */
    public int samplesPerPixel() {
        return this == RGB ? 3 : 1;
    }

    public boolean isColour() {
        return this == RGB;
    }
}

package org.readroom.core.imaging;

/**
 * The unit of a length (or, squared, of an area): millimetres when the image has Pixel Spacing, otherwise pixels.
 * A viewer must say "px" for {@link #PX} and never present it as millimetres.
 */
public enum LengthUnit {
    MM,
    PX
}

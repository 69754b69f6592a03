package org.readroom.core.dicom;

/** The grayscale Photometric Interpretations ReadRoom displays; MONOCHROME1 shows low values as white. */
public enum Photometric {
    MONOCHROME1,
    MONOCHROME2
}

package org.readroom.core.dicom.deid;

/**
 * Choices an import makes about files de-identification cannot clean.
 *
 * @param allowBurnedIn import images marked Burned In Annotation = YES (with a warning) instead of refusing them;
 *     text burned into the pixels is not removed by the profile, so someone must check those images by eye
 */
public record ImportPolicy(boolean allowBurnedIn) {

    /** The default: images with burned-in annotation are refused. */
    public static ImportPolicy strict() {
        return new ImportPolicy(false);
    }
}

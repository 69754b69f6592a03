package org.readroom.core.imaging;

import java.util.Objects;

/**
 * A candidate's answer to a hotspot question: a region on one slice of the shown series, in that image's pixel
 * coordinates (independent of zoom, pan, rotation or flips on screen).
 */
public record HotspotAnswer(int sliceIndex, HotspotRegion region) {

    public HotspotAnswer {
        if (sliceIndex < 0) {
            throw new IllegalArgumentException("sliceIndex must be >= 0 but was " + sliceIndex);
        }
        Objects.requireNonNull(region, "region");
    }
}

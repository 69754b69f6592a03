package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.assets.ContentHash;

/**
 * An imaging series attached to an item: its slices as content-addressed assets (SHA-256 hex), in display order,
 * and the window the author wants it to open in (centre/width; null when the file's own preset is wanted).
 */
public record SeriesRef(
        String seriesId, String description, List<String> sliceAssets, Double windowCenter, Double windowWidth) {

    public SeriesRef {
        Items.requireId("series id", seriesId);
        sliceAssets = List.copyOf(sliceAssets == null ? List.of() : sliceAssets);
        if (sliceAssets.isEmpty()) {
            throw new IllegalArgumentException("series " + seriesId + ": no slices");
        }
        for (String asset : sliceAssets) {
            if (!ContentHash.isSha256(asset)) {
                throw new IllegalArgumentException(
                        "series " + seriesId + ": asset id is not a SHA-256 hex digest: " + asset);
            }
        }
        if ((windowCenter == null) != (windowWidth == null)) {
            throw new IllegalArgumentException(
                    "series " + seriesId + ": window centre and width must be given together");
        }
        if (windowWidth != null && windowWidth < 1) {
            throw new IllegalArgumentException(
                    "series " + seriesId + ": window width must be at least 1, was " + windowWidth);
        }
        description = description == null ? "" : description;
    }
}

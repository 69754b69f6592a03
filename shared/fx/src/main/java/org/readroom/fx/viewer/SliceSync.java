package org.readroom.fx.viewer;

/**
 * Which slice of another series matches the slice a reader is on: the nearest slice position when both series
 * have one per slice (two series of the same volume, even with different slice counts or thicknesses), else the
 * same index, clamped.
 */
final class SliceSync {

    private SliceSync() {}

    static int matchingSlice(SliceStack source, int sourceIndex, SliceStack target) {
        if (source.hasDistinctLocations() && target.hasDistinctLocations()) {
            return target.nearestTo(source.location(sourceIndex));
        }
        return Math.min(sourceIndex, target.size() - 1);
    }
}

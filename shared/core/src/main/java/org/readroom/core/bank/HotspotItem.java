package org.readroom.core.bank;

import java.util.List;
import java.util.Locale;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.text.LocalizedText;

/**
 * "Mark the lesion": the author's region on one frame of one of the item's series, in image pixel coordinates of an
 * image {@code columns} × {@code rows} pixels. A candidate's mark is right when it lies on that frame inside the
 * region (boundary included). The mark travels as answer text {@code "frame:x,y"} (see {@link #answerText}).
 */
public record HotspotItem(
        String id,
        LocalizedText stem,
        String seriesId,
        int frame,
        int columns,
        int rows,
        HotspotRegion region,
        double marks,
        List<SeriesRef> images,
        ItemInfo info)
        implements Item {

    public HotspotItem {
        Items.requireId("item id", id);
        Items.requireStem(id, stem);
        images = Items.images(id, images);
        SeriesRef series = images.stream()
                .filter(s -> s.seriesId().equals(seriesId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("item " + id + ": seriesId " + seriesId
                        + " is not one of the item's images"));
        if (frame < 0 || frame >= series.sliceAssets().size()) {
            throw new IllegalArgumentException("item " + id + ": frame must be 0.." + (series.sliceAssets().size() - 1)
                    + " for series " + seriesId + ", was " + frame);
        }
        if (columns < 1 || rows < 1 || columns > 65535 || rows > 65535) {
            throw new IllegalArgumentException(
                    "item " + id + ": columns and rows must be 1..65535, were " + columns + "x" + rows);
        }
        if (region == null) {
            throw new IllegalArgumentException("item " + id + ": region is missing");
        }
        if (!region.isWithin(columns, rows)) {
            throw new IllegalArgumentException("item " + id + ": region lies outside the " + columns + "x" + rows
                    + " image: " + region);
        }
        Items.requireMarks(id, marks);
        info = ItemInfo.orNone(info);
    }

    /** The answer text for a mark at image point (x, y) on a frame. */
    public static String answerText(int frame, double x, double y) {
        return String.format(Locale.ROOT, "%d:%s,%s", frame, x, y);
    }

    /** True when answer text names a point inside the region on the right frame; unreadable text is simply wrong. */
    public boolean isHit(String answerText) {
        if (answerText == null) {
            return false;
        }
        String[] frameAndPoint = answerText.strip().split(":", -1);
        if (frameAndPoint.length != 2) {
            return false;
        }
        String[] xy = frameAndPoint[1].split(",", -1);
        if (xy.length != 2) {
            return false;
        }
        try {
            int markedFrame = Integer.parseInt(frameAndPoint[0].strip());
            double x = Double.parseDouble(xy[0].strip());
            double y = Double.parseDouble(xy[1].strip());
            return markedFrame == frame && Double.isFinite(x) && Double.isFinite(y) && region.contains(x, y);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public ItemType type() {
        return ItemType.HOTSPOT;
    }
}

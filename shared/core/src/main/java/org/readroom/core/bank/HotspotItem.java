package org.readroom.core.bank;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.readroom.core.imaging.HotspotAnswer;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.text.LocalizedText;

/**
 * "Mark the lesion": the author's region on one frame of one of the item's series, in image pixel coordinates of an
 * image {@code columns} × {@code rows} pixels. A candidate's mark is right when it lies on that frame inside the
 * region (boundary included); that series is the first of {@code images}. The mark travels as answer text {@code "frame:x,y"} (see {@link #answerText}).
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
                .orElseThrow(() -> new IllegalArgumentException(
                        "item " + id + ": seriesId " + seriesId + " is not one of the item's images"));
        if (frame < 0 || frame >= series.sliceAssets().size()) {
            throw new IllegalArgumentException("item " + id + ": frame must be 0.."
                    + (series.sliceAssets().size() - 1) + " for series " + seriesId + ", was " + frame);
        }
        if (columns < 1 || rows < 1 || columns > 65535 || rows > 65535) {
            throw new IllegalArgumentException(
                    "item " + id + ": columns and rows must be 1..65535, were " + columns + "x" + rows);
        }
        if (region == null) {
            throw new IllegalArgumentException("item " + id + ": region is missing");
        }
        if (!region.isWithin(columns, rows)) {
            throw new IllegalArgumentException(
                    "item " + id + ": region lies outside the " + columns + "x" + rows + " image: " + region);
        }
        Items.requireMarks(id, marks);
        info = ItemInfo.orNone(info);
        // The kiosk opens an item's first series: the one to mark comes first.
        List<SeriesRef> ordered = new java.util.ArrayList<>(images);
        ordered.remove(series);
        ordered.add(0, series);
        images = List.copyOf(ordered);
    }

    /** The answer text for a mark at image point (x, y) on a frame. */
    public static String answerText(int frame, double x, double y) {
        return String.format(Locale.ROOT, "%d:%s,%s", frame, x, y);
    }

    /**
     * The answer text for a candidate's mark: a point is itself, an ellipse its centre, a polygon the mean of its
     * vertices.
     */
    public static String answerText(HotspotAnswer answer) {
        Point at;
        if (answer.region() instanceof HotspotRegion.PointRegion point) {
            at = point.at();
        } else if (answer.region() instanceof HotspotRegion.EllipseRegion ellipse) {
            at = ellipse.ellipse().center();
        } else {
            List<Point> vertices = ((HotspotRegion.PolygonRegion) answer.region()).vertices();
            at = new Point(
                    vertices.stream().mapToDouble(Point::x).average().orElseThrow(),
                    vertices.stream().mapToDouble(Point::y).average().orElseThrow());
        }
        return answerText(answer.sliceIndex(), at.x(), at.y());
    }

    /** The mark an answer text names, or empty when the text is not {@code "frame:x,y"}. */
    public static Optional<HotspotAnswer> parseAnswer(String answerText) {
        if (answerText == null) {
            return Optional.empty();
        }
        String[] frameAndPoint = answerText.strip().split(":", -1);
        String[] xy = frameAndPoint.length == 2 ? frameAndPoint[1].split(",", -1) : new String[0];
        if (xy.length != 2) {
            return Optional.empty();
        }
        try {
            int markedFrame = Integer.parseInt(frameAndPoint[0].strip());
            Point at = new Point(Double.parseDouble(xy[0].strip()), Double.parseDouble(xy[1].strip()));
            return markedFrame < 0
                    ? Optional.empty()
                    : Optional.of(new HotspotAnswer(markedFrame, new HotspotRegion.PointRegion(at)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when answer text names a point inside the region on the right frame; unreadable text is simply wrong. */
    public boolean isHit(String answerText) {
        return parseAnswer(answerText)
                .filter(mark -> mark.sliceIndex() == frame)
                .map(mark -> ((HotspotRegion.PointRegion) mark.region()).at())
                .filter(at -> region.contains(at.x(), at.y()))
                .isPresent();
    }

    @Override
    public ItemType type() {
        return ItemType.HOTSPOT;
    }
}

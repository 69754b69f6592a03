package org.readroom.server.bank.qti;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.readroom.core.assets.ContentHash;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.SeriesRef;

/**
 * The pictures of one export. Each is rendered once and stored content-addressed as {@code images/<sha256>.png}, so
 * a picture several items show is one file; every problem (a series missing from the case library, a frame whose size
 * is not the hotspot item's) is collected with the item it belongs to, so the export can name them all.
 */
final class QtiPictures {

    static final String FOLDER = "images/";

    /** Receives each new picture file once, by its path in the package. */
    interface Sink {
        void put(String path, byte[] bytes) throws IOException;
    }

    /** A picture in the package: its manifest resource, path from the package root, size, and what it shows. */
    record Picture(String resource, String path, int columns, int rows, String alt) {}

    /**
     * The pictures of one item or cluster: the frame a hotspot is marked on (null when none) and one per other series;
     * not {@code complete} when some could not be made (the problems say why).
     */
    record Shown(Picture marked, List<Picture> series, boolean complete) {

        List<Picture> all() {
            List<Picture> all = new ArrayList<>();
            if (marked != null) {
                all.add(marked);
            }
            all.addAll(series);
            return all;
        }
    }

    /** What was rendered: slice {@code slice} of the series, or its middle view when {@code slice} is -1. */
    private record Key(SeriesRef series, int slice) {}

    private final QtiImages images;
    private final Sink sink;
    private final Map<Key, Picture> rendered = new HashMap<>();
    private final Map<String, Picture> files = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    QtiPictures(QtiImages images, Sink sink) {
        this.images = images;
        this.sink = sink;
    }

    /**
     * The pictures an item or cluster shows ({@code label} names it in problems, e.g. "item hs-1"): a hotspot's frame,
     * and the middle of each other series. A picture that cannot be made is left out and its problem recorded.
     */
    Shown of(String label, Item item) throws IOException {
        int problemsBefore = problems.size();
        HotspotItem hotspot = item instanceof HotspotItem h ? h : null;
        Picture marked = null;
        if (hotspot != null) {
            SeriesRef markedSeries = hotspot.images().get(0); // a hotspot item lists its marked series first
            marked = picture(label, markedSeries, hotspot.frame());
            if (marked != null && (marked.columns() != hotspot.columns() || marked.rows() != hotspot.rows())) {
                problems.add(label + ": series " + markedSeries.seriesId() + " image " + (hotspot.frame() + 1) + " is "
                        + marked.columns() + "x" + marked.rows() + " pixels, but the item's region is drawn on a "
                        + hotspot.columns() + "x" + hotspot.rows() + " image");
                marked = null;
            }
        }
        List<Picture> shown = new ArrayList<>();
        for (SeriesRef each : item.images()) {
            if (hotspot != null && each.seriesId().equals(hotspot.seriesId())) {
                continue; // shown already, at the frame to mark
            }
            Picture picture = picture(label, each, -1);
            if (picture != null) {
                shown.add(picture);
            }
        }
        return new Shown(marked, List.copyOf(shown), problems.size() == problemsBefore);
    }

    /** Every picture file written, in the order first used. */
    List<Picture> files() {
        return List.copyOf(files.values());
    }

    /** Every problem so far, one sentence each, naming the item and the series. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private Picture picture(String label, SeriesRef series, int slice) throws IOException {
        Key key = new Key(series, slice);
        Picture known = rendered.get(key);
        if (known != null) {
            return known;
        }
        QtiImages.Png png;
        try {
            png = slice < 0 ? images.middle(series) : images.slice(series, slice);
        } catch (QtiImages.Unavailable e) {
            problems.add(label + ": " + e.getMessage());
            return null;
        }
        String sha = ContentHash.sha256(png.bytes());
        String path = FOLDER + sha + ".png";
        int shownSlice = slice < 0 ? series.sliceAssets().size() / 2 : slice;
        String alt = "Series " + series.seriesId()
                + (series.description().isBlank() ? "" : " (" + series.description() + ")") + ", image "
                + (shownSlice + 1) + " of " + series.sliceAssets().size();
        Picture picture = new Picture("image-" + sha, path, png.columns(), png.rows(), alt);
        if (!files.containsKey(path)) {
            sink.put(path, png.bytes());
            files.put(path, picture);
        }
        rendered.put(key, picture);
        return picture;
    }
}

package org.readroom.fx.viewer;

import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.readroom.core.imaging.DisplayTransform;
import org.readroom.core.imaging.HotspotAnswer;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;

/**
 * The keyboard cross of the hotspot tool: a point on the image, always the centre of one pixel, that the arrow keys
 * move pixel by pixel in the direction they point on screen (whatever the rotation or flips) and that Enter marks as
 * the answer. Hidden outside the hotspot tool and after Esc. Use on the JavaFX application thread.
 */
public final class HotspotCursor {

    /** Pixels per arrow key press; with Shift, {@link #FAR_STEP}. */
    static final int STEP = 1;

    static final int FAR_STEP = 10;

    /** The cross stays at least this many view pixels inside the view; the view pans to keep it there. */
    static final double VIEW_MARGIN = 24;

    private final ReadOnlyObjectWrapper<Point> at = new ReadOnlyObjectWrapper<>(this, "at");
    private int columns = 1;
    private int rows = 1;

    /** Where the cross is, in image coordinates (a pixel centre), or null while it is hidden. */
    public ReadOnlyObjectProperty<Point> atProperty() {
        return at.getReadOnlyProperty();
    }

    public Optional<Point> at() {
        return Optional.ofNullable(at.get());
    }

    public boolean isShown() {
        return at.get() != null;
    }

    /** Shows the cross on {@code answer} when there is one, else on the centre of the image's middle pixel. */
    void showOn(Optional<HotspotAnswer> answer, int imageColumns, int imageRows) {
        showAt(
                answer.map(a -> anchorOf(a.region())).orElse(new Point(imageColumns / 2.0, imageRows / 2.0)),
                imageColumns,
                imageRows);
    }

    /** Shows the cross on the centre of the pixel under {@code near} (moved onto the image if outside). */
    void showAt(Point near, int imageColumns, int imageRows) {
        Objects.requireNonNull(near, "near");
        if (imageColumns < 1 || imageRows < 1) {
            throw new IllegalArgumentException(
                    "image size must be at least 1x1 but was " + imageColumns + "x" + imageRows);
        }
        columns = imageColumns;
        rows = imageRows;
        at.set(pixelCentre(near.x(), near.y()));
    }

    void hide() {
        at.set(null);
    }

    /**
     * Moves the cross as a {@code CURSOR_*} command says: {@link #STEP} or {@link #FAR_STEP} image pixels the way the
     * arrow points on screen in {@code transform}, stopping at the image's edge. False when the cross is hidden or
     * {@code command} is not a move of the cross.
     */
    boolean move(ViewerCommand command, DisplayTransform transform) {
        Point now = at.get();
        if (now == null) {
            return false;
        }
        int pixels = STEP;
        int screenDx = 0;
        int screenDy = 0;
        switch (command) {
            case CURSOR_LEFT_FAR, CURSOR_RIGHT_FAR, CURSOR_UP_FAR, CURSOR_DOWN_FAR -> pixels = FAR_STEP;
            default -> {}
        }
        switch (command) {
            case CURSOR_LEFT, CURSOR_LEFT_FAR -> screenDx = -1;
            case CURSOR_RIGHT, CURSOR_RIGHT_FAR -> screenDx = 1;
            case CURSOR_UP, CURSOR_UP_FAR -> screenDy = -1;
            case CURSOR_DOWN, CURSOR_DOWN_FAR -> screenDy = 1;
            default -> {
                return false;
            }
        }
        Point direction = transform.imageDirection(screenDx, screenDy);
        at.set(pixelCentre(now.x() + Math.round(direction.x()) * pixels, now.y() + Math.round(direction.y()) * pixels));
        return true;
    }

    private Point pixelCentre(double x, double y) {
        int column = (int) Math.max(0, Math.min(columns - 1, Math.floor(x)));
        int row = (int) Math.max(0, Math.min(rows - 1, Math.floor(y)));
        return new Point(column + 0.5, row + 0.5);
    }

    /** The point of an answer the cross goes to: the marked point, the ellipse's centre or the polygon's first vertex. */
    static Point anchorOf(HotspotRegion region) {
        if (region instanceof HotspotRegion.PointRegion point) {
            return point.at();
        }
        if (region instanceof HotspotRegion.EllipseRegion ellipse) {
            return ellipse.ellipse().center();
        }
        return ((HotspotRegion.PolygonRegion) region).vertices().get(0);
    }
}

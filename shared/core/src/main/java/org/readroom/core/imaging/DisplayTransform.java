package org.readroom.core.imaging;

/**
 * How an image sits in a view: the last step of the display pipeline. Maps image pixel coordinates to view (screen)
 * coordinates and back, exactly inverse. Immutable; every change returns a copy.
 *
 * <p>An image point {@code p} lands on screen at {@code viewCentre + pan + zoom * F * R * (p - imageCentre)}, where
 * {@code R} turns {@code quarterTurns} times 90° clockwise and {@code F} mirrors the screen axes. Rotations and flips
 * act on what the reader sees (a horizontal flip always mirrors left and right on screen, whatever the rotation).
 *
 * @param zoom screen pixels per image pixel
 * @param panX where the image centre sits right of the view centre, in screen pixels
 * @param panY where the image centre sits below the view centre, in screen pixels
 * @param quarterTurns clockwise rotation in 90° steps, 0..3
 * @param invert show the grey scale inverted (white for low values)
 */
public record DisplayTransform(
        int imageWidth,
        int imageHeight,
        double viewWidth,
        double viewHeight,
        double zoom,
        double panX,
        double panY,
        int quarterTurns,
        boolean flipH,
        boolean flipV,
        boolean invert) {

    public static final double MIN_ZOOM = 0.02;
    public static final double MAX_ZOOM = 64.0;

    // A right-drag of this many screen pixels doubles (up) or halves (down) the zoom.
    private static final double DRAG_PIXELS_PER_DOUBLING = 150.0;

    /** The affine matrix of image → screen: {@code x' = mxx x + mxy y + tx}, {@code y' = myx x + myy y + ty}. */
    public record Matrix(double mxx, double mxy, double tx, double myx, double myy, double ty) {}

    public DisplayTransform {
        requirePositive("imageWidth", imageWidth);
        requirePositive("imageHeight", imageHeight);
        requirePositive("viewWidth", viewWidth);
        requirePositive("viewHeight", viewHeight);
        if (!(zoom >= MIN_ZOOM && zoom <= MAX_ZOOM)) {
            throw new IllegalArgumentException(
                    "zoom must be between " + MIN_ZOOM + " and " + MAX_ZOOM + " but was " + zoom);
        }
        if (!Double.isFinite(panX) || !Double.isFinite(panY)) {
            throw new IllegalArgumentException("pan must be finite but was " + panX + ", " + panY);
        }
        if (quarterTurns < 0 || quarterTurns > 3) {
            throw new IllegalArgumentException("quarterTurns must be between 0 and 3 but was " + quarterTurns);
        }
    }

    private static void requirePositive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0 but was " + value);
        }
    }

    /** The whole image centred in the view, as large as fits, upright, unflipped, not inverted. */
    public static DisplayTransform fit(int imageWidth, int imageHeight, double viewWidth, double viewHeight) {
        double zoom = clampZoom(Math.min(viewWidth / imageWidth, viewHeight / imageHeight));
        return new DisplayTransform(imageWidth, imageHeight, viewWidth, viewHeight, zoom, 0, 0, 0, false, false, false);
    }

    /** The zoom at which the image, as currently rotated, just fits the view. */
    public double fitZoom() {
        boolean sideways = quarterTurns % 2 == 1;
        double shownWidth = sideways ? imageHeight : imageWidth;
        double shownHeight = sideways ? imageWidth : imageHeight;
        return clampZoom(Math.min(viewWidth / shownWidth, viewHeight / shownHeight));
    }

    private static double clampZoom(double zoom) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }

    /** The zoom as a percentage of the image's own size (100 = one screen pixel per image pixel). */
    public double zoomPercent() {
        return zoom * 100.0;
    }

    public Point toScreen(Point image) {
        double x = image.x() - imageWidth / 2.0;
        double y = image.y() - imageHeight / 2.0;
        double rx;
        double ry;
        switch (quarterTurns) {
            case 1 -> {
                rx = -y;
                ry = x;
            }
            case 2 -> {
                rx = -x;
                ry = -y;
            }
            case 3 -> {
                rx = y;
                ry = -x;
            }
            default -> {
                rx = x;
                ry = y;
            }
        }
        if (flipH) {
            rx = -rx;
        }
        if (flipV) {
            ry = -ry;
        }
        return new Point(viewWidth / 2.0 + panX + zoom * rx, viewHeight / 2.0 + panY + zoom * ry);
    }

    public Point toImage(Point screen) {
        Point d = unturned((screen.x() - viewWidth / 2.0 - panX) / zoom, (screen.y() - viewHeight / 2.0 - panY) / zoom);
        return new Point(d.x() + imageWidth / 2.0, d.y() + imageHeight / 2.0);
    }

    /**
     * The image direction that shows as screen direction {@code (screenDx, screenDy)}, with the same length: rotation
     * and flips undone, zoom and pan ignored. A step of one to the right on screen, {@code (1, 0)}, becomes a step of
     * one image pixel along whichever image axis now points right (for keyboard cursors).
     */
    public Point imageDirection(double screenDx, double screenDy) {
        return unturned(screenDx, screenDy);
    }

    // Undoes the flips, then the rotation, of a vector in screen axes.
    private Point unturned(double rx, double ry) {
        if (flipH) {
            rx = -rx;
        }
        if (flipV) {
            ry = -ry;
        }
        return switch (quarterTurns) {
            case 1 -> new Point(ry, -rx);
            case 2 -> new Point(-rx, -ry);
            case 3 -> new Point(-ry, rx);
            default -> new Point(rx, ry);
        };
    }

    /**
     * Panned just enough that image point {@code image} shows at least {@code margin} screen pixels inside the view
     * (or at the view centre, along an axis where the view is narrower than twice the margin); this transform when it
     * already does. Lets a keyboard cursor that moves off screen take the view with it.
     */
    public DisplayTransform keepingInView(Point image, double margin) {
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number >= 0 but was " + margin);
        }
        Point at = toScreen(image);
        double dx = shiftIntoRange(at.x(), margin, viewWidth - margin, viewWidth);
        double dy = shiftIntoRange(at.y(), margin, viewHeight - margin, viewHeight);
        return dx == 0 && dy == 0 ? this : panned(dx, dy);
    }

    private static double shiftIntoRange(double value, double low, double high, double size) {
        if (low > high) {
            return size / 2.0 - value;
        }
        if (value < low) {
            return low - value;
        }
        return value > high ? high - value : 0;
    }

    /** True when screen point {@code screen} shows part of the image. */
    public boolean showsImageAt(Point screen) {
        return toImage(screen).isWithin(imageWidth, imageHeight);
    }

    public Matrix matrix() {
        Point origin = toScreen(new Point(0, 0));
        Point ex = toScreen(new Point(1, 0));
        Point ey = toScreen(new Point(0, 1));
        return new Matrix(
                ex.x() - origin.x(),
                ey.x() - origin.x(),
                origin.x(),
                ex.y() - origin.y(),
                ey.y() - origin.y(),
                origin.y());
    }

    /** Zoomed by {@code factor} (clamped to the zoom limits) keeping the image point under {@code screen} still. */
    public DisplayTransform zoomedAt(double factor, Point screen) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be a finite number > 0 but was " + factor);
        }
        double newZoom = clampZoom(zoom * factor);
        double k = newZoom / zoom;
        double sx = screen.x() - viewWidth / 2.0;
        double sy = screen.y() - viewHeight / 2.0;
        return withZoomAndPan(newZoom, sx + k * (panX - sx), sy + k * (panY - sy));
    }

    /** Zoomed by {@code factor} about the view centre. */
    public DisplayTransform zoomedBy(double factor) {
        return zoomedAt(factor, new Point(viewWidth / 2.0, viewHeight / 2.0));
    }

    /**
     * The zoom factor for a vertical drag of {@code dy} screen pixels: dragging up enlarges, dragging down shrinks,
     * and equal moves up then down cancel out.
     */
    public static double zoomFactorForDrag(double dy) {
        return Math.pow(2.0, -dy / DRAG_PIXELS_PER_DOUBLING);
    }

    public DisplayTransform panned(double dx, double dy) {
        return withZoomAndPan(zoom, panX + dx, panY + dy);
    }

    /** Turned 90° clockwise on screen about the view centre. */
    public DisplayTransform rotatedClockwise() {
        return new DisplayTransform(
                imageWidth,
                imageHeight,
                viewWidth,
                viewHeight,
                zoom,
                -panY,
                panX,
                (quarterTurns + 1) % 4,
                flipV,
                flipH,
                invert);
    }

    /** Turned 90° counter-clockwise on screen about the view centre. */
    public DisplayTransform rotatedCounterClockwise() {
        return new DisplayTransform(
                imageWidth,
                imageHeight,
                viewWidth,
                viewHeight,
                zoom,
                panY,
                -panX,
                (quarterTurns + 3) % 4,
                flipV,
                flipH,
                invert);
    }

    /** Mirrored left-right on screen about the view centre. */
    public DisplayTransform flippedHorizontally() {
        return new DisplayTransform(
                imageWidth, imageHeight, viewWidth, viewHeight, zoom, -panX, panY, quarterTurns, !flipH, flipV, invert);
    }

    /** Mirrored top-bottom on screen about the view centre. */
    public DisplayTransform flippedVertically() {
        return new DisplayTransform(
                imageWidth, imageHeight, viewWidth, viewHeight, zoom, panX, -panY, quarterTurns, flipH, !flipV, invert);
    }

    public DisplayTransform inverted() {
        return new DisplayTransform(
                imageWidth, imageHeight, viewWidth, viewHeight, zoom, panX, panY, quarterTurns, flipH, flipV, !invert);
    }

    /** Fitted to the view and centred, keeping rotation, flips and invert (what a double-click does). */
    public DisplayTransform fitted() {
        return withZoomAndPan(fitZoom(), 0, 0);
    }

    /** Back to {@link #fit}: upright, unflipped, not inverted. */
    public DisplayTransform reset() {
        return fit(imageWidth, imageHeight, viewWidth, viewHeight);
    }

    /**
     * The same framing in a view of a new size: zoom and pan scale with the fitting zoom, so an image that filled
     * the old view fills the new one and a zoomed-in detail stays in place.
     */
    public DisplayTransform resizedTo(double newViewWidth, double newViewHeight) {
        DisplayTransform resized = new DisplayTransform(
                imageWidth,
                imageHeight,
                newViewWidth,
                newViewHeight,
                zoom,
                panX,
                panY,
                quarterTurns,
                flipH,
                flipV,
                invert);
        double ratio = resized.fitZoom() / fitZoom();
        return resized.withZoomAndPan(clampZoom(zoom * ratio), panX * ratio, panY * ratio);
    }

    /** The same view settings for an image of another size (a series of another size loaded in this view). */
    public DisplayTransform forImage(int newImageWidth, int newImageHeight) {
        if (newImageWidth == imageWidth && newImageHeight == imageHeight) {
            return this;
        }
        return new DisplayTransform(
                        newImageWidth,
                        newImageHeight,
                        viewWidth,
                        viewHeight,
                        zoom,
                        0,
                        0,
                        quarterTurns,
                        flipH,
                        flipV,
                        invert)
                .fitted();
    }

    private DisplayTransform withZoomAndPan(double newZoom, double newPanX, double newPanY) {
        return new DisplayTransform(
                imageWidth,
                imageHeight,
                viewWidth,
                viewHeight,
                newZoom,
                newPanX,
                newPanY,
                quarterTurns,
                flipH,
                flipV,
                invert);
    }
}

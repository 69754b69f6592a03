package org.readroom.fx.viewer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.readroom.core.imaging.Angle;
import org.readroom.core.imaging.Annotation;
import org.readroom.core.imaging.DisplayTransform;
import org.readroom.core.imaging.Ellipse;
import org.readroom.core.imaging.EllipseRoi;
import org.readroom.core.imaging.HotspotAnswer;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.imaging.Ruler;

/**
 * Mouse gestures in view coordinates, turned into viewer changes as PACS readers expect (Weasis/OHIF habits):
 * left-drag does what the tool says, right-drag zooms about the pressed point, middle-drag pans, the wheel scrolls
 * the stack (zooms at the cursor with the zoom modifier), double-click fits. Drawing tools work in image coordinates
 * through the current {@link DisplayTransform}, so what is drawn stays on the anatomy when the view changes.
 */
public final class PointerGestures {

    /** A press and release closer than this (view pixels) is a click, not a drag. */
    static final double DRAG_THRESHOLD = 3;

    /** Left-drag in the stack tool moves one slice per this many view pixels. */
    static final double STACK_PIXELS_PER_SLICE = 8;

    static final double WHEEL_ZOOM_FACTOR = 1.1;

    private final ViewerModel model;
    private PointerButton button;
    private Tool gestureTool;
    private Point pressedAt;
    private Point last;
    private boolean dragging;
    private double stackTravel;

    PointerGestures(ViewerModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    public void pressed(PointerButton pressed, double x, double y) {
        Objects.requireNonNull(pressed, "pressed");
        if (model.isEmpty()) {
            return;
        }
        Point at = new Point(x, y);
        button = pressed;
        gestureTool = model.tool();
        pressedAt = at;
        last = at;
        dragging = false;
        stackTravel = 0;
        if (pressed != PointerButton.PRIMARY) {
            return;
        }
        Optional<Draft> draft = model.annotations().draft();
        if (gestureTool == Tool.ANGLE && draft.isPresent()) {
            fixAnglePoint(draft.get().withLast(imagePoint(at)));
            return;
        }
        boolean startsDrawing = gestureTool.draws() && gestureTool != Tool.LESION;
        if (startsDrawing && transform().showsImageAt(at)) {
            Point p = imagePoint(at);
            model.annotations().setDraft(new Draft(gestureTool, List.of(p, p)));
        }
    }

    public void dragged(double x, double y) {
        if (button == null) {
            return;
        }
        Point at = new Point(x, y);
        if (!dragging && at.distanceTo(pressedAt) >= DRAG_THRESHOLD) {
            dragging = true;
        }
        double dx = at.x() - last.x();
        double dy = at.y() - last.y();
        last = at;
        switch (button) {
            case SECONDARY -> zoomAtPress(dy);
            case MIDDLE -> model.setTransform(transform().panned(dx, dy));
            case PRIMARY -> primaryDrag(at, dx, dy);
        }
    }

    private void primaryDrag(Point at, double dx, double dy) {
        switch (gestureTool) {
            case WINDOW -> model.dragWindow(dx, dy);
            case PAN -> model.setTransform(transform().panned(dx, dy));
            case ZOOM -> zoomAtPress(dy);
            case STACK -> {
                // Drag down goes deeper into the stack, like the wheel towards the reader.
                stackTravel += dy;
                int slices = (int) (stackTravel / STACK_PIXELS_PER_SLICE);
                if (slices != 0) {
                    stackTravel -= slices * STACK_PIXELS_PER_SLICE;
                    model.scroll(slices);
                }
            }
            default -> model.annotations().draft().ifPresent(d -> model.annotations()
                    .setDraft(d.withLast(imagePoint(at))));
        }
    }

    private void zoomAtPress(double dy) {
        model.setTransform(transform().zoomedAt(DisplayTransform.zoomFactorForDrag(dy), pressedAt));
    }

    /** Mouse moves with no button: the next point of an angle follows the cursor. */
    public void moved(double x, double y) {
        if (button != null || model.isEmpty()) {
            return;
        }
        model.annotations().draft().filter(d -> d.tool() == Tool.ANGLE).ifPresent(d -> model.annotations()
                .setDraft(d.withLast(imagePoint(new Point(x, y)))));
    }

    public void released(double x, double y) {
        if (button == null) {
            return;
        }
        PointerButton released = button;
        button = null;
        if (released != PointerButton.PRIMARY) {
            return;
        }
        Point at = new Point(x, y);
        Optional<Draft> draft = model.annotations().draft();
        switch (gestureTool) {
            case LENGTH, ELLIPSE, ARROW -> {
                model.annotations().setDraft(null);
                if (dragging) {
                    draft.flatMap(this::draftAnnotation).ifPresent(model.annotations()::add);
                }
            }
            case ANGLE -> {
                if (dragging && draft.isPresent()) {
                    fixAnglePoint(draft.get());
                }
            }
            case HOTSPOT -> draft.ifPresent(this::answer);
            case LESION -> {
                if (!dragging && transform().showsImageAt(at)) {
                    model.annotations()
                            .add(new Annotation.LesionMark(
                                    model.sliceIndex(),
                                    imagePoint(at),
                                    model.annotations().nextLesionNumber()));
                }
            }
            default -> {}
        }
    }

    /** A double-click fits the image to the view, except in tools where clicks place things. */
    public void doubleClicked(PointerButton clicked, double x, double y) {
        if (clicked != PointerButton.PRIMARY || model.isEmpty()) {
            return;
        }
        Tool current = model.tool();
        if (current != Tool.ANGLE && current != Tool.LESION && current != Tool.HOTSPOT) {
            model.execute(ViewerCommand.FIT);
        }
    }

    /**
     * A wheel step: towards the reader ({@code deltaY < 0}) goes deeper into the stack; with the zoom modifier (Ctrl)
     * away from the reader zooms in at the cursor.
     */
    public void wheel(double deltaY, boolean zoomModifier, double x, double y) {
        if (deltaY == 0 || model.isEmpty()) {
            return;
        }
        if (zoomModifier) {
            double factor = deltaY > 0 ? WHEEL_ZOOM_FACTOR : 1 / WHEEL_ZOOM_FACTOR;
            model.setTransform(transform().zoomedAt(factor, new Point(x, y)));
        } else {
            model.scroll(deltaY < 0 ? 1 : -1);
        }
    }

    /** Drops the annotation being drawn. */
    void cancel() {
        if (model.annotations().draft().isPresent()) {
            model.annotations().setDraft(null);
        }
    }

    private void fixAnglePoint(Draft draft) {
        if (draft.points().size() < 3) {
            model.annotations().setDraft(draft.fixLast());
            return;
        }
        model.annotations().setDraft(null);
        draftAnnotation(draft).ifPresent(model.annotations()::add);
    }

    private void answer(Draft draft) {
        model.annotations().setDraft(null);
        Point first = draft.points().get(0);
        Point second = draft.last();
        HotspotRegion region;
        if (dragging && first.x() != second.x() && first.y() != second.y()) {
            region = new HotspotRegion.EllipseRegion(Ellipse.inBox(first, second));
        } else {
            region = new HotspotRegion.PointRegion(first);
        }
        model.annotations().answer(new HotspotAnswer(model.sliceIndex(), region));
    }

    /** The annotation a draft becomes when finished, if it is not degenerate. */
    Optional<Annotation> draftAnnotation(Draft draft) {
        int slice = model.sliceIndex();
        List<Point> p = draft.points();
        Point first = p.get(0);
        Point end = draft.last();
        return switch (draft.tool()) {
            case LENGTH -> Optional.of(new Annotation.LengthMeasurement(slice, new Ruler(first, end)));
            case ARROW -> first.equals(end) ? Optional.empty() : Optional.of(new Annotation.Arrow(slice, first, end));
            case ELLIPSE -> first.x() == end.x() || first.y() == end.y()
                    ? Optional.empty()
                    : Optional.of(
                            new Annotation.EllipseRoiAnnotation(slice, new EllipseRoi(Ellipse.inBox(first, end))));
            case ANGLE -> p.size() == 3 && !first.equals(p.get(1)) && !end.equals(p.get(1))
                    ? Optional.of(new Annotation.AngleMeasurement(slice, new Angle(first, p.get(1), end)))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private DisplayTransform transform() {
        return model.transform();
    }

    /** The image point under view point {@code at}, moved onto the image if it lies outside. */
    private Point imagePoint(Point at) {
        DisplayTransform t = transform();
        return t.toImage(at).clampedTo(t.imageWidth(), t.imageHeight());
    }
}

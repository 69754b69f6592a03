package org.readroom.fx.viewer;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.readroom.core.imaging.Annotation;
import org.readroom.core.imaging.DisplayTransform;
import org.readroom.core.imaging.Ellipse;
import org.readroom.core.imaging.HotspotAnswer;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;

/**
 * Paints a viewport's annotations, the one being drawn and the hotspot answer onto its canvas, in view coordinates
 * through the model's display transform. Lines stay one screen pixel wide whatever the zoom.
 */
final class AnnotationPainter {

    static final Color ANNOTATION = Color.web("#ffd54a");
    static final Color ANSWER = Color.web("#3ddc84");
    static final Color CURSOR = Color.web("#4fc3f7");
    private static final Color SHADOW = Color.color(0, 0, 0, 0.85);
    private static final Font FONT = Font.font(13);
    private static final double LINE_HEIGHT = 16;
    private static final double TICK = 5;
    private static final double ARROW_HEAD = 12;
    private static final double LESION_RADIUS = 9;
    private static final double CURSOR_GAP = 5;
    private static final double CURSOR_ARM = 22;

    private final ViewerModel model;
    // Boxes {left, top, right, bottom} of the labels painted so far in this pass, so labels never overlap.
    private final List<double[]> placed = new ArrayList<>();

    AnnotationPainter(ViewerModel model) {
        this.model = model;
    }

    void paint(GraphicsContext g, double width, double height) {
        g.clearRect(0, 0, width, height);
        placed.clear();
        DisplayTransform t = model.transform();
        if (model.isEmpty() || t == null) {
            return;
        }
        g.setFont(FONT);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setLineDashes();
        for (Annotation annotation : model.annotations().onSlice(model.sliceIndex())) {
            paint(g, t, annotation, width, height);
        }
        model.annotations().draft().ifPresent(draft -> paintDraft(g, t, draft, width, height));
        model.hotspotAnswer().ifPresent(answer -> paintAnswer(g, t, answer, width, height));
        model.hotspotCursor().at().ifPresent(at -> paintCursor(g, t.toScreen(at)));
    }

    /**
     * The keyboard cross: four arms around a gap that leaves the pixel itself visible, with a dark outline so it reads
     * on bone and on air, in a colour of its own so it is not mistaken for the marked answer.
     */
    private static void paintCursor(GraphicsContext g, Point p) {
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? SHADOW : CURSOR);
            g.setLineWidth(pass == 0 ? 4 : 1.5);
            line(g, new Point(p.x() - CURSOR_ARM, p.y()), new Point(p.x() - CURSOR_GAP, p.y()));
            line(g, new Point(p.x() + CURSOR_GAP, p.y()), new Point(p.x() + CURSOR_ARM, p.y()));
            line(g, new Point(p.x(), p.y() - CURSOR_ARM), new Point(p.x(), p.y() - CURSOR_GAP));
            line(g, new Point(p.x(), p.y() + CURSOR_GAP), new Point(p.x(), p.y() + CURSOR_ARM));
        }
    }

    private void paint(GraphicsContext g, DisplayTransform t, Annotation annotation, double width, double height) {
        g.setStroke(ANNOTATION);
        g.setLineWidth(1.5);
        List<String> label = model.label(annotation);
        if (annotation instanceof Annotation.LengthMeasurement length) {
            Point a = t.toScreen(length.ruler().start());
            Point b = t.toScreen(length.ruler().end());
            line(g, a, b);
            tick(g, a, b);
            tick(g, b, a);
            text(g, label, b.x() + 8, b.y() + 4, width, height, ANNOTATION);
        } else if (annotation instanceof Annotation.AngleMeasurement angle) {
            Point a = t.toScreen(angle.angle().first());
            Point v = t.toScreen(angle.angle().vertex());
            Point b = t.toScreen(angle.angle().second());
            line(g, v, a);
            line(g, v, b);
            text(g, label, v.x() + 8, v.y() + 4, width, height, ANNOTATION);
        } else if (annotation instanceof Annotation.EllipseRoiAnnotation roi) {
            double[] box = ellipseBox(t, roi.roi().ellipse());
            g.strokeOval(box[0], box[1], box[2] - box[0], box[3] - box[1]);
            text(g, label, box[2] + 8, box[1], width, height, ANNOTATION);
        } else if (annotation instanceof Annotation.Arrow arrow) {
            arrow(g, t.toScreen(arrow.tail()), t.toScreen(arrow.head()));
        } else if (annotation instanceof Annotation.LesionMark mark) {
            Point p = t.toScreen(mark.at());
            g.strokeOval(p.x() - LESION_RADIUS, p.y() - LESION_RADIUS, 2 * LESION_RADIUS, 2 * LESION_RADIUS);
            line(g, new Point(p.x() - 3, p.y()), new Point(p.x() + 3, p.y()));
            line(g, new Point(p.x(), p.y() - 3), new Point(p.x(), p.y() + 3));
            text(g, label, p.x() + LESION_RADIUS + 3, p.y() - LESION_RADIUS - 4, width, height, ANNOTATION);
        }
    }

    private void paintDraft(GraphicsContext g, DisplayTransform t, Draft draft, double width, double height) {
        Color color = draft.tool() == Tool.HOTSPOT ? ANSWER : ANNOTATION;
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        List<Point> points = draft.points();
        Point first = t.toScreen(points.get(0));
        Point last = t.toScreen(draft.last());
        switch (draft.tool()) {
            case ELLIPSE, HOTSPOT -> g.strokeOval(
                    Math.min(first.x(), last.x()),
                    Math.min(first.y(), last.y()),
                    Math.abs(last.x() - first.x()),
                    Math.abs(last.y() - first.y()));
            case ARROW -> arrow(g, last, first);
            default -> {
                for (int i = 1; i < points.size(); i++) {
                    line(g, t.toScreen(points.get(i - 1)), t.toScreen(points.get(i)));
                }
            }
        }
        g.setLineDashes();
        text(g, model.draftLabel(), last.x() + 8, last.y() + 4, width, height, color);
    }

    private void paintAnswer(GraphicsContext g, DisplayTransform t, HotspotAnswer answer, double width, double height) {
        List<String> label =
                List.of(ViewerMessages.format(model.messages(), ViewerMessages.ANSWER, answer.sliceIndex() + 1));
        if (answer.sliceIndex() != model.sliceIndex()) {
            // Elsewhere in the stack: say where, so the candidate can find their answer again.
            text(g, label, 8, height - LINE_HEIGHT - 8, width, height, ANSWER);
            return;
        }
        g.setStroke(ANSWER);
        g.setLineWidth(2);
        HotspotRegion region = answer.region();
        Point anchor;
        if (region instanceof HotspotRegion.PointRegion point) {
            Point p = t.toScreen(point.at());
            g.strokeOval(p.x() - 10, p.y() - 10, 20, 20);
            line(g, new Point(p.x() - 16, p.y()), new Point(p.x() - 4, p.y()));
            line(g, new Point(p.x() + 4, p.y()), new Point(p.x() + 16, p.y()));
            line(g, new Point(p.x(), p.y() - 16), new Point(p.x(), p.y() - 4));
            line(g, new Point(p.x(), p.y() + 4), new Point(p.x(), p.y() + 16));
            anchor = new Point(p.x() + 14, p.y() + 8);
        } else if (region instanceof HotspotRegion.EllipseRegion ellipse) {
            double[] box = ellipseBox(t, ellipse.ellipse());
            g.strokeOval(box[0], box[1], box[2] - box[0], box[3] - box[1]);
            anchor = new Point(box[2] + 6, box[1]);
        } else {
            List<Point> vertices = ((HotspotRegion.PolygonRegion) region).vertices();
            double[] xs = new double[vertices.size()];
            double[] ys = new double[vertices.size()];
            for (int i = 0; i < vertices.size(); i++) {
                Point p = t.toScreen(vertices.get(i));
                xs[i] = p.x();
                ys[i] = p.y();
            }
            g.strokePolygon(xs, ys, xs.length);
            anchor = new Point(xs[0] + 6, ys[0]);
        }
        text(g, label, anchor.x(), anchor.y(), width, height, ANSWER);
    }

    /** The screen box {minX, minY, maxX, maxY} of an ellipse (still axis-aligned after 90° rotations). */
    private static double[] ellipseBox(DisplayTransform t, Ellipse e) {
        Point a = t.toScreen(new Point(e.center().x() - e.radiusX(), e.center().y() - e.radiusY()));
        Point b = t.toScreen(new Point(e.center().x() + e.radiusX(), e.center().y() + e.radiusY()));
        return new double[] {
            Math.min(a.x(), b.x()), Math.min(a.y(), b.y()), Math.max(a.x(), b.x()), Math.max(a.y(), b.y())
        };
    }

    private static void line(GraphicsContext g, Point a, Point b) {
        g.strokeLine(a.x(), a.y(), b.x(), b.y());
    }

    /** A short tick across the line at {@code at}, so the exact ends of a length are visible. */
    private static void tick(GraphicsContext g, Point at, Point other) {
        double length = at.distanceTo(other);
        if (length == 0) {
            return;
        }
        double nx = -(other.y() - at.y()) / length * TICK;
        double ny = (other.x() - at.x()) / length * TICK;
        g.strokeLine(at.x() - nx, at.y() - ny, at.x() + nx, at.y() + ny);
    }

    private static void arrow(GraphicsContext g, Point tail, Point head) {
        line(g, tail, head);
        double angle = Math.atan2(head.y() - tail.y(), head.x() - tail.x());
        for (double side : new double[] {-0.45, 0.45}) {
            g.strokeLine(
                    head.x(),
                    head.y(),
                    head.x() - ARROW_HEAD * Math.cos(angle + side),
                    head.y() - ARROW_HEAD * Math.sin(angle + side));
        }
    }

    /**
     * Text lines with a dark outline (readable on white bone and black air), kept inside the view and moved down
     * past labels already painted.
     */
    private void text(
            GraphicsContext g, List<String> lines, double x, double y, double width, double height, Color color) {
        if (lines.isEmpty()) {
            return;
        }
        double textWidth = 0;
        for (String line : lines) {
            Text measure = new Text(line);
            measure.setFont(FONT);
            textWidth = Math.max(textWidth, measure.getLayoutBounds().getWidth());
        }
        double textHeight = lines.size() * LINE_HEIGHT;
        double left = Math.max(4, Math.min(x, width - textWidth - 4));
        double top = Math.max(4, Math.min(y, height - textHeight - 4));
        for (int attempt = 0; attempt < placed.size(); attempt++) {
            double[] clash = clash(left, top, left + textWidth, top + textHeight);
            if (clash == null) {
                break;
            }
            top = clash[3] + 2;
        }
        placed.add(new double[] {left, top, left + textWidth, top + textHeight});
        g.setLineWidth(3);
        g.setStroke(SHADOW);
        g.setFill(color);
        for (int i = 0; i < lines.size(); i++) {
            g.strokeText(lines.get(i), left, top + i * LINE_HEIGHT);
            g.fillText(lines.get(i), left, top + i * LINE_HEIGHT);
        }
        g.setLineWidth(1.5);
    }

    private double[] clash(double left, double top, double right, double bottom) {
        for (double[] box : placed) {
            if (left < box[2] && right > box[0] && top < box[3] && bottom > box[1]) {
                return box;
            }
        }
        return null;
    }
}

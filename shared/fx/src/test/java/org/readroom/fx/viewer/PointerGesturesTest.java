package org.readroom.fx.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readroom.core.imaging.Annotation;
import org.readroom.core.imaging.DisplayTransform;
import org.readroom.core.imaging.HotspotAnswer;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.imaging.WindowLevel;

/**
 * The reading tools driven as the view drives them, without a toolkit. The 100x100 test image fills a 400x400 view
 * at zoom 4, so view point (x, y) shows image point ((x - 200) / 4 + 50, (y - 200) / 4 + 50) until the view changes.
 */
class PointerGesturesTest {

    private final ViewerModel model = new ViewerModel(ViewerMessages.forLocale(Locale.ENGLISH));
    private final PointerGestures pointer = model.pointer();

    @BeforeEach
    void showTheTestStack() {
        model.setViewSize(400, 400);
        model.show(TestSeries.stack(24, 0, 5), Optional.empty());
    }

    private void drag(PointerButton button, double fromX, double fromY, double toX, double toY) {
        pointer.pressed(button, fromX, fromY);
        pointer.dragged((fromX + toX) / 2, (fromY + toY) / 2);
        pointer.dragged(toX, toY);
        pointer.released(toX, toY);
    }

    private void click(double x, double y) {
        pointer.pressed(PointerButton.PRIMARY, x, y);
        pointer.released(x, y);
    }

    @Test
    void leftDragInTheWindowToolChangesWidthHorizontallyAndCentreVertically() {
        pointer.pressed(PointerButton.PRIMARY, 100, 100);
        pointer.dragged(356, 100);
        // Lung window 1500 wide: 1500/256 HU per pixel, 256 pixels right doubles the width.
        assertEquals(new WindowLevel(-600, 3000), model.windowLevel());
        pointer.dragged(356, 110);
        assertTrue(model.windowLevel().center() > -600, "dragging down raises the centre");
        pointer.released(356, 110);
    }

    @Test
    void lengthIsShownInMillimetresFromThePixelSpacing() {
        model.selectTool(Tool.LENGTH);
        drag(PointerButton.PRIMARY, 40, 200, 360, 200);
        Annotation.LengthMeasurement length = assertInstanceOf(
                Annotation.LengthMeasurement.class, model.annotations().all().get(0));
        assertEquals(new Point(10, 50), length.ruler().start());
        assertEquals(new Point(90, 50), length.ruler().end());
        assertEquals(List.of("56.0 mm"), model.label(length), "80 pixels of 0.7 mm");
    }

    @Test
    void lengthWithoutPixelSpacingSaysPixels() {
        model.show(List.of(TestSeries.ct(100, 0, Optional.empty(), (c, r) -> 0)), Optional.empty());
        model.selectTool(Tool.LENGTH);
        drag(PointerButton.PRIMARY, 40, 200, 360, 200);
        assertEquals(List.of("80.0 px"), model.label(model.annotations().all().get(0)));
    }

    @Test
    void lengthLabelIsLiveWhileDrawing() {
        model.selectTool(Tool.LENGTH);
        pointer.pressed(PointerButton.PRIMARY, 200, 200);
        pointer.dragged(240, 200);
        assertEquals(List.of("7.0 mm"), model.draftLabel());
        assertTrue(model.annotations().all().isEmpty(), "nothing stored before the release");
    }

    @Test
    void clickWithoutDragDrawsNoLength() {
        model.selectTool(Tool.LENGTH);
        click(200, 200);
        assertTrue(model.annotations().all().isEmpty());
        assertTrue(model.annotations().draft().isEmpty());
    }

    @Test
    void ellipseRoiShowsMeanSdAndAreaInHounsfieldUnits() {
        model.selectTool(Tool.ELLIPSE);
        // Image box (46, 46)-(54, 54): a circle of radius 4 across the 0 | 100 HU boundary at column 50.
        drag(PointerButton.PRIMARY, 184, 184, 216, 216);
        Annotation roi = model.annotations().all().get(0);
        assertInstanceOf(Annotation.EllipseRoiAnnotation.class, roi);
        assertEquals(
                List.of("Mean 50.0  SD 50.0  HU", "Min 0.0  Max 100.0", "Area 24.6 mm²  (52 pixels)"),
                model.label(roi));
    }

    @Test
    void roiTextIsTranslated() {
        ViewerModel chinese = new ViewerModel(ViewerMessages.forLocale(Locale.SIMPLIFIED_CHINESE));
        chinese.setViewSize(400, 400);
        chinese.show(TestSeries.stack(3, 0, 5), Optional.empty());
        chinese.selectTool(Tool.ELLIPSE);
        chinese.pointer().pressed(PointerButton.PRIMARY, 184, 184);
        chinese.pointer().dragged(216, 216);
        chinese.pointer().released(216, 216);
        assertEquals(
                List.of("均值 50.0  标准差 50.0  HU", "最小 0.0  最大 100.0", "面积 24.6 mm²（52 个像素）"),
                chinese.label(chinese.annotations().all().get(0)));
    }

    @Test
    void angleIsDrawnWithThreeClicksAndReadsNinetyDegrees() {
        model.selectTool(Tool.ANGLE);
        click(300, 200);
        pointer.moved(250, 150);
        assertEquals(2, model.annotations().draft().orElseThrow().points().size(), "second point follows the mouse");
        click(200, 200);
        click(200, 100);
        Annotation angle = model.annotations().all().get(0);
        assertInstanceOf(Annotation.AngleMeasurement.class, angle);
        assertEquals(List.of("90.0°"), model.label(angle));
        assertTrue(model.annotations().draft().isEmpty());
    }

    @Test
    void angleFirstArmCanBeDragged() {
        model.selectTool(Tool.ANGLE);
        drag(PointerButton.PRIMARY, 300, 200, 200, 200);
        click(300, 300);
        assertEquals(List.of("45.0°"), model.label(model.annotations().all().get(0)));
    }

    @Test
    void arrowPointsWhereThePressWas() {
        model.selectTool(Tool.ARROW);
        drag(PointerButton.PRIMARY, 200, 200, 300, 100);
        Annotation.Arrow arrow = assertInstanceOf(
                Annotation.Arrow.class, model.annotations().all().get(0));
        assertEquals(new Point(50, 50), arrow.head());
    }

    @Test
    void lesionMarksAreNumberedInOrder() {
        model.selectTool(Tool.LESION);
        click(100, 100);
        click(300, 300);
        List<Integer> numbers = new ArrayList<>();
        for (Annotation a : model.annotations().all()) {
            numbers.add(((Annotation.LesionMark) a).number());
        }
        assertEquals(List.of(1, 2), numbers);
        assertEquals(List.of("2"), model.label(model.annotations().all().get(1)));
    }

    @Test
    void annotationsBelongToTheirSliceAndDeleteLastThenClearRemoveThem() {
        model.selectTool(Tool.LESION);
        click(100, 100);
        model.scroll(3);
        click(120, 120);
        click(140, 140);
        assertEquals(1, model.annotations().onSlice(0).size());
        assertEquals(2, model.annotations().onSlice(3).size());
        assertTrue(model.execute(ViewerCommand.DELETE_LAST_ANNOTATION));
        assertEquals(1, model.annotations().onSlice(3).size());
        model.execute(ViewerCommand.CLEAR_ANNOTATIONS);
        assertTrue(model.annotations().all().isEmpty());
    }

    @Test
    void drawingOutsideTheImageStartsNothingAndEndsClampedToTheImage() {
        model.setViewSize(400, 800);
        model.selectTool(Tool.LENGTH);
        drag(PointerButton.PRIMARY, 200, 50, 200, 400);
        assertTrue(model.annotations().all().isEmpty(), "pressed in the letterbox above the image");
        drag(PointerButton.PRIMARY, 200, 400, 200, 790);
        Annotation.LengthMeasurement length = assertInstanceOf(
                Annotation.LengthMeasurement.class, model.annotations().all().get(0));
        assertEquals(100.0, length.ruler().end().y(), 1e-9, "ends on the image's bottom edge");
    }

    @Test
    void escapeDropsTheDrawing() {
        model.selectTool(Tool.ANGLE);
        click(300, 200);
        assertTrue(model.execute(ViewerCommand.CANCEL_DRAWING));
        assertTrue(model.annotations().draft().isEmpty());
    }

    @Test
    void hotspotClickThroughAZoomedAndPannedViewAnswersInImageCoordinates() {
        List<HotspotAnswer> saved = new ArrayList<>();
        model.setHotspotEnabled(true);
        model.setOnHotspotAnswer(saved::add);
        model.scroll(7);
        // Ctrl+wheel at (100, 100): zoom 4 -> 4.4, pan becomes (10, 10); then middle-drag pans by (30, -20).
        pointer.wheel(40, true, 100, 100);
        drag(PointerButton.MIDDLE, 100, 100, 130, 80);
        assertEquals(4.4, model.transform().zoom(), 1e-9);
        assertEquals(40, model.transform().panX(), 1e-9);
        assertEquals(-10, model.transform().panY(), 1e-9);
        model.selectTool(Tool.HOTSPOT);
        click(250, 180);

        HotspotAnswer answer = model.hotspotAnswer().orElseThrow();
        assertEquals(7, answer.sliceIndex());
        Point at = assertInstanceOf(HotspotRegion.PointRegion.class, answer.region())
                .at();
        assertEquals(50 + 10 / 4.4, at.x(), 1e-9);
        assertEquals(50 - 10 / 4.4, at.y(), 1e-9);
        assertEquals(List.of(answer), saved, "the kiosk's listener saw the answer once");
        assertEquals(answer, model.hotspotAnswerProperty().get());
    }

    @Test
    void hotspotClickOnARotatedFlippedViewStillAnswersTheImagePoint() {
        model.setHotspotEnabled(true);
        model.execute(ViewerCommand.ROTATE_CLOCKWISE);
        model.execute(ViewerCommand.FLIP_HORIZONTAL);
        model.selectTool(Tool.HOTSPOT);
        DisplayTransform t = model.transform();
        Point screen = t.toScreen(new Point(20, 70));
        click(screen.x(), screen.y());
        Point at =
                ((HotspotRegion.PointRegion) model.hotspotAnswer().orElseThrow().region()).at();
        assertEquals(20, at.x(), 1e-9);
        assertEquals(70, at.y(), 1e-9);
    }

    @Test
    void hotspotDragMarksAnEllipseAndANewAnswerReplacesTheOld() {
        model.setHotspotEnabled(true);
        model.selectTool(Tool.HOTSPOT);
        click(200, 200);
        drag(PointerButton.PRIMARY, 160, 160, 240, 200);
        HotspotRegion.EllipseRegion region = assertInstanceOf(
                HotspotRegion.EllipseRegion.class,
                model.hotspotAnswer().orElseThrow().region());
        assertEquals(new Point(50, 45), region.ellipse().center());
        assertEquals(10, region.ellipse().radiusX(), 1e-9);
        assertEquals(5, region.ellipse().radiusY(), 1e-9);
        assertTrue(region.isWithin(100, 100));
        assertTrue(model.annotations().all().isEmpty(), "an answer is not an annotation");
        model.execute(ViewerCommand.CLEAR_ANNOTATIONS);
        assertTrue(model.hotspotAnswer().isPresent(), "clearing annotations keeps the answer");
    }

    @Test
    void hotspotToolIsOfferedOnlyOnHotspotQuestions() {
        model.selectTool(Tool.HOTSPOT);
        assertEquals(Tool.WINDOW, model.tool());
        model.setHotspotEnabled(true);
        model.selectTool(Tool.HOTSPOT);
        assertEquals(Tool.HOTSPOT, model.tool());
        model.setHotspotEnabled(false);
        assertEquals(Tool.WINDOW, model.tool());
    }

    @Test
    void restoredAnswerShowsWithoutCallingTheListener() {
        List<HotspotAnswer> saved = new ArrayList<>();
        model.setOnHotspotAnswer(saved::add);
        HotspotAnswer answer = new HotspotAnswer(2, new HotspotRegion.PointRegion(new Point(10, 10)));
        model.restoreHotspotAnswer(Optional.of(answer));
        assertEquals(Optional.of(answer), model.hotspotAnswer());
        assertTrue(saved.isEmpty());
    }

    @Test
    void rightDragZoomsAboutThePressedPoint() {
        Point pressed = new Point(120, 260);
        Point under = model.transform().toImage(pressed);
        pointer.pressed(PointerButton.SECONDARY, pressed.x(), pressed.y());
        pointer.dragged(120, 110);
        pointer.released(120, 110);
        assertEquals(8.0, model.transform().zoom(), 1e-9, "150 pixels up doubles the zoom");
        Point stillUnder = model.transform().toImage(pressed);
        assertEquals(under.x(), stillUnder.x(), 1e-9);
        assertEquals(under.y(), stillUnder.y(), 1e-9);
    }

    @Test
    void wheelScrollsAndCtrlWheelZoomsAtTheCursor() {
        pointer.wheel(-40, false, 200, 200);
        assertEquals(1, model.sliceIndex(), "towards the reader goes deeper");
        pointer.wheel(40, false, 200, 200);
        assertEquals(0, model.sliceIndex());
        pointer.wheel(40, true, 50, 50);
        assertEquals(4.4, model.transform().zoom(), 1e-9);
        assertEquals(0, model.sliceIndex());
    }

    @Test
    void stackToolScrollsOneSlicePerEightPixelsOfDrag() {
        model.selectTool(Tool.STACK);
        drag(PointerButton.PRIMARY, 200, 100, 200, 140);
        assertEquals(5, model.sliceIndex());
    }

    @Test
    void doubleClickFitsTheImageButKeepsTheWindow() {
        model.execute(ViewerCommand.ZOOM_IN);
        model.execute(ViewerCommand.PAN_LEFT);
        model.applyPreset(WindowLevel.BONE);
        pointer.doubleClicked(PointerButton.PRIMARY, 10, 10);
        assertEquals(4.0, model.transform().zoom(), 1e-9);
        assertEquals(0.0, model.transform().panX());
        assertEquals(WindowLevel.BONE, model.windowLevel());
    }

    @Test
    void annotationsStayOnTheAnatomyWhenTheViewZooms() {
        model.selectTool(Tool.LESION);
        click(240, 200);
        Point before = ((Annotation.LesionMark) model.annotations().all().get(0)).at();
        model.execute(ViewerCommand.ZOOM_IN);
        model.execute(ViewerCommand.ROTATE_CLOCKWISE);
        assertEquals(before, ((Annotation.LesionMark) model.annotations().all().get(0)).at());
        assertFalse(model.transform().toScreen(before).equals(new Point(240, 200)), "but moves on screen");
    }
}

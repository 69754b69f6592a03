package org.readroom.fx.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readroom.core.imaging.DisplayTransform;
import org.readroom.core.imaging.HotspotAnswer;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;

/**
 * Answering a hotspot question by keyboard, without a toolkit: the model is driven with exactly the calls
 * {@link ViewerKeys} makes (X selects the tool; arrows, Shift+arrows, Enter and Esc run the CURSOR_*, MARK_ANSWER and
 * CANCEL_DRAWING commands, and fall through to scrolling when those say false). The 100x100 test image fills a
 * 400x400 view at zoom 4.
 */
class HotspotCursorTest {

    private final ViewerModel model = new ViewerModel(ViewerMessages.forLocale(Locale.ENGLISH));
    private final List<HotspotAnswer> saved = new ArrayList<>();

    @BeforeEach
    void showTheTestStack() {
        model.setViewSize(400, 400);
        model.show(TestSeries.stack(24, 0, 5), Optional.empty());
        model.setHotspotEnabled(true);
        model.setOnHotspotAnswer(saved::add);
    }

    private Point cross() {
        return model.hotspotCursor().at().orElseThrow(() -> new AssertionError("the cross is hidden"));
    }

    /** What an arrow key does: the cross command first, the slice command when the cross says no. */
    private void arrow(ViewerCommand crossMove, ViewerCommand otherwise) {
        if (!model.execute(crossMove)) {
            model.execute(otherwise);
        }
    }

    private static Point pointOf(HotspotAnswer answer) {
        return ((HotspotRegion.PointRegion) answer.region()).at();
    }

    @Test
    void pickingTheHotspotToolShowsTheCrossOnTheImageCentre() {
        assertFalse(model.hotspotCursor().isShown(), "no cross in the window tool");
        model.selectTool(Tool.HOTSPOT);
        assertEquals(new Point(50.5, 50.5), cross(), "the centre of the middle pixel");
    }

    @Test
    void arrowsMoveTheCrossOnePixelAndShiftArrowsTenAsSeenOnScreen() {
        model.selectTool(Tool.HOTSPOT);
        assertTrue(model.execute(ViewerCommand.CURSOR_RIGHT));
        assertTrue(model.execute(ViewerCommand.CURSOR_RIGHT));
        assertTrue(model.execute(ViewerCommand.CURSOR_UP));
        assertEquals(new Point(52.5, 49.5), cross());
        assertTrue(model.execute(ViewerCommand.CURSOR_DOWN_FAR));
        assertTrue(model.execute(ViewerCommand.CURSOR_LEFT_FAR));
        assertEquals(new Point(42.5, 59.5), cross());
        assertEquals(0, model.sliceIndex(), "the arrows did not scroll");
    }

    @Test
    void enterMarksThePixelUnderTheCrossOnARotatedZoomedFlippedView() {
        model.execute(ViewerCommand.ROTATE_CLOCKWISE);
        model.execute(ViewerCommand.ZOOM_IN);
        model.execute(ViewerCommand.FLIP_VERTICAL);
        model.execute(ViewerCommand.NEXT_SLICE);
        model.selectTool(Tool.HOTSPOT);
        DisplayTransform t = model.transform();
        Point start = cross();
        Point startOnScreen = t.toScreen(start);

        for (int i = 0; i < 3; i++) {
            model.execute(ViewerCommand.CURSOR_RIGHT);
        }
        model.execute(ViewerCommand.CURSOR_DOWN_FAR);
        assertTrue(model.execute(ViewerCommand.MARK_ANSWER));

        // On screen the cross went 3 pixels right and 10 down, each image pixel 5 view pixels wide at zoom 5...
        Point onScreen = t.toScreen(cross());
        assertEquals(5.0, t.zoom(), 1e-9);
        assertEquals(startOnScreen.x() + 15, onScreen.x(), 1e-9);
        assertEquals(startOnScreen.y() + 50, onScreen.y(), 1e-9);
        // ...which, turned clockwise and flipped top to bottom, is 3 pixels towards the image's top and 10 to its
        // left, and is what was marked, on the slice shown, through the same listener as a click.
        HotspotAnswer answer = model.hotspotAnswer().orElseThrow();
        assertEquals(new Point(50.5 - 10, 50.5 - 3), pointOf(answer));
        assertEquals(1, answer.sliceIndex());
        assertEquals(List.of(answer), saved);
        assertTrue(model.hotspotCursor().isShown(), "the cross stays for another try");
    }

    @Test
    void escHidesTheCrossAndLeavesNoAnswerAndTheArrowsScrollAgain() {
        model.selectTool(Tool.HOTSPOT);
        model.execute(ViewerCommand.CURSOR_RIGHT_FAR);
        assertTrue(model.execute(ViewerCommand.CANCEL_DRAWING));

        assertFalse(model.hotspotCursor().isShown());
        assertFalse(model.execute(ViewerCommand.MARK_ANSWER), "Enter means nothing here now");
        assertTrue(model.hotspotAnswer().isEmpty());
        assertEquals(List.of(), saved);
        arrow(ViewerCommand.CURSOR_DOWN, ViewerCommand.NEXT_SLICE);
        assertEquals(1, model.sliceIndex());
        assertEquals(Tool.HOTSPOT, model.tool(), "Esc keeps the tool");

        model.selectTool(Tool.HOTSPOT);
        assertEquals(new Point(50.5, 50.5), cross(), "X shows the cross again, from the centre");
    }

    @Test
    void arrowsScrollSlicesInTheOtherTools() {
        for (Tool tool : List.of(Tool.WINDOW, Tool.PAN, Tool.ZOOM, Tool.STACK, Tool.LENGTH, Tool.LESION)) {
            model.selectTool(tool);
            int before = model.sliceIndex();
            arrow(ViewerCommand.CURSOR_DOWN, ViewerCommand.NEXT_SLICE);
            arrow(ViewerCommand.CURSOR_RIGHT, ViewerCommand.NEXT_SLICE);
            assertEquals(before + 2, model.sliceIndex(), tool.name());
            assertFalse(model.execute(ViewerCommand.MARK_ANSWER), tool.name());
        }
        assertTrue(model.hotspotAnswer().isEmpty());
    }

    @Test
    void theCrossStopsAtTheEdgeOfTheImage() {
        model.selectTool(Tool.HOTSPOT);
        for (int i = 0; i < 8; i++) {
            model.execute(ViewerCommand.CURSOR_LEFT_FAR);
            model.execute(ViewerCommand.CURSOR_DOWN_FAR);
        }
        assertEquals(new Point(0.5, 99.5), cross());
    }

    @Test
    void theViewPansToKeepTheCrossInSight() {
        for (int i = 0; i < 5; i++) {
            model.execute(ViewerCommand.ZOOM_IN); // about 12 view pixels per image pixel
        }
        model.selectTool(Tool.HOTSPOT);
        DisplayTransform before = model.transform();
        model.execute(ViewerCommand.CURSOR_UP_FAR);
        assertSame(before, model.transform(), "still in sight: no pan");
        for (int i = 0; i < 3; i++) {
            model.execute(ViewerCommand.CURSOR_RIGHT_FAR);
        }
        Point onScreen = model.transform().toScreen(cross());
        assertEquals(400 - HotspotCursor.VIEW_MARGIN, onScreen.x(), 1e-9);
        assertEquals(before.zoom(), model.transform().zoom(), 1e-9, "panned, not zoomed");
    }

    @Test
    void theCrossStartsOnTheAnswerOnThisSliceAndFollowsAClick() {
        model.restoreHotspotAnswer(
                Optional.of(new HotspotAnswer(0, new HotspotRegion.PointRegion(new Point(20.25, 70.75)))));
        model.selectTool(Tool.HOTSPOT);
        assertEquals(new Point(20.5, 70.5), cross(), "the centre of the answer's pixel");

        Point click = model.transform().toScreen(new Point(80.2, 30.9));
        model.pointer().pressed(PointerButton.PRIMARY, click.x(), click.y());
        model.pointer().released(click.x(), click.y());
        assertEquals(new Point(80.5, 30.5), cross());
        model.execute(ViewerCommand.CURSOR_LEFT);
        model.execute(ViewerCommand.MARK_ANSWER);
        assertEquals(new Point(79.5, 30.5), pointOf(model.hotspotAnswer().orElseThrow()));
        assertEquals(2, saved.size(), "the click's answer, then the keyboard's");

        model.execute(ViewerCommand.CANCEL_DRAWING);
        model.execute(ViewerCommand.NEXT_SLICE);
        model.selectTool(Tool.HOTSPOT);
        assertEquals(new Point(50.5, 50.5), cross(), "the answer is on another slice: start from the centre");
    }

    @Test
    void noCrossWhenHotspotAnsweringIsOff() {
        model.selectTool(Tool.HOTSPOT);
        model.setHotspotEnabled(false);
        assertEquals(Tool.WINDOW, model.tool());
        assertFalse(model.hotspotCursor().isShown());
        model.selectTool(Tool.HOTSPOT);
        assertFalse(model.hotspotCursor().isShown());
        assertFalse(model.execute(ViewerCommand.CURSOR_LEFT));
    }

    @Test
    void keyHintsNameTheArrowsEnterAndShift() {
        var english = ViewerMessages.forLocale(Locale.ENGLISH);
        assertEquals("Left", ViewerKeys.hint(ViewerCommand.CURSOR_LEFT, english));
        assertEquals("Shift+Down", ViewerKeys.hint(ViewerCommand.CURSOR_DOWN_FAR, english));
        assertEquals("Enter", ViewerKeys.hint(ViewerCommand.MARK_ANSWER, english));
        assertTrue(
                ViewerMessages.hotspotKeys(english).contains("Shift, 10 pixels"), ViewerMessages.hotspotKeys(english));
        assertTrue(ViewerMessages.hotspotKeys(ViewerMessages.forLocale(Locale.SIMPLIFIED_CHINESE))
                .contains("10 个像素"));
    }
}

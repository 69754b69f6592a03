package org.readroom.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowLevelTest {

    @Test
    void namedPresetsHaveTheUsualRadiologyValues() {
        assertEquals(new WindowLevel(-600, 1500), WindowLevel.LUNG);
        assertEquals(new WindowLevel(50, 350), WindowLevel.MEDIASTINUM);
        assertEquals(new WindowLevel(40, 80), WindowLevel.BRAIN);
        assertEquals(new WindowLevel(400, 1800), WindowLevel.BONE);
        assertEquals(new WindowLevel(50, 400), WindowLevel.ABDOMEN);
    }

    @Test
    void widthBelowOneIsRefusedWithAMessageNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WindowLevel(40, 0.5));
        assertTrue(e.getMessage().contains("width"), e.getMessage());
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
    }

    @Test
    void nonFiniteCentreIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new WindowLevel(Double.NaN, 400));
        assertTrue(e.getMessage().contains("center"), e.getMessage());
    }

    @Test
    void draggingRightWidensTheWindowAndLeavesTheCentre() {
        WindowLevel dragged = WindowLevel.MEDIASTINUM.dragged(10, 0);
        assertTrue(dragged.width() > WindowLevel.MEDIASTINUM.width());
        assertEquals(WindowLevel.MEDIASTINUM.center(), dragged.center());
    }

    @Test
    void draggingLeftNarrowsTheWindow() {
        assertTrue(WindowLevel.LUNG.dragged(-10, 0).width() < WindowLevel.LUNG.width());
    }

    @Test
    void draggingDownRaisesTheCentreAndUpLowersIt() {
        assertTrue(WindowLevel.LUNG.dragged(0, 10).center() > WindowLevel.LUNG.center());
        assertTrue(WindowLevel.LUNG.dragged(0, -10).center() < WindowLevel.LUNG.center());
        assertEquals(WindowLevel.LUNG.width(), WindowLevel.LUNG.dragged(0, -10).width());
    }

    @Test
    void dragSensitivityScalesWithTheWidth() {
        double lungStep = WindowLevel.LUNG.dragged(1, 0).width() - WindowLevel.LUNG.width();
        double brainStep = WindowLevel.BRAIN.dragged(1, 0).width() - WindowLevel.BRAIN.width();
        assertTrue(lungStep > brainStep, "a wide window should move faster per pixel");
        assertEquals(1.0, brainStep, 1e-9, "at least one unit per pixel");
    }

    @Test
    void draggingFarLeftStopsAtTheMinimumWidth() {
        assertEquals(
                WindowLevel.MIN_WIDTH, WindowLevel.BRAIN.dragged(-10_000, 0).width());
    }

    @Test
    void dragReturnsACopyAndLeavesTheOriginal() {
        WindowLevel original = new WindowLevel(40, 400);
        original.dragged(50, 50);
        assertEquals(new WindowLevel(40, 400), original);
    }

    @Test
    void spanningCoversTheRange() {
        assertEquals(new WindowLevel(500, 1000), WindowLevel.spanning(0, 1000));
        assertEquals(WindowLevel.MIN_WIDTH, WindowLevel.spanning(7, 7).width());
        assertThrows(IllegalArgumentException.class, () -> WindowLevel.spanning(10, 0));
    }

    @Test
    void dragWidthNeverFallsBelowTheMinimum() {
        assertEquals(
                WindowLevel.MIN_WIDTH, WindowLevel.BRAIN.dragged(-10_000, 0).width());
    }

    @Test
    void dragThereAndBackReturnsToTheStartingWindow() {
        WindowLevel there = WindowLevel.MEDIASTINUM.dragged(0, 25);
        assertEquals(WindowLevel.MEDIASTINUM, there.dragged(0, -25));
    }

    @Test
    void diagonalDragChangesWidthAndCentreTogether() {
        // Mediastinum 350 wide: 350/256 units per pixel.
        WindowLevel dragged = WindowLevel.MEDIASTINUM.dragged(256, 256);
        assertEquals(700, dragged.width(), 1e-9);
        assertEquals(400, dragged.center(), 1e-9);
    }
}

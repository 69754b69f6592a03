package org.readroom.fx.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cine on a clock the test moves: the slice shown depends on elapsed time only. */
class CineTest {

    private final TestSeries.ManualClock clock = new TestSeries.ManualClock();
    private final ViewerModel model = new ViewerModel(ViewerMessages.forLocale(Locale.ENGLISH), clock);

    @BeforeEach
    void showAndPlay() {
        model.show(TestSeries.stack(24, 0, 5), Optional.empty());
        model.setCineFps(10);
        model.execute(ViewerCommand.CINE_PLAY_STOP);
    }

    @Test
    void advancesByElapsedTimeTimesSpeed() {
        clock.advanceMillis(250);
        model.cineTick();
        assertEquals(2, model.sliceIndex(), "0.25 s at 10 frames/s");
        clock.advanceMillis(100);
        model.cineTick();
        assertEquals(3, model.sliceIndex());
    }

    @Test
    void manyPulsesWithinOneFrameDoNotAdvance() {
        for (int i = 0; i < 5; i++) {
            clock.advanceMillis(16);
            model.cineTick();
        }
        assertEquals(0, model.sliceIndex(), "80 ms is less than one frame at 10 frames/s");
        clock.advanceMillis(20);
        model.cineTick();
        assertEquals(1, model.sliceIndex());
    }

    @Test
    void slowPulsesSkipFramesInsteadOfSlowingDown() {
        clock.advanceMillis(1000);
        model.cineTick();
        assertEquals(10, model.sliceIndex());
    }

    @Test
    void loopsBackToTheFirstSlice() {
        clock.advanceMillis(2500);
        model.cineTick();
        assertEquals(1, model.sliceIndex(), "25 frames on a 24-slice stack");
    }

    @Test
    void scrollingWhilePlayingContinuesFromTheChosenSlice() {
        clock.advanceMillis(200);
        model.cineTick();
        model.setSliceIndex(15);
        clock.advanceMillis(100);
        model.cineTick();
        assertEquals(15, model.sliceIndex(), "counts from the reader's slice, from now");
        clock.advanceMillis(100);
        model.cineTick();
        assertEquals(16, model.sliceIndex());
    }

    @Test
    void plusAndMinusStepThroughTheSpeedsWithoutJumping() {
        clock.advanceMillis(150);
        model.cineTick();
        assertEquals(1, model.sliceIndex());
        model.execute(ViewerCommand.CINE_FASTER);
        assertEquals(12, model.cine().fps());
        clock.advanceMillis(250);
        model.cineTick();
        assertEquals(4, model.sliceIndex(), "from slice 1, 0.25 s at 12 frames/s");
        model.execute(ViewerCommand.CINE_SLOWER);
        model.execute(ViewerCommand.CINE_SLOWER);
        assertEquals(8, model.cine().fps());
    }

    @Test
    void speedStaysWithinOneToSixtyFramesPerSecond() {
        model.setCineFps(1000);
        assertEquals(60, model.cine().fps());
        model.execute(ViewerCommand.CINE_FASTER);
        assertEquals(60, model.cine().fps());
        model.setCineFps(0);
        assertEquals(1, model.cine().fps());
        model.execute(ViewerCommand.CINE_SLOWER);
        assertEquals(1, model.cine().fps());
    }

    @Test
    void stoppedCineDoesNotMoveAndTheOverlaySaysWhenItPlays() {
        assertTrue(model.overlayText().endsWith("Cine 10 fps"), model.overlayText());
        model.execute(ViewerCommand.CINE_PLAY_STOP);
        assertFalse(model.cine().isPlaying());
        assertFalse(model.overlayText().contains("fps"), model.overlayText());
        clock.advanceMillis(1000);
        model.cineTick();
        assertEquals(0, model.sliceIndex());
    }

    @Test
    void showingAnotherSeriesStopsCine() {
        model.show(TestSeries.stack(5, 0, 5), Optional.empty());
        assertFalse(model.cine().isPlaying());
    }
}

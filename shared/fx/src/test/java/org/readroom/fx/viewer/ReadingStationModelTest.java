package org.readroom.fx.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.WindowLevel;

/** The multi-series layout without a toolkit. */
class ReadingStationModelTest {

    private final ReadingStationModel station = new ReadingStationModel(ViewerMessages.forLocale(Locale.ENGLISH));

    /** 24 slices 5 mm apart and 60 slices 2 mm apart over the same 115-120 mm of the patient. */
    private static final Series THICK = new Series("Axial 5 mm", TestSeries.stack(24, -60, 5));

    private static final Series THIN = new Series("Axial 2 mm", TestSeries.stack(60, -60, 2));

    /** 10 slices that all claim the same position (as frames of one acquisition would). */
    private static Series withoutPositions(int count) {
        List<DicomImage> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slices.add(TestSeries.ct(100, 0, TestSeries.SPACING_0_7, (c, r) -> 0));
        }
        return new Series("Scout", slices);
    }

    @Test
    void viewportsShowTheSeriesInOrderAndRepeatWhenThereAreFewer() {
        station.show(List.of(THICK, THIN));
        assertEquals(24, station.viewports().get(0).sliceCount());
        assertEquals(60, station.viewports().get(1).sliceCount());
        assertEquals(24, station.viewports().get(2).sliceCount());
        assertEquals(0, station.seriesShownProperty(2).get());
    }

    @Test
    void layoutDecidesHowManyViewportsShow() {
        station.show(List.of(THICK, THIN));
        assertEquals(1, station.visibleViewports().size());
        station.setLayout(Layout.ONE_BY_TWO);
        assertEquals(2, station.visibleViewports().size());
        station.setLayout(Layout.TWO_BY_TWO);
        assertEquals(4, station.visibleViewports().size());
    }

    @Test
    void scrollingOneViewportMovesTheOthersToTheSamePosition() {
        station.show(List.of(THICK, THIN));
        station.setLayout(Layout.ONE_BY_TWO);
        station.viewports().get(0).setSliceIndex(12); // at 0 mm
        assertEquals(30, station.viewports().get(1).sliceIndex(), "the 2 mm series' slice at 0 mm");
        station.viewports().get(1).setSliceIndex(33); // at 6 mm
        assertEquals(13, station.viewports().get(0).sliceIndex(), "nearest 5 mm slice to 6 mm is 5 mm");
    }

    @Test
    void withoutPositionsScrollingIsByIndexClampedToTheShorterSeries() {
        station.show(List.of(THICK, withoutPositions(10)));
        station.setLayout(Layout.ONE_BY_TWO);
        station.viewports().get(0).setSliceIndex(4);
        assertEquals(4, station.viewports().get(1).sliceIndex());
        station.viewports().get(0).setSliceIndex(20);
        assertEquals(9, station.viewports().get(1).sliceIndex());
    }

    @Test
    void syncOffLeavesTheOthersWhereTheyAre() {
        station.show(List.of(THICK, THIN));
        station.setLayout(Layout.ONE_BY_TWO);
        station.execute(ViewerCommand.TOGGLE_SYNC);
        assertFalse(station.isSync());
        station.viewports().get(0).setSliceIndex(12);
        assertEquals(0, station.viewports().get(1).sliceIndex());
    }

    @Test
    void hiddenViewportsNeitherLeadNorFollow() {
        station.show(List.of(THICK, THIN));
        station.setLayout(Layout.ONE_BY_TWO);
        station.viewports().get(2).setSliceIndex(12);
        assertEquals(0, station.viewports().get(0).sliceIndex());
        station.viewports().get(0).setSliceIndex(5);
        assertEquals(12, station.viewports().get(2).sliceIndex());
    }

    @Test
    void keysActOnTheActiveViewportAndF6MovesOn() {
        station.show(List.of(THICK, THIN));
        station.setLayout(Layout.TWO_BY_TWO);
        station.execute(ViewerCommand.NEXT_VIEWPORT);
        assertEquals(1, station.activeIndex());
        station.applyPresetKey(4);
        assertEquals(WindowLevel.BONE, station.viewports().get(1).windowLevel());
        assertEquals(WindowLevel.LUNG, station.viewports().get(0).windowLevel(), "the file's first window");
        station.execute(ViewerCommand.PREVIOUS_VIEWPORT);
        station.execute(ViewerCommand.PREVIOUS_VIEWPORT);
        assertEquals(3, station.activeIndex(), "wraps round");
    }

    @Test
    void thumbnailLoadsItsSeriesIntoTheActiveViewport() {
        station.show(List.of(THICK, THIN));
        station.setLayout(Layout.ONE_BY_TWO);
        station.setActive(1);
        station.loadIntoActive(0);
        assertEquals(24, station.viewports().get(1).sliceCount());
        assertEquals(0, station.seriesShownProperty(1).get());
    }

    @Test
    void oneToolForEveryViewport() {
        station.show(List.of(THICK, THIN));
        station.selectTool(Tool.LENGTH);
        for (ViewerModel viewport : station.viewports()) {
            assertEquals(Tool.LENGTH, viewport.tool());
        }
        station.setActive(0);
        station.loadIntoActive(1);
        assertEquals(Tool.LENGTH, station.active().tool(), "a newly loaded series keeps the tool");
    }

    @Test
    void shrinkingTheLayoutBringsTheActiveViewportBackAndStopsHiddenCine() {
        station.show(List.of(THICK, THIN));
        station.setLayout(Layout.TWO_BY_TWO);
        station.setActive(3);
        station.execute(ViewerCommand.CINE_PLAY_STOP);
        assertTrue(station.viewports().get(3).cine().isPlaying());
        station.setLayout(Layout.ONE_BY_ONE);
        assertEquals(0, station.activeIndex());
        assertFalse(station.viewports().get(3).cine().isPlaying());
    }

    @Test
    void activeViewportMustBeVisible() {
        station.show(List.of(THICK));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> station.setActive(1));
        assertTrue(e.getMessage().startsWith("viewport"), e.getMessage());
    }

    @Test
    void seriesWithoutSlicesIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Series("Empty", List.of(), Optional.empty()));
        assertTrue(e.getMessage().startsWith("slices"), e.getMessage());
    }
}

package org.readroom.fx.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.Photometric;
import org.readroom.core.imaging.DisplayTransform;
import org.readroom.core.imaging.Rescale;
import org.readroom.core.imaging.WindowLevel;

/** Runs without a JavaFX toolkit: the model uses only javafx.beans. */
class ViewerModelTest {

    private final ViewerModel model = new ViewerModel(ViewerMessages.forLocale(Locale.ENGLISH));

    private static DicomImage slice(double location, List<WindowLevel> presets, int frames, int size) {
        short[][] values = new short[frames][size * size];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < size * size; i++) {
                values[f][i] = (short) (i * 100 + f);
            }
        }
        return new DicomImage(
                size,
                size,
                frames,
                16,
                true,
                Photometric.MONOCHROME2,
                "CT",
                "1.2.840.10008.5.1.4.1.1.2",
                "1.2.840.10008.1.2.1",
                new Rescale(1, -1024),
                Optional.empty(),
                presets,
                location,
                values);
    }

    private static List<DicomImage> stack(int count) {
        List<DicomImage> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(slice(i * 5.0, List.of(WindowLevel.LUNG, WindowLevel.MEDIASTINUM), 1, 2));
        }
        return images;
    }

    @Test
    void slicesMapBackToTheSeriesOwnOrderForHotspotAnswers() {
        // The series as stored runs head to feet (falling location); the viewer shows it by rising location.
        List<DicomImage> stored = new ArrayList<>(stack(4));
        java.util.Collections.reverse(stored);
        stored.add(1, slice(7.5, List.of(WindowLevel.LUNG), 3, 2)); // a multi-frame image between 5 and 10
        model.show(stored, Optional.empty());
        assertEquals(4, model.sourceIndexOf(0, stored), "the lowest location is the last image stored");
        assertEquals(0, model.sourceIndexOf(model.sliceCount() - 1, stored));
        int multiFrame = model.sliceIndexOfSource(1, stored);
        assertEquals(2, multiFrame, "after the images at 0 and 5");
        assertEquals(1, model.sourceIndexOf(multiFrame + 2, stored), "every frame comes from the same file");
        assertEquals(-1, model.sourceIndexOf(99, stored));
        assertEquals(-1, model.sliceIndexOfSource(99, stored));
    }

    @Test
    void opensOnTheFirstSliceWithTheImagesFirstPreset() {
        model.show(stack(24), Optional.empty());
        assertEquals(0, model.sliceIndex());
        assertEquals(24, model.sliceCount());
        assertEquals(WindowLevel.LUNG, model.windowLevel());
    }

    @Test
    void givenOpeningWindowWinsOverTheFilesPresets() {
        model.show(stack(3), Optional.of(WindowLevel.BONE));
        assertEquals(WindowLevel.BONE, model.windowLevel());
    }

    @Test
    void withoutPresetsTheWindowSpansTheFirstSlice() {
        model.show(List.of(slice(0, List.of(), 1, 2)), Optional.empty());
        // stored values 0, 100, 200, 300 with intercept -1024
        assertEquals(WindowLevel.spanning(-1024, -724), model.windowLevel());
    }

    @Test
    void slicesAreSortedBySliceLocation() {
        DicomImage head = slice(20, List.of(), 1, 2);
        DicomImage feet = slice(-20, List.of(), 1, 2);
        DicomImage middle = slice(0, List.of(), 1, 2);
        model.show(List.of(head, feet, middle), Optional.empty());
        assertSame(feet, model.currentImage());
        model.scroll(1);
        assertSame(middle, model.currentImage());
        model.scroll(1);
        assertSame(head, model.currentImage());
    }

    @Test
    void multiFrameImageIsBrowsedFrameByFrame() {
        DicomImage cine = slice(0, List.of(), 5, 2);
        model.show(List.of(cine), Optional.empty());
        assertEquals(5, model.sliceCount());
        model.scroll(3);
        assertSame(cine, model.currentImage());
        assertEquals(3, model.currentFrame());
    }

    @Test
    void scrollingStopsAtBothEnds() {
        model.show(stack(24), Optional.empty());
        model.scroll(-1);
        assertEquals(0, model.sliceIndex());
        model.scroll(100);
        assertEquals(23, model.sliceIndex());
        model.scroll(1);
        assertEquals(23, model.sliceIndex());
        model.setSliceIndex(-5);
        assertEquals(0, model.sliceIndex());
    }

    @Test
    void pagingMovesATenthOfTheSeries() {
        model.show(stack(24), Optional.empty());
        model.page(1);
        assertEquals(2, model.sliceIndex());
        model.page(-1);
        assertEquals(0, model.sliceIndex());
        model.show(stack(3), Optional.empty());
        model.page(1);
        assertEquals(1, model.sliceIndex(), "at least one slice");
    }

    @Test
    void draggingRightWidensTheWindow() {
        model.show(stack(2), Optional.empty());
        model.dragWindow(40, 0);
        assertTrue(model.windowLevel().width() > WindowLevel.LUNG.width());
        assertEquals(WindowLevel.LUNG.center(), model.windowLevel().center());
    }

    @Test
    void resetRestoresTheOpeningWindowAndTheUprightFittedViewButKeepsSliceAndAnnotations() {
        model.show(stack(24), Optional.empty());
        model.scroll(5);
        model.applyPreset(WindowLevel.BONE);
        model.dragWindow(10, 10);
        model.toggleInvert();
        model.execute(ViewerCommand.ROTATE_CLOCKWISE);
        model.execute(ViewerCommand.FLIP_VERTICAL);
        model.execute(ViewerCommand.ZOOM_IN);
        model.selectTool(Tool.LESION);
        model.pointer().pressed(PointerButton.PRIMARY, 256, 256);
        model.pointer().released(256, 256);
        model.reset();
        assertEquals(WindowLevel.LUNG, model.windowLevel());
        assertFalse(model.isInvert());
        assertEquals(DisplayTransform.fit(2, 2, 512, 512), model.transform());
        assertEquals(5, model.sliceIndex());
        assertEquals(1, model.annotations().all().size());
    }

    @Test
    void viewCommandsChangeTheTransform() {
        model.show(stack(2), Optional.empty());
        DisplayTransform fitted = model.transform();
        model.execute(ViewerCommand.ROTATE_CLOCKWISE);
        assertEquals(1, model.transform().quarterTurns());
        model.execute(ViewerCommand.ROTATE_COUNTER_CLOCKWISE);
        model.execute(ViewerCommand.ROTATE_COUNTER_CLOCKWISE);
        assertEquals(3, model.transform().quarterTurns());
        model.execute(ViewerCommand.FLIP_HORIZONTAL);
        assertTrue(model.transform().flipH());
        model.execute(ViewerCommand.INVERT);
        assertTrue(model.isInvert());
        model.execute(ViewerCommand.PAN_RIGHT);
        assertEquals(ViewerModel.KEY_PAN_PIXELS, model.transform().panX());
        model.execute(ViewerCommand.FIT);
        assertEquals(0.0, model.transform().panX());
        assertEquals(fitted.zoom(), model.transform().zoom());
        assertTrue(model.isInvert(), "fit keeps invert");
    }

    @Test
    void stackKeysReachBothEnds() {
        model.show(stack(24), Optional.empty());
        model.execute(ViewerCommand.LAST_SLICE);
        assertEquals(23, model.sliceIndex());
        model.execute(ViewerCommand.FIRST_SLICE);
        assertEquals(0, model.sliceIndex());
        model.execute(ViewerCommand.NEXT_PAGE);
        assertEquals(2, model.sliceIndex());
    }

    @Test
    void ctNumberKeysApplyTheStandardPresetsAndZeroTheAuthorsWindow() {
        WindowLevel author = new WindowLevel(35, 300);
        model.show(stack(3), Optional.of(author));
        assertTrue(model.applyPresetKey(2));
        assertEquals(WindowLevel.LUNG, model.windowLevel());
        assertTrue(model.applyPresetKey(6));
        assertEquals(WindowLevel.MEDIASTINUM, model.windowLevel());
        assertTrue(model.applyPresetKey(0));
        assertEquals(author, model.windowLevel());
    }

    @Test
    void withoutAnAuthorWindowKeyZeroDoesNothing() {
        model.show(stack(3), Optional.empty());
        model.applyPreset(WindowLevel.BONE);
        assertFalse(model.applyPresetKey(0));
        assertEquals(WindowLevel.BONE, model.windowLevel());
    }

    @Test
    void showingASeriesClearsTheDrawingsOfThePreviousOne() {
        model.show(stack(3), Optional.empty());
        model.selectTool(Tool.LESION);
        model.pointer().pressed(PointerButton.PRIMARY, 256, 256);
        model.pointer().released(256, 256);
        model.show(stack(3), Optional.empty());
        assertTrue(model.annotations().all().isEmpty());
        assertEquals(Tool.LESION, model.tool(), "the tool stays");
    }

    @Test
    void commandsDoNothingBeforeASeriesIsShown() {
        assertFalse(model.execute(ViewerCommand.NEXT_SLICE));
        model.pointer().pressed(PointerButton.PRIMARY, 1, 1);
        model.pointer().dragged(40, 40);
        assertEquals(WindowLevel.ABDOMEN, model.windowLevel());
    }

    @Test
    void overlayShowsSliceWindowAndZoomInEnglish() {
        model.setViewSize(4, 4);
        model.show(stack(24), Optional.empty());
        model.scroll(11);
        assertEquals("Slice 12/24  W 1500 L -600  Zoom 200%", model.overlayText());
        model.applyPreset(WindowLevel.MEDIASTINUM);
        assertEquals(
                "Slice 12/24  W 350 L 50  Zoom 200%",
                model.overlayTextProperty().get());
        model.execute(ViewerCommand.ZOOM_IN);
        assertEquals("Slice 12/24  W 350 L 50  Zoom 250%", model.overlayText());
    }

    @Test
    void overlayIsTranslatedToChinese() {
        ViewerModel chinese = new ViewerModel(ViewerMessages.forLocale(Locale.SIMPLIFIED_CHINESE));
        chinese.setViewSize(2, 2);
        chinese.show(stack(24), Optional.empty());
        assertEquals("层面 1/24  窗宽 1500 窗位 -600  缩放 100%", chinese.overlayText());
    }

    @Test
    void overlayNeverShowsPatientData() {
        model.show(stack(3), Optional.empty());
        assertTrue(model.overlayText().matches("Slice \\d+/\\d+  W -?\\d+ L -?\\d+  Zoom \\d+%"), model.overlayText());
    }

    @Test
    void overlayIsEmptyBeforeASeriesIsShown() {
        assertEquals("", model.overlayText());
        assertTrue(model.isEmpty());
        assertThrows(IllegalStateException.class, model::currentImage);
    }

    @Test
    void emptySeriesIsRefusedNamingTheField() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> model.show(List.of(), Optional.empty()));
        assertTrue(e.getMessage().startsWith("series"), e.getMessage());
    }

    @Test
    void mixedImageSizesAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> model.show(List.of(slice(0, List.of(), 1, 2), slice(1, List.of(), 1, 3)), Optional.empty()));
        assertTrue(e.getMessage().contains("2x2") && e.getMessage().contains("3x3"), e.getMessage());
    }
}

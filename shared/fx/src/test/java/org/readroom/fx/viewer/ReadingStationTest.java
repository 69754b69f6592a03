package org.readroom.fx.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.WindowLevel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A reading station with two series of the phantom on a headless (Monocle) stage. */
@ExtendWith(ApplicationExtension.class)
class ReadingStationTest {

    private Path phantomDir;
    private ReadingStation station;

    @Start
    void start(Stage stage) throws IOException {
        phantomDir = Files.createTempDirectory("readroom-station");
        List<DicomImage> slices = FxTestImages.phantom(phantomDir, 12, 128);
        station = new ReadingStation(ViewerMessages.forLocale(Locale.ENGLISH));
        station.show(List.of(
                new Series("Lung window", slices, Optional.of(WindowLevel.LUNG)),
                new Series("Mediastinal window", slices.subList(0, 6), Optional.of(WindowLevel.MEDIASTINUM))));
        stage.setScene(new Scene(station, 1000, 700));
        stage.show();
        station.requestFocus();
    }

    @AfterEach
    void deletePhantom() {
        FxTestImages.delete(phantomDir);
    }

    private static long shown(FxRobot robot) {
        return robot.lookup(n -> n instanceof ViewportView).queryAll().stream()
                .filter(Node::isVisible)
                .filter(n -> n.getScene() != null && n.getParent() != null)
                .filter(n -> n.getLayoutBounds().getWidth() > 50
                        && n.getLayoutBounds().getHeight() > 50)
                .count();
    }

    @Test
    void twoByTwoLayoutShowsFourViewportsEachWithItsImage(FxRobot robot) {
        assertEquals(1, shown(robot));
        robot.clickOn("#" + ReadingStation.LAYOUT_ID_PREFIX + "two_by_two");
        assertEquals(4, shown(robot));
        for (ViewportView view : station.viewports()) {
            int[] pixels = FxTestImages.snapshot(robot, view);
            int centre = FxTestImages.pixel(pixels, pixels[0] / 2, (pixels.length - 1) / pixels[0] / 2);
            assertFalse(Integer.valueOf(centre & 0xFFFFFF).equals(0), "each viewport shows an image");
        }
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertEquals(Layout.ONE_BY_TWO, station.model().layout());
        assertEquals(2, shown(robot));
    }

    @Test
    void clickingAViewportMakesItActiveAndAThumbnailLoadsThere(FxRobot robot) {
        robot.clickOn("#" + ReadingStation.LAYOUT_ID_PREFIX + "one_by_two");
        robot.clickOn(station.viewports().get(1));
        assertEquals(1, station.model().activeIndex());
        robot.clickOn("#" + SeriesThumbnail.ID_PREFIX + "0");
        assertEquals(12, station.model().viewports().get(1).sliceCount());
        assertEquals(0, station.model().seriesShownProperty(1).get());
        robot.type(KeyCode.DIGIT6);
        assertEquals(WindowLevel.MEDIASTINUM, station.model().viewports().get(1).windowLevel());
        assertEquals(WindowLevel.LUNG, station.model().viewports().get(0).windowLevel());
    }

    @Test
    void keysScrollTheActiveViewportAndTheOtherFollows(FxRobot robot) {
        robot.clickOn("#" + ReadingStation.LAYOUT_ID_PREFIX + "one_by_two");
        robot.clickOn(station.viewports().get(0));
        robot.type(KeyCode.DOWN, 4);
        assertEquals(4, station.model().viewports().get(0).sliceIndex());
        assertEquals(4, station.model().viewports().get(1).sliceIndex(), "same positions: same slice");
        robot.type(KeyCode.Y);
        assertFalse(station.model().isSync());
        robot.type(KeyCode.DOWN);
        assertEquals(4, station.model().viewports().get(1).sliceIndex());
        robot.type(KeyCode.F6);
        assertEquals(1, station.model().activeIndex());
        assertTrue(station.viewports().get(1).isFocused() || station.model().activeIndex() == 1);
    }

    @Test
    void toolChosenOnTheToolbarAppliesToEveryViewport(FxRobot robot) {
        robot.clickOn("#" + ViewerToolBar.TOOL_ID_PREFIX + "ellipse");
        for (ViewerModel viewport : station.model().viewports()) {
            assertEquals(Tool.ELLIPSE, viewport.tool());
        }
    }
}

package org.readroom.fx.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.Point;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A real colour file (pydicom's RLE colour test card: bands of red, green, blue and greys) in a real DicomViewer
 * on a headless (Monocle) stage: the reader sees its colours, and dragging the window changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ColourViewerTest {

    private static final Path CARD = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/SC_rgb_rle.dcm");

    private DicomViewer viewer;
    private DicomImage image;

    @Start
    void start(Stage stage) {
        assertTrue(Files.isRegularFile(CARD), "install python3-pydicom for its test files");
        DecodeResult result = DicomDecoder.pixelMed().decode(CARD);
        image = assertInstanceOf(DecodeResult.Decoded.class, result, result::toString)
                .image();
        viewer = new DicomViewer(ViewerMessages.forLocale(Locale.ENGLISH));
        viewer.show(List.of(image), Optional.empty());
        stage.setScene(new Scene(viewer, 480, 400));
        stage.show();
    }

    /** The on-screen colour of an image pixel, as 0xRRGGBB. */
    private int onScreen(FxRobot robot, int column, int row) {
        Point local = viewer.model().transform().toScreen(new Point(column + 0.5, row + 0.5));
        int[] shot = FxTestImages.snapshot(robot, viewer.viewport());
        return FxTestImages.pixel(shot, (int) local.x(), (int) local.y()) & 0xFFFFFF;
    }

    private int stored(int column, int row) {
        int at = 3 * (row * image.columns() + column);
        return image.sample(0, at) << 16 | image.sample(0, at + 1) << 8 | image.sample(0, at + 2);
    }

    private static void assertCloseColour(int expected, int actual, String what) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = expected >> shift & 0xFF;
            int a = actual >> shift & 0xFF;
            assertTrue(
                    Math.abs(e - a) <= 2,
                    what + ": expected " + Integer.toHexString(expected) + " on screen but was "
                            + Integer.toHexString(actual));
        }
    }

    @Test
    void theCardsColoursReachTheScreenAndTheWindowDoesNotApply(FxRobot robot) {
        // Bands ten rows high, sampled in the middle column, away from the overlay text in the corners.
        assertEquals(0xFF0000, stored(50, 5), "the card's top band is red");
        assertEquals(0x00FF00, stored(50, 25), "the third band is green");
        assertCloseColour(0xFF0000, onScreen(robot, 50, 5), "red band");
        assertCloseColour(0x00FF00, onScreen(robot, 50, 25), "green band");
        assertCloseColour(stored(50, 45), onScreen(robot, 50, 45), "light blue band");
        assertCloseColour(stored(50, 75), onScreen(robot, 50, 75), "dark grey band");

        robot.interact(() -> viewer.model().dragWindow(120, -80));
        assertCloseColour(0xFF0000, onScreen(robot, 50, 5), "red band after a window drag");
        String overlay =
                robot.lookup("#" + DicomViewer.OVERLAY_ID).queryAs(Label.class).getText();
        assertTrue(overlay.startsWith("Slice 1/1  Zoom "), overlay);

        robot.interact(() -> viewer.model().toggleInvert());
        assertCloseColour(0x00FFFF, onScreen(robot, 50, 5), "inverted red band");
    }
}

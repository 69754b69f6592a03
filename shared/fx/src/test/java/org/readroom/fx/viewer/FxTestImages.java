package org.readroom.fx.viewer;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.phantom.ChestPhantom;
import org.testfx.api.FxRobot;

/** The chest phantom written and decoded for component tests, and screen pixels read back. */
final class FxTestImages {

    private FxTestImages() {}

    static List<DicomImage> phantom(Path dir, int slices, int size) {
        DicomDecoder decoder = DicomDecoder.pixelMed();
        return ChestPhantom.writeSeries(dir, slices, size).stream()
                .map(decoder::decode)
                .map(result -> assertInstanceOf(DecodeResult.Decoded.class, result, result::toString)
                        .image())
                .toList();
    }

    static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code node} looks like on screen now, as ARGB pixels row by row; [0] holds the width. */
    static int[] snapshot(FxRobot robot, Node node) {
        int[][] result = new int[1][];
        robot.interact(() -> {
            Image image = node.snapshot(new SnapshotParameters(), null);
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] argb = new int[width * height + 1];
            image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 1, width);
            argb[0] = width;
            result[0] = argb;
        });
        return result[0];
    }

    static int pixel(int[] snapshot, int x, int y) {
        return snapshot[1 + y * snapshot[0] + x];
    }
}

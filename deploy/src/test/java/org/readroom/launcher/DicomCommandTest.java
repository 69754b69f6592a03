package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;

/**
 * {@code deploy/readroom dicom check|render} through {@link Main#run}, on pydicom's test files (installed by
 * python3-pydicom; missing files fail the test) and on files written here.
 */
class DicomCommandTest {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void pydicomTestFilesAreInstalled() {
        assertTrue(
                Files.isDirectory(PYDICOM),
                "real DICOM test files missing: install the Debian package python3-pydicom");
    }

    private int run(String... argv) {
        return Main.run(
                argv,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static String pydicom(String name) {
        return PYDICOM.resolve(name).toString();
    }

    // ---- check

    @Test
    void checkPrintsOneJsonLinePerFileInOrderAndExitsZeroEvenWhenSomeAreNotImages() throws IOException {
        String missing = dir.resolve("missing.dcm").toString();
        int code = run(
                "dicom", "check", pydicom("CT_small.dcm"), pydicom("rtplan.dcm"), missing, pydicom("MR_truncated.dcm"));
        assertEquals(0, code, err());
        List<JsonNode> lines = jsonLines();
        assertEquals(4, lines.size(), out());

        JsonNode ct = lines.get(0);
        assertEquals(
                List.of(
                        "file",
                        "ok",
                        "sop_class",
                        "modality",
                        "frames",
                        "rows",
                        "columns",
                        "photometric",
                        "samples_per_pixel",
                        "transfer_syntax"),
                fieldNames(ct));
        assertEquals(pydicom("CT_small.dcm"), ct.get("file").asText());
        assertTrue(ct.get("ok").asBoolean());
        assertEquals("1.2.840.10008.5.1.4.1.1.2", ct.get("sop_class").asText());
        assertEquals("CT", ct.get("modality").asText());
        assertEquals(1, ct.get("frames").asInt());
        assertEquals(128, ct.get("rows").asInt());
        assertEquals(128, ct.get("columns").asInt());
        assertEquals("MONOCHROME2", ct.get("photometric").asText());
        assertEquals(1, ct.get("samples_per_pixel").asInt());
        assertEquals("1.2.840.10008.1.2.1", ct.get("transfer_syntax").asText());

        JsonNode plan = lines.get(1);
        assertEquals(List.of("file", "ok", "reason"), fieldNames(plan));
        assertFalse(plan.get("ok").asBoolean());
        assertEquals("not an image: SOP class RT Plan", plan.get("reason").asText());

        assertEquals(missing, lines.get(2).get("file").asText());
        assertEquals("file not found", lines.get(2).get("reason").asText());
        assertTrue(lines.get(3).get("reason").asText().startsWith("pixel data truncated"));
    }

    @Test
    void checkReportsFramesOfAMultiFrameFile() throws IOException {
        Path file = MultiFrameFile.write(dir.resolve("cine.dcm"), 2, 2, new short[4], new short[4], new short[4]);
        assertEquals(0, run("dicom", "check", file.toString()), err());
        JsonNode line = jsonLines().get(0);
        assertTrue(line.get("ok").asBoolean(), out());
        assertEquals(3, line.get("frames").asInt());
    }

    @Test
    void checkSaysWhetherAnImageIsColour() throws IOException {
        // SC_rgb_rle is RGB; SC_ybr_full_422_uncompressed is YBR_FULL_422, held (and so reported) as RGB once read.
        assertEquals(
                0,
                run(
                        "dicom",
                        "check",
                        pydicom("SC_rgb_rle.dcm"),
                        pydicom("SC_ybr_full_422_uncompressed.dcm"),
                        pydicom("MR_small.dcm")),
                err());
        List<JsonNode> lines = jsonLines();
        for (JsonNode colour : lines.subList(0, 2)) {
            assertTrue(colour.get("ok").asBoolean(), colour.toString());
            assertEquals("RGB", colour.get("photometric").asText(), colour.toString());
            assertEquals(3, colour.get("samples_per_pixel").asInt(), colour.toString());
        }
        assertEquals("MONOCHROME2", lines.get(2).get("photometric").asText());
        assertEquals(1, lines.get(2).get("samples_per_pixel").asInt());
        assertEquals(0, run("dicom", "check", "--help"));
        assertTrue(out().contains("RGB (colour, 3 samples per pixel"), out());
    }

    @Test
    void checkWithoutFilesOrWithAnUnknownOptionIsAUsageError() {
        assertEquals(2, run("dicom", "check"));
        assertTrue(err().contains("no files given"), err());
        assertTrue(err().contains("Usage: deploy/readroom dicom check FILE..."), err());
        assertEquals("", out());
        assertEquals(2, run("dicom", "check", "--verbose", pydicom("CT_small.dcm")));
        assertTrue(err().contains("unknown option: --verbose"), err());
        assertEquals("", out());
    }

    @Test
    void dicomHelpTextsExitZero() {
        assertEquals(0, run("dicom", "--help"));
        assertTrue(out().contains("dicom check FILE..."), out());
        assertTrue(out().contains("dicom render FILE"), out());
        out.reset();
        assertEquals(0, run("dicom", "check", "--help"));
        assertTrue(out().contains("\"transfer_syntax\""), out());
        out.reset();
        assertEquals(0, run("dicom", "render", "--help"));
        assertTrue(out().contains("--window C/W"), out());
    }

    @Test
    void dicomWithoutOrWithAnUnknownActionIsAUsageError() {
        assertEquals(2, run("dicom"));
        assertEquals(2, run("dicom", "show", pydicom("CT_small.dcm")));
        assertTrue(err().contains("unknown action \"show\""), err());
    }

    // ---- render

    private int grey(Path png, int row, int column) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int rgb = image.getRGB(column, row);
        int r = (rgb >> 16) & 0xFF;
        assertEquals(r, (rgb >> 8) & 0xFF, "grey pixel");
        assertEquals(r, rgb & 0xFF, "grey pixel");
        return r;
    }

    @Test
    void renderWithAnExplicitWindowWritesThePngTheViewerShows() throws IOException {
        Path png = dir.resolve("ct.png");
        assertEquals(
                0,
                run(
                        "dicom",
                        "render",
                        pydicom("CT_small.dcm"),
                        "--frame",
                        "1",
                        "--window",
                        "-600/1500",
                        "--out",
                        png.toString()),
                err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(128, image.getWidth());
        assertEquals(128, image.getHeight());
        // CT_small [0,0] is stored 175 = -849 HU; DICOM linear VOI for c=-600, w=1500:
        // ((-849 - (-600 - 0.5)) / (1500 - 1) + 0.5) * 255 = 85.2 -> 85.
        assertEquals(85, grey(png, 0, 0));
        // [32,32] is stored 487 = -537 HU -> ((-537 + 600.5) / 1499 + 0.5) * 255 = 138.3 -> 138.
        assertEquals(138, grey(png, 32, 32));
        assertEquals("", err(), "no note for a grey image rendered in the window asked for");
        JsonNode summary = JSON.readTree(out());
        assertEquals(-600, summary.get("window_center").asDouble());
        assertEquals(1500, summary.get("window_width").asDouble());
        assertEquals(png.toString(), summary.get("out").asText());
    }

    @Test
    void renderDefaultsToTheFilesFirstWindowPreset() throws IOException {
        Path png = dir.resolve("mr.png");
        assertEquals(0, run("dicom", "render", pydicom("MR_small.dcm"), "--out", png.toString()), err());
        // MR_small has the preset 600/1600; [0,0] is 905: ((905 - 599.5) / 1599 + 0.5) * 255 = 176.2 -> 176.
        assertEquals(176, grey(png, 0, 0));
        assertEquals(600, JSON.readTree(out()).get("window_center").asDouble());
    }

    @Test
    void renderWithoutPresetsSpansTheFrameValues() throws IOException {
        Path png = dir.resolve("ct-default.png");
        assertEquals(0, run("dicom", "render", pydicom("CT_small.dcm"), "--out", png.toString()), err());
        // CT_small holds stored 128..2191 = -896..1167 HU, so the window is 135.5/2063; the minimum shows black.
        JsonNode summary = JSON.readTree(out());
        assertEquals(135.5, summary.get("window_center").asDouble());
        assertEquals(2063, summary.get("window_width").asDouble());
        // [0,0] = -849 HU: ((-849 - 135) / 2062 + 0.5) * 255 = 5.8 -> 6.
        assertEquals(6, grey(png, 0, 0));
    }

    @Test
    void renderPicksTheRequestedFrameCountingFromOne() throws IOException {
        short[] a = new short[4];
        short[] b = new short[4];
        short[] c = new short[4];
        Arrays.fill(a, (short) 100);
        Arrays.fill(b, (short) 200);
        Arrays.fill(c, (short) 300);
        Path file = MultiFrameFile.write(dir.resolve("cine.dcm"), 2, 2, a, b, c);
        int[] expected = {0, 129, 255}; // window 200/100: 100 below, 200 -> ((200 - 199.5) / 99 + 0.5) * 255, 300 above
        for (int frame = 1; frame <= 3; frame++) {
            Path png = dir.resolve("frame" + frame + ".png");
            assertEquals(
                    0,
                    run(
                            "dicom",
                            "render",
                            file.toString(),
                            "--frame",
                            Integer.toString(frame),
                            "--window",
                            "200/100",
                            "--out",
                            png.toString()),
                    err());
            assertEquals(expected[frame - 1], grey(png, 1, 1), "frame " + frame);
        }
        err.reset();
        assertEquals(
                2,
                run(
                        "dicom",
                        "render",
                        file.toString(),
                        "--frame",
                        "4",
                        "--out",
                        dir.resolve("x.png").toString()));
        assertTrue(err().contains("has 3 frames; --frame must be between 1 and 3, was 4"), err());
    }

    @Test
    void renderOfAColourImageSaysTheWindowDoesNotApplyAndDrawsItAsStored() throws IOException {
        String colour = pydicom("SC_rgb_rle.dcm");
        Path windowed = dir.resolve("windowed.png");
        assertEquals(0, run("dicom", "render", colour, "--window", "40/80", "--out", windowed.toString()), err());
        assertEquals(
                "readroom dicom render: " + colour
                        + ": --window does not apply to a colour image; it is drawn as stored\n",
                err().replace(System.lineSeparator(), "\n"));
        JsonNode summary = JSON.readTree(out());
        assertEquals(List.of("file", "frame", "photometric", "out"), fieldNames(summary));
        assertEquals("RGB", summary.get("photometric").asText());

        out.reset();
        err.reset();
        Path plain = dir.resolve("plain.png");
        assertEquals(0, run("dicom", "render", colour, "--out", plain.toString()), err());
        assertEquals("", err(), "no --window, no note");

        // Every pixel is the stored red, green and blue (8 bits a sample), with or without --window.
        DicomImage stored = ((DecodeResult.Decoded) DicomDecoder.pixelMed().decode(Path.of(colour))).image();
        BufferedImage a = ImageIO.read(windowed.toFile());
        BufferedImage b = ImageIO.read(plain.toFile());
        assertEquals(List.of(stored.columns(), stored.rows()), List.of(a.getWidth(), a.getHeight()));
        boolean someColour = false;
        for (int row = 0; row < stored.rows(); row++) {
            for (int column = 0; column < stored.columns(); column++) {
                int at = 3 * (row * stored.columns() + column);
                int expected = stored.sample(0, at) << 16 | stored.sample(0, at + 1) << 8 | stored.sample(0, at + 2);
                int rgb = a.getRGB(column, row) & 0xFFFFFF;
                assertEquals(expected, rgb, "pixel at row " + row + ", column " + column);
                assertEquals(rgb, b.getRGB(column, row) & 0xFFFFFF, "the same without --window");
                someColour |= (rgb >> 16 & 0xFF) != (rgb >> 8 & 0xFF) || (rgb >> 8 & 0xFF) != (rgb & 0xFF);
            }
        }
        assertTrue(someColour, "a colour picture, not grey");
    }

    @Test
    void renderAcceptsANamedPresetWindow() throws IOException {
        Path png = dir.resolve("lung.png");
        assertEquals(
                0, run("dicom", "render", pydicom("CT_small.dcm"), "--window", "lung", "--out", png.toString()), err());
        assertEquals(85, grey(png, 0, 0)); // lung is -600/1500, as in the explicit test
    }

    @Test
    void renderRejectsBadFrameNumbersAndWindowsAsUsageErrors() {
        String ct = pydicom("CT_small.dcm");
        String png = dir.resolve("x.png").toString();
        assertUsageError("--frame must be a frame number from 1, was: 0", "render", ct, "--frame", "0", "--out", png);
        assertUsageError(
                "--frame must be a frame number from 1, was: two", "render", ct, "--frame", "two", "--out", png);
        assertUsageError(
                "has 1 frame; --frame must be between 1 and 1, was 2", "render", ct, "--frame", "2", "--out", png);
        assertUsageError("--window must be CENTRE/WIDTH", "render", ct, "--window", "40", "--out", png);
        assertUsageError("--window must be two numbers", "render", ct, "--window", "40/wide", "--out", png);
        assertUsageError("--window width must be at least 1", "render", ct, "--window", "40/0", "--out", png);
        assertUsageError("--out PNG is required", "render", ct);
        assertUsageError("no file given", "render", "--out", png);
        assertUsageError("render takes one file, got 2", "render", ct, ct, "--out", png);
        assertFalse(Files.exists(Path.of(png)));
    }

    private void assertUsageError(String message, String... arguments) {
        out.reset();
        err.reset();
        String[] argv = new String[arguments.length + 1];
        argv[0] = "dicom";
        System.arraycopy(arguments, 0, argv, 1, arguments.length);
        assertEquals(2, run(argv), () -> String.join(" ", arguments) + ": " + err());
        assertTrue(err().contains(message), () -> "expected '" + message + "' in: " + err());
        assertEquals("", out());
    }

    @Test
    void renderOfAnUndecodableOrMissingFileFailsWithTheReason() {
        Path png = dir.resolve("x.png");
        assertEquals(1, run("dicom", "render", pydicom("rtplan.dcm"), "--out", png.toString()));
        assertTrue(
                err().contains("cannot render " + pydicom("rtplan.dcm") + ": not an image: SOP class RT Plan"), err());
        err.reset();
        assertEquals(1, run("dicom", "render", dir.resolve("gone.dcm").toString(), "--out", png.toString()));
        assertTrue(err().contains("gone.dcm: file not found"), err());
        err.reset();
        assertEquals(1, run("dicom", "render", pydicom("MR_truncated.dcm"), "--out", png.toString()));
        assertTrue(err().contains("pixel data truncated"), err());
        assertFalse(Files.exists(png));
        assertEquals("", out());
    }

    @Test
    void renderIntoAMissingFolderSaysSo() {
        Path png = dir.resolve("no-such-folder").resolve("x.png");
        assertEquals(1, run("dicom", "render", pydicom("CT_small.dcm"), "--out", png.toString()));
        assertTrue(err().contains("does not exist"), err());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

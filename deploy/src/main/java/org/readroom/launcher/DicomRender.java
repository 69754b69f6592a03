package org.readroom.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javax.imageio.ImageIO;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.GrayscaleRenderer;
import org.readroom.core.imaging.WindowLevel;

/**
 * {@code deploy/readroom dicom render}: one frame through the viewer's own pipeline (rescale, VOI window through the
 * look-up table, MONOCHROME1 inversion) at native size, written as a PNG. The default window is the one the viewer
 * opens with ({@link DicomImage#openingWindow()}). A colour image is drawn as stored, as the viewer shows it: no window
 * applies, and a {@code --window} given for one is reported on stderr, not refused.
 */
final class DicomRender {

    static final String USAGE =
            """
            Usage: deploy/readroom dicom render FILE [--frame N] [--window C/W] --out PNG
              --frame N     frame to render, 1 = the first (default 1)
              --window C/W  window centre/width in modality units (HU for CT), e.g. -600/1500 or 40/80,
                            or a preset name: lung, mediastinum, abdomen, brain, bone;
                            default: the file's first window preset, else the frame-1 value range;
                            a colour image has no window: it is drawn as stored (a note says so on stderr)
              --out PNG     the PNG file to write (its folder must exist)
              Prints one JSON line saying what was written:
                {"file":…,"frame":…,"window_center":…,"window_width":…,"out":…}  grey
                {"file":…,"frame":…,"photometric":"RGB","out":…}                 colour""";

    private static final Map<String, WindowLevel> NAMED_WINDOWS = Map.of(
            "lung", WindowLevel.LUNG,
            "mediastinum", WindowLevel.MEDIASTINUM,
            "abdomen", WindowLevel.ABDOMEN,
            "brain", WindowLevel.BRAIN,
            "bone", WindowLevel.BONE);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file that cannot be rendered: exit 1 with this sentence. */
    private static final class CannotRender extends Exception {
        private static final long serialVersionUID = 1L;

        CannotRender(String message) {
            super(message);
        }
    }

    private record Request(Path file, int frame, WindowLevel window, Path out) {}

    private DicomRender() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = request(arguments);
        } catch (Args.UsageException e) {
            return usageError(err, e.getMessage());
        }
        try {
            DicomImage image = decode(request.file());
            if (request.frame() > image.frameCount()) {
                return usageError(
                        err,
                        request.file() + " has " + image.frameCount() + (image.frameCount() == 1 ? " frame" : " frames")
                                + "; --frame must be between 1 and " + image.frameCount() + ", was "
                                + request.frame());
            }
            WindowLevel window = request.window() != null ? request.window() : image.openingWindow();
            write(image, request.frame() - 1, window, request.out());
            ObjectNode summary = JSON.createObjectNode()
                    .put("file", request.file().toString())
                    .put("frame", request.frame());
            if (image.photometric().isColour()) {
                // The renderer draws colour as stored, so a window line would claim something that did not happen.
                if (request.window() != null) {
                    err.println("readroom dicom render: " + request.file()
                            + ": --window does not apply to a colour image; it is drawn as stored");
                }
                summary.put("photometric", image.photometric().name());
            } else {
                summary.put("window_center", window.center()).put("window_width", window.width());
            }
            out.println(summary.put("out", request.out().toString()));
            return 0;
        } catch (CannotRender e) {
            err.println("readroom dicom render: " + e.getMessage());
            return 1;
        }
    }

    private static int usageError(PrintStream err, String message) {
        err.println("readroom dicom render: " + message);
        err.println(USAGE);
        return 2;
    }

    private static Request request(List<String> arguments) throws Args.UsageException {
        Args args = Args.parseWithOperands(arguments, Set.of("--frame", "--window", "--out"), Set.of());
        List<String> files = args.operands();
        if (files.size() != 1) {
            throw new Args.UsageException(
                    files.isEmpty() ? "no file given" : "render takes one file, got " + files.size());
        }
        String out = args.value("--out", null);
        if (out == null) {
            throw new Args.UsageException("--out PNG is required");
        }
        String window = args.value("--window", null);
        return new Request(
                path(files.get(0)),
                frame(args.value("--frame", "1")),
                window == null ? null : window(window),
                path(out));
    }

    private static Path path(String text) throws Args.UsageException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new Args.UsageException("not a valid file name: " + text);
        }
    }

    static int frame(String text) throws Args.UsageException {
        try {
            int frame = Integer.parseInt(text.trim());
            if (frame < 1) {
                throw new NumberFormatException();
            }
            return frame;
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--frame must be a frame number from 1, was: " + text);
        }
    }

    static WindowLevel window(String text) throws Args.UsageException {
        WindowLevel named = NAMED_WINDOWS.get(text.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new Args.UsageException("--window must be CENTRE/WIDTH like -600/1500 or a preset name ("
                    + String.join(", ", NAMED_WINDOWS.keySet().stream().sorted().toList()) + "), was: " + text);
        }
        try {
            return new WindowLevel(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--window must be two numbers CENTRE/WIDTH like -600/1500, was: " + text);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--window width must be at least 1, was: " + text);
        }
    }

    private static DicomImage decode(Path file) throws CannotRender {
        if (!Files.exists(file)) {
            throw new CannotRender(file + ": file not found");
        }
        ExecutorService executor = DicomCommand.decodingThread();
        try {
            DecodeResult result = DicomDecoder.withTimeLimit(
                            DicomDecoder.pixelMed(), DicomCommand.DECODE_LIMIT, executor)
                    .decode(file);
            if (result instanceof DecodeResult.Failed failed) {
                throw new CannotRender("cannot render " + file + ": " + failed.reason());
            }
            return ((DecodeResult.Decoded) result).image();
        } finally {
            executor.shutdownNow();
        }
    }

    private static void write(DicomImage image, int frame, WindowLevel window, Path out) throws CannotRender {
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CannotRender("could not write " + out + ": folder " + folder + " does not exist");
        }
        int[] argb = new int[image.rows() * image.columns()];
        GrayscaleRenderer.render(image, frame, window, false, argb);
        BufferedImage png = new BufferedImage(image.columns(), image.rows(), BufferedImage.TYPE_INT_RGB);
        png.setRGB(0, 0, image.columns(), image.rows(), argb, 0, image.columns());
        try (OutputStream stream = Files.newOutputStream(out)) {
            if (!ImageIO.write(png, "png", stream)) {
                throw new CannotRender("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new CannotRender("could not write " + out + ": " + e.getMessage());
        }
    }
}

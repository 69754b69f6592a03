package org.readroom.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;

/**
 * {@code deploy/readroom dicom}: look at DICOM files the way the exam import and the viewer do. {@code check}
 * prints one JSON line per file; {@code render} writes one frame as the viewer would show it.
 */
final class DicomCommand {

    static final String USAGE =
            """
            Usage: deploy/readroom dicom check FILE...
                   deploy/readroom dicom render FILE [--frame N] [--window C/W] --out PNG
              check    one JSON line per file: is it an image ReadRoom can show, and what is in it
              render   write one frame as the viewer shows it, as a PNG
            Run 'deploy/readroom dicom check --help' or 'deploy/readroom dicom render --help' for details.""";
    static final String CHECK_USAGE =
            """
            Usage: deploy/readroom dicom check FILE...
              Examines each file and prints one JSON line per file, in order:
                {"file":…,"ok":true,"sop_class":…,"modality":…,"frames":…,"rows":…,"columns":…,
                 "photometric":…,"samples_per_pixel":…,"transfer_syntax":…}
                {"file":…,"ok":false,"reason":"…"}
              photometric is how ReadRoom holds the pixels: MONOCHROME1 or MONOCHROME2 (grey, 1 sample per pixel)
              or RGB (colour, 3 samples per pixel; YBR and JPEG colour are converted to RGB when read, and colour
              is shown as stored, without a window).
              Exits 0 when every file was examined (even if some are not images), 2 on a usage error.""";

    /** No real file takes this long; a codec that does is stuck, and the file is reported instead of waited on. */
    static final Duration DECODE_LIMIT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private DicomCommand() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        quietToolkitLog();
        if (arguments.isEmpty()) {
            err.println("readroom dicom: say what to do: check or render");
            err.println(USAGE);
            return 2;
        }
        String action = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        boolean help = rest.contains("--help") || rest.contains("-h");
        return switch (action) {
            case "--help", "-h" -> print(out, USAGE);
            case "check" -> help ? print(out, CHECK_USAGE) : check(rest, out, err);
            case "render" -> help ? print(out, DicomRender.USAGE) : DicomRender.run(rest, out, err);
            default -> {
                err.println("readroom dicom: unknown action \"" + action + "\" (actions: check, render)");
                err.println(USAGE);
                yield 2;
            }
        };
    }

    /**
     * PixelMed logs a stack trace for problems (a truncated file) that our decoder already turns into the reason on
     * the file's line; on a terminal those traces would bury the answer. Set before PixelMed creates its loggers.
     */
    private static void quietToolkitLog() {
        String key = "org.slf4j.simpleLogger.log.com.pixelmed";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "off");
        }
    }

    private static int print(PrintStream out, String text) {
        out.println(text);
        return 0;
    }

    private static int check(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> files;
        try {
            files = Args.parseWithOperands(arguments, Set.of(), Set.of()).operands();
            if (files.isEmpty()) {
                throw new Args.UsageException("no files given");
            }
        } catch (Args.UsageException e) {
            err.println("readroom dicom check: " + e.getMessage());
            err.println(CHECK_USAGE);
            return 2;
        }
        ExecutorService executor = decodingThread();
        try {
            DicomDecoder decoder = DicomDecoder.withTimeLimit(DicomDecoder.pixelMed(), DECODE_LIMIT, executor);
            for (String file : files) {
                out.println(checkLine(file, decoder));
                out.flush();
            }
            return 0;
        } finally {
            executor.shutdownNow();
        }
    }

    static String checkLine(String file, DicomDecoder decoder) {
        ObjectNode line = JSON.createObjectNode().put("file", file);
        DecodeResult result;
        try {
            Path path = Path.of(file);
            result = Files.exists(path) ? decoder.decode(path) : new DecodeResult.Failed("file not found");
        } catch (InvalidPathException e) {
            result = new DecodeResult.Failed("not a valid file name");
        }
        if (result instanceof DecodeResult.Decoded decoded) {
            DicomImage image = decoded.image();
            line.put("ok", true)
                    .put("sop_class", image.sopClassUid())
                    .put("modality", image.modality())
                    .put("frames", image.frameCount())
                    .put("rows", image.rows())
                    .put("columns", image.columns())
                    .put("photometric", image.photometric().name())
                    .put("samples_per_pixel", image.photometric().samplesPerPixel())
                    .put("transfer_syntax", image.transferSyntaxUid());
        } else {
            line.put("ok", false).put("reason", ((DecodeResult.Failed) result).reason());
        }
        return line.toString();
    }

    /** One daemon thread: a decode stuck past the limit must not keep the command from exiting. */
    static ExecutorService decodingThread() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "dicom-decode");
            thread.setDaemon(true);
            return thread;
        });
    }
}

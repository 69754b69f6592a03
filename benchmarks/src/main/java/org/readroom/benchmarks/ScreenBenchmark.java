package org.readroom.benchmarks;

import java.nio.IntBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.GrayscaleRenderer;
import org.readroom.core.imaging.WindowLevel;

/**
 * Frames through the real JavaFX pipeline the viewer uses ({@code DicomViewer.render()}): GrayscaleRenderer into a
 * heap {@code int[]} wrapped by a {@code PixelBuffer<IntBuffer>}, {@code updateBuffer}, a {@code WritableImage} in an
 * {@code ImageView} in a showing {@code Stage}; headless Monocle with the software pipeline. Each operation hands the
 * frame to the FX thread and waits until {@code Scene.snapshot} has rendered the scene graph with the new pixels,
 * so the frame is really drawn (the snapshot's read-back makes this a pessimistic figure). Like the viewer, it keeps
 * the {@link GrayscaleRenderer.Table} while the window stays the same (scrolling) and builds a new one when the window
 * changes (re-windowing). The series is a 300-slice 512×512 synthetic chest CT. Targets: ≥ 60 frames/s scrolling,
 * ≤ 2 ms per re-windowed frame.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Xmx2g",
            "-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless",
            "-Dprism.order=sw",
            "-Djava.awt.headless=true"
        })
public class ScreenBenchmark {

    static final int SLICES = 300;

    private List<DicomImage> series;
    private int[] pixels;
    private PixelBuffer<IntBuffer> pixelBuffer;
    private Scene scene;
    private Stage stage;
    private WritableImage snapshot;
    private int slice;
    private GrayscaleRenderer.Table table;
    private final WindowLevel window = WindowLevel.LUNG;
    private final WindowDrag drag = new WindowDrag(WindowLevel.LUNG);

    @Setup(Level.Trial)
    public void showViewer() throws Exception {
        series = PhantomFiles.decode(PhantomFiles.series(SLICES));
        int size = PhantomFiles.SIZE;
        pixels = new int[size * size];
        FxThread.start();
        FxThread.run(() -> {
            pixelBuffer = new PixelBuffer<>(size, size, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            ImageView view = new ImageView(new WritableImage(pixelBuffer));
            scene = new Scene(new StackPane(view), size, size);
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            snapshot = new WritableImage(size, size);
        });
        // The drawn pixels must be the renderer's: check one frame end to end before measuring.
        FxThread.run(() -> drawSlice(0, window));
        int[] expected = new int[size * size];
        GrayscaleRenderer.render(series.get(0), 0, window, false, expected);
        int centre = (size / 2) * size + size / 2;
        int drawn = snapshot.getPixelReader().getArgb(size / 2, size / 2);
        if (drawn != expected[centre]) {
            throw new IllegalStateException("snapshot shows " + Integer.toHexString(drawn) + ", renderer made "
                    + Integer.toHexString(expected[centre]));
        }
    }

    @TearDown(Level.Trial)
    public void closeViewer() throws Exception {
        FxThread.run(() -> stage.close());
    }

    private void drawSlice(int index, WindowLevel windowLevel) {
        renderPixels(series.get(index), windowLevel);
        pixelBuffer.updateBuffer(buffer -> null);
        scene.snapshot(snapshot);
    }

    /** What {@code ViewportView.renderPixels} does: a new table only when the window (or pixel format) changed. */
    private void renderPixels(DicomImage image, WindowLevel windowLevel) {
        if (table == null || !table.fits(image, windowLevel, false)) {
            table = GrayscaleRenderer.Table.of(image, windowLevel, false);
        }
        GrayscaleRenderer.render(image, 0, table, pixels);
    }

    /** Stack scroll: the next slice of 300 on screen, window unchanged. Operations per second = frames/s. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public WritableImage stackScrollFrameOnScreen() throws Exception {
        int next = slice = (slice + 1) % SLICES;
        FxThread.run(() -> drawSlice(next, window));
        return snapshot;
    }

    /** Lower bound for scrolling: rendering the next slice's pixels only, no JavaFX. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int[] lowerBoundScrollRenderOnly() {
        slice = (slice + 1) % SLICES;
        renderPixels(series.get(slice), window);
        return pixels;
    }

    /** Re-window: the same slice with a new window (a drag step) on screen. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public WritableImage rewindowFrameOnScreen() throws Exception {
        WindowLevel next = drag.next();
        FxThread.run(() -> drawSlice(SLICES / 2, next));
        return snapshot;
    }

    /** Lower bound for re-windowing: rendering the pixels with the new window only, no JavaFX. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int[] lowerBoundRewindowRenderOnly() {
        renderPixels(series.get(SLICES / 2), drag.next());
        return pixels;
    }

    /** The JavaFX application thread, started once per JVM. */
    static final class FxThread {

        private static boolean started;

        private FxThread() {}

        static synchronized void start() throws InterruptedException {
            if (started) {
                return;
            }
            CountDownLatch ready = new CountDownLatch(1);
            Platform.startup(ready::countDown);
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("JavaFX did not start within 30 s");
            }
            Platform.setImplicitExit(false);
            started = true;
        }

        /** Runs {@code work} on the FX thread and waits for it, rethrowing what it threw. */
        static void run(Runnable work) throws Exception {
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Platform.runLater(() -> {
                try {
                    work.run();
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    done.countDown();
                }
            });
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the FX thread did not answer within 30 s");
            }
            if (failure.get() != null) {
                throw new IllegalStateException("failed on the FX thread", failure.get());
            }
        }
    }
}

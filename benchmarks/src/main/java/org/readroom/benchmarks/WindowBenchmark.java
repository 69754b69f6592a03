package org.readroom.benchmarks;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.imaging.GrayscaleRenderer;
import org.readroom.core.imaging.WindowLevel;

/**
 * Re-windowing one 512×512 16-bit slice without a screen, exactly as the viewer calls it ({@code ViewportView}):
 * the VOI LUT step (stored values → ARGB display pixels through the kept {@link GrayscaleRenderer.Table}, target
 * ≤ 0.1 ms), building the table for a new window, and both together. The lower bounds move the same data without
 * the look-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class WindowBenchmark {

    private DicomImage image;
    private short[] stored;
    private GrayscaleRenderer.Table table;
    private short[] copy;
    private int[] argb;
    private final WindowDrag drag = new WindowDrag(WindowLevel.MEDIASTINUM);

    @Setup(Level.Trial)
    public void decodeSlice() {
        image = PhantomFiles.decode(PhantomFiles.series(1)).get(0);
        stored = image.frames()[0];
        table = GrayscaleRenderer.Table.of(image, WindowLevel.MEDIASTINUM, false);
        copy = new short[stored.length];
        argb = new int[stored.length];
    }

    /**
     * The VOI LUT step as the viewer runs it for every frame drawn: the slice's stored values through the
     * precomputed table (rescale, window, MONOCHROME1/invert already folded in) to opaque ARGB pixels.
     */
    @Benchmark
    public int[] voiLutLookup() {
        GrayscaleRenderer.render(image, 0, table, argb);
        return argb;
    }

    /** Building the table for a new window, as every step of a window drag does. */
    @Benchmark
    public GrayscaleRenderer.Table voiLutBuild() {
        return GrayscaleRenderer.Table.of(image, drag.next(), false);
    }

    /** The whole CPU side of a re-window as the viewer does it: a new table, then the pixel loop. */
    @Benchmark
    public int[] rewindowToArgb() {
        GrayscaleRenderer.render(image, 0, drag.next(), false, argb);
        return argb;
    }

    /** Lower bound: one array copy of the stored values (reads as much, writes half as much). */
    @Benchmark
    public short[] lowerBoundArrayCopy() {
        System.arraycopy(stored, 0, copy, 0, stored.length);
        return copy;
    }

    /**
     * Lower bound of the look-up: the same memory traffic (read every 16-bit stored value of the slice, write one
     * {@code int} pixel each into the same output array) without the table.
     */
    @Benchmark
    public int[] lowerBoundLoop() {
        short[] values = stored;
        int[] out = argb;
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}

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
import org.readroom.core.imaging.VoiLut;
import org.readroom.core.imaging.WindowLevel;

/**
 * Re-windowing one 512×512 16-bit slice without a screen: the VOI look-up itself (target ≤ 0.1 ms), building the
 * table for a new window, and the whole CPU side of a re-window as the viewer does it (table + ARGB pixels),
 * against plain-Java lower bounds over the same array.
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
    private VoiLut lut;
    private byte[] grey;
    private short[] copy;
    private int[] argb;
    private final WindowDrag drag = new WindowDrag(WindowLevel.MEDIASTINUM);

    @Setup(Level.Trial)
    public void decodeSlice() {
        image = PhantomFiles.decode(PhantomFiles.series(1)).get(0);
        stored = image.frames()[0];
        lut = VoiLut.of(image, WindowLevel.MEDIASTINUM);
        grey = new byte[stored.length];
        copy = new short[stored.length];
        argb = new int[stored.length];
    }

    /** The VOI LUT step: every stored value through the precomputed table to a grey level. */
    @Benchmark
    public byte[] voiLutLookup() {
        VoiLut table = lut;
        short[] values = stored;
        byte[] out = grey;
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) table.grey(values[i]);
        }
        return out;
    }

    /** Building the table for a new window (65,536 entries for 16-bit data), as every drag step does. */
    @Benchmark
    public VoiLut voiLutBuild() {
        return VoiLut.of(image, drag.next());
    }

    /** The whole CPU side of a re-window as the viewer calls it: table, ARGB table and the pixel loop. */
    @Benchmark
    public int[] rewindowToArgb() {
        GrayscaleRenderer.render(image, 0, drag.next(), false, argb);
        return argb;
    }

    /** Lower bound: one array copy of the stored values. */
    @Benchmark
    public short[] lowerBoundArrayCopy() {
        System.arraycopy(stored, 0, copy, 0, stored.length);
        return copy;
    }

    /** Lower bound: the same loop as the look-up, reading and writing the same arrays, without a table. */
    @Benchmark
    public byte[] lowerBoundLoop() {
        short[] values = stored;
        byte[] out = grey;
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}

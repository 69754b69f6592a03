package org.readroom.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;

/**
 * Decode of one 512×512 16-bit uncompressed CT slice through the DICOM port (PixelMed parse, truncation check,
 * masking, copy into a {@link DicomImage}), against plain-Java lower bounds that only turn the same bytes into
 * shorts. Target: ≤ 0.5 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class DecodeBenchmark {

    private static final int PIXELS = PhantomFiles.SIZE * PhantomFiles.SIZE;

    private final DicomDecoder decoder = DicomDecoder.pixelMed();
    private Path file;
    private byte[] fileBytes;
    private int pixelDataOffset;

    @Setup(Level.Trial)
    public void writeSlice() throws IOException {
        file = PhantomFiles.series(1).get(0);
        fileBytes = Files.readAllBytes(file);
        // Pixel Data is the file's last element: its value is the last PIXELS * 2 bytes.
        pixelDataOffset = fileBytes.length - PIXELS * 2;
        DicomImage image = PhantomFiles.decode(decoder, file);
        short[] plain = lowerBoundBytesToShorts();
        for (int i = 0; i < PIXELS; i += 997) {
            if (image.storedValue(0, i) != plain[i]) {
                throw new IllegalStateException("lower bound reads other values than the decoder at " + i);
            }
        }
    }

    /** The port, as the kiosk and the import call it. */
    @Benchmark
    public DecodeResult decodeUncompressed512Slice() {
        return decoder.decode(file);
    }

    /** Lower bound: the pixel bytes, already in memory, into a new short[] with a ByteBuffer. */
    @Benchmark
    public short[] lowerBoundBytesToShorts() {
        short[] values = new short[PIXELS];
        ByteBuffer.wrap(fileBytes, pixelDataOffset, PIXELS * 2)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer()
                .get(values);
        return values;
    }

    /** Lower bound including the file read (from the page cache), as the decoder must do too. */
    @Benchmark
    public short[] lowerBoundReadFileToShorts() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        short[] values = new short[PIXELS];
        ByteBuffer.wrap(bytes, bytes.length - PIXELS * 2, PIXELS * 2)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asShortBuffer()
                .get(values);
        return values;
    }
}

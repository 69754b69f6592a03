package org.readroom.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.phantom.ChestPhantom;

/**
 * The synthetic chest CT the benchmarks read: uncompressed 16-bit signed slices written by the DICOM port's own
 * writer. A series is written once into the temp folder and reused by later forks and runs.
 */
final class PhantomFiles {

    static final int SIZE = 512;

    private PhantomFiles() {}

    /** {@code slices} files of SIZE×SIZE in slice order, written on first use. */
    static List<Path> series(int slices) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "readroom-bench", "phantom-" + slices + "x" + SIZE);
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<Path> existing = files.filter(f -> f.toString().endsWith(".dcm"))
                            .sorted()
                            .toList();
                    if (existing.size() == slices) {
                        return existing;
                    }
                }
            }
            return ChestPhantom.writeSeries(dir, slices, SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DicomImage> decode(List<Path> files) {
        DicomDecoder decoder = DicomDecoder.pixelMed();
        List<DicomImage> images = new ArrayList<>(files.size());
        for (Path file : files) {
            images.add(decode(decoder, file));
        }
        return images;
    }

    static DicomImage decode(DicomDecoder decoder, Path file) {
        DecodeResult result = decoder.decode(file);
        if (result instanceof DecodeResult.Decoded decoded) {
            return decoded.image();
        }
        throw new IllegalStateException(file + ": " + result);
    }
}

package org.readroom.core.dicom.pixelmed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where Debian's python3-pydicom installs pydicom's public test files (never copied into the repo). */
final class PydicomTestFiles {

    static final Path FOLDER = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private PydicomTestFiles() {}

    /** Fails (never skips) when the package is missing: deploy/readroom test installs it. */
    static void requireInstalled() {
        assertTrue(
                Files.isDirectory(FOLDER),
                "real DICOM test files missing: install the Debian package python3-pydicom (" + FOLDER + ")");
    }

    static Path file(String name) {
        requireInstalled();
        return FOLDER.resolve(name);
    }

    /** Every {@code .dcm} file below the folder, as paths relative to it with '/' separators, sorted. */
    static List<String> allDicomFiles() throws IOException {
        requireInstalled();
        try (Stream<Path> files = Files.walk(FOLDER)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".dcm"))
                    .map(file -> FOLDER.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }
}

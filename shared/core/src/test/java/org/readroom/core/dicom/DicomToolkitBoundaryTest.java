package org.readroom.core.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** PixelMed stays behind our own DICOM port so the toolkit can be swapped in one package. */
class DicomToolkitBoundaryTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Path PIXELMED_PACKAGE = MAIN_SOURCES.resolve("org/readroom/core/dicom/pixelmed");

    @Test
    void onlyThePixelmedPackageImportsPixelMed() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            List<Path> offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(PIXELMED_PACKAGE))
                    .filter(DicomToolkitBoundaryTest::importsPixelMed)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static boolean importsPixelMed(Path file) {
        try {
            return Files.readString(file).contains("import com.pixelmed.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

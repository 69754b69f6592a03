package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.server.store.Database;

/** {@code readroom cases import} on a copy of pydicom's test files and on a zip, into a real data folder. */
class CasesCommandIT {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final Pattern SUMMARY = Pattern.compile(
            "Imported (\\d+) images in (\\d+) series of (\\d+) studies from (\\d+) files \\((\\d+) skipped, \\d+ with"
                    + " warnings\\) in [0-9.]+ s");

    @TempDir
    Path data;

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void dataFolderWithTheServersSchema() {
        assertTrue(Files.isDirectory(PYDICOM), "install the Debian package python3-pydicom");
        Vertx vertx = Vertx.vertx();
        try {
            Database.open(vertx, data.resolve("readroom.db")).await().close();
        } finally {
            vertx.close().await();
        }
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCopiedPydicomFolderIsImportedWithOneLinePerSkippedFile() throws Exception {
        Path copy = work.resolve("pydicom cases");
        try (Stream<Path> files = Files.walk(PYDICOM)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(PYDICOM.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        long started = System.nanoTime();
        int status = run("cases", "import", copy.toString(), "--data", data.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, status, out() + err());

        Matcher summary = SUMMARY.matcher(out());
        assertTrue(summary.find(), out());
        int images = Integer.parseInt(summary.group(1));
        int files = Integer.parseInt(summary.group(4));
        int skipped = Integer.parseInt(summary.group(5));
        assertEquals(files, images + skipped);
        assertEquals(
                skipped, out().lines().filter(l -> l.contains(": skipped: ")).count());
        assertTrue(
                out().contains("cases import: " + copy.resolve("MR_truncated.dcm") + ": skipped: pixel data truncated"),
                out());
        assertTrue(out().contains("cases import: " + copy.resolve("rtplan.dcm") + ": skipped: not an image"), out());
        assertTrue(err().contains("cases import: " + files + "/" + files + " files"), err());
        assertNoStackTrace();
        assertEquals(images, rows("case_images"));
        System.out.println("cases import of the pydicom folder: " + images + " images, " + skipped + " skipped of "
                + files + " files in " + millis + " ms");
    }

    @Test
    void aZipMadeHereIsImported() throws Exception {
        Path archive = work.resolve("cases.zip");
        try (OutputStream file = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String name : List.of("CT_small.dcm", "693_J2KI.dcm", "waveform_ecg.dcm")) {
                zip.putNextEntry(new ZipEntry("study/" + name));
                zip.write(Files.readAllBytes(PYDICOM.resolve(name)));
                zip.closeEntry();
            }
        }
        assertEquals(0, run("cases", "import", archive.toString(), "--data", data.toString()), out() + err());
        assertTrue(out().contains("Imported 2 images in 2 series of 2 studies from 3 files (1 skipped"), out());
        assertTrue(
                out().contains("cases import: " + archive + "!/study/waveform_ecg.dcm: skipped: not an image"), out());
        assertEquals(2, rows("case_images"));
        assertNoStackTrace();
    }

    @Test
    void aMissingPathIsOneLineAndExit1() {
        Path missing = work.resolve("nowhere");
        assertEquals(1, run("cases", "import", missing.toString(), "--data", data.toString()));
        assertEquals("cases import: " + missing + ": no such file or folder", err().strip());
        assertEquals("", out());
    }

    @Test
    void aCorruptZipIsOneLineAndExit1AndStoresNothing() throws Exception {
        Path corrupt = work.resolve("broken.zip");
        Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertEquals(1, run("cases", "import", corrupt.toString(), "--data", data.toString()));
        List<String> lines = err().strip().lines().toList();
        assertEquals(1, lines.size(), err());
        assertTrue(lines.get(0).startsWith("cases import: " + corrupt + ": not a readable zip archive"), err());
        assertEquals(0, rows("case_imports"));
    }

    @Test
    void aZipWithAnEntryOutsideItsFolderIsRefusedInOneLineAndLeavesNothing() throws Exception {
        Path archive = work.resolve("escaping.zip");
        try (OutputStream file = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("study/CT_small.dcm"));
            zip.write(Files.readAllBytes(PYDICOM.resolve("CT_small.dcm")));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("../../escaped.dcm"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertEquals(1, run("cases", "import", archive.toString(), "--data", data.toString()));
        List<String> lines = err().strip().lines().toList();
        assertEquals(1, lines.size(), err());
        assertEquals(
                "cases import: " + archive + ": refused: zip entry \"../../escaped.dcm\" points outside the archive",
                lines.get(0));
        assertNoStackTrace();
        assertEquals(0, rows("case_imports"));
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(
                    List.of(),
                    left.filter(f -> f.getFileName().toString().startsWith(".case-import-"))
                            .toList());
        }
    }

    @Test
    void aFolderWithoutImagesStoresNothingAndExits1() throws Exception {
        Path folder = Files.createDirectories(work.resolve("reports"));
        Files.copy(PYDICOM.resolve("rtplan.dcm"), folder.resolve("rtplan.dcm"));
        assertEquals(1, run("cases", "import", folder.toString(), "--data", data.toString()));
        assertTrue(err().contains("no importable images (1 files, 1 skipped); nothing was stored"), err());
        assertEquals(0, rows("case_imports"));
    }

    @Test
    void wrongUsageExits2AndAFolderWithoutDatabaseExits1() {
        assertEquals(2, run("cases"));
        assertEquals(2, run("cases", "export", "x"));
        assertEquals(2, run("cases", "import"));
        assertEquals(0, run("cases", "--help"));
        assertTrue(out().contains("--allow-burned-in"));
        assertEquals(1, run("cases", "import", PYDICOM.toString(), "--data", work.toString()));
        assertTrue(err().contains("holds no ReadRoom database"), err());
    }

    private void assertNoStackTrace() {
        for (String text : List.of(out(), err())) {
            assertFalse(text.contains("\tat ") || text.contains("Exception"), text);
        }
    }

    private int rows(String table) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getInt(1);
        }
    }
}

package org.readroom.server.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.deid.CaseFileConverter;
import org.readroom.core.dicom.deid.ImportPolicy;
import org.readroom.server.store.AssetStore;
import org.readroom.server.store.Database;

/**
 * The case import on pydicom's real test files, into a real SQLite file through the real migrations. pydicom reads
 * the originals and the stored files independently of ReadRoom's toolkit.
 */
class CaseImportIT {

    @TempDir
    Path data;

    @TempDir
    Path scratch;

    private final Vertx vertx = Vertx.vertx();
    private Database database;
    private AssetStore assets;
    private CaseImport cases;

    @BeforeEach
    void openDataFolder() {
        database = Database.open(vertx, data.resolve("readroom.db")).await();
        assets = new AssetStore(data.resolve("assets"));
        cases = new CaseImport(vertx, database, assets, data, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
        vertx.close().await();
    }

    private ImportReport importStrict(Path source) {
        return cases.run(source, ImportPolicy.strict(), ProgressListener.silent())
                .await();
    }

    @Test
    void pydicomFilesAreDeidentifiedConvertedAndEveryStoredImageDecodes() throws Exception {
        Pydicom.requireInstalled();
        List<Integer> progress = new ArrayList<>();
        ImportReport report = cases.run(Pydicom.TEST_FILES, ImportPolicy.strict(), new ProgressListener() {
                    @Override
                    public void progress(int done, int total) {
                        progress.add(done);
                    }

                    @Override
                    public void skipped(String file, String reason) {}

                    @Override
                    public void warning(String file, String message) {}
                })
                .await();

        List<Path> sources = Pydicom.filesBelow(Pydicom.TEST_FILES);
        assertEquals(sources.size(), report.files());
        assertEquals(sources.size(), progress.size());
        assertEquals(report.files(), report.images() + report.skipped().size());
        assertTrue(report.images() >= 30, "images: " + report.images());
        assertSkippedBecause(report, "MR_truncated.dcm", "truncated");
        assertSkippedBecause(report, "rtplan.dcm", "not an image");
        assertSkippedBecause(report, "test-SR.dcm", "not an image");
        assertSkippedBecause(report, "waveform_ecg.dcm", "not an image");
        assertSkippedBecause(report, "MR_small_jpeg_ls_lossless.dcm", "JPEG-LS");
        assertSkippedBecause(report, "JPEG-lossy.dcm", "could not be decoded");
        assertSkippedBecause(report, "README.txt", "not a DICOM file");
        assertSkippedBecause(report, "SC_rgb_rle.dcm", "colour");
        for (String jpeg2000 : List.of("693_J2KI.dcm", "J2K_pixelrep_mismatch.dcm", "JPEG2000.dcm")) {
            assertTrue(importedAsset(report, jpeg2000) != null, jpeg2000 + " is converted");
        }

        assertEquals(report.studies(), count("case_studies"));
        assertEquals(report.series(), count("case_series"));
        assertEquals(report.images(), count("case_images"));
        assertEquals(1, count("case_imports"));
        assertNoWorkspaceLeft();

        // pydicom reads the originals and every stored file.
        List<Path> stored = new ArrayList<>();
        report.imported().forEach(file -> stored.add(assets.path(file.asset())));
        List<Path> all = new ArrayList<>(sources);
        all.addAll(stored);
        Map<Path, JsonNode> facts = Pydicom.facts(all);

        Set<String> forbidden = forbiddenStrings(sources, facts);
        assertTrue(forbidden.contains("CompressedSamples^CT1"), "the originals' names were read: " + forbidden);
        DicomDecoder decoder = DicomDecoder.pixelMed();
        for (Path file : stored) {
            JsonNode written = facts.get(file);
            assertFalse(written.has("error"), file + ": " + written);
            assertEquals(CaseFileConverter.EXPLICIT_VR_LITTLE_ENDIAN, Pydicom.text(written, "TransferSyntaxUID"));
            assertEquals(0, written.get("privateTags").asInt(), file + " has private tags");
            assertEquals("YES", Pydicom.text(written, "PatientIdentityRemoved"));
            assertTrue(Pydicom.text(written, "PatientName").startsWith("CASE-"), written.toString());
            assertEquals(Pydicom.text(written, "PatientName"), Pydicom.text(written, "PatientID"));
            assertEquals("", Pydicom.text(written, "PatientBirthDate"));
            // Removed outright; their values are not searched byte by byte because a kept attribute (Manufacturer
            // "GE MEDICAL SYSTEMS") may legitimately hold the same words.
            for (String removed : List.of(
                    "InstitutionName",
                    "InstitutionAddress",
                    "OperatorsName",
                    "PerformingPhysicianName",
                    "StationName",
                    "DeviceSerialNumber",
                    "OtherPatientIDs")) {
                assertFalse(written.has(removed), file + " still has " + removed + ": " + written);
            }
            assertEquals(Pydicom.text(written, "SOPInstanceUID"), Pydicom.text(written, "MediaStorageSOPInstanceUID"));
            assertEquals(expectedPixelBytes(written), written.get("pixelBytes").asLong(), file + ": " + written);

            DicomImage image = assertInstanceOf(DecodeResult.Decoded.class, decoder.decode(file), file.toString())
                    .image();
            assertEquals(CaseFileConverter.EXPLICIT_VR_LITTLE_ENDIAN, image.transferSyntaxUid());

            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String original : forbidden) {
                assertFalse(bytes.contains(original), file + " still contains \"" + original + "\"");
            }
        }

        Map<String, Path> sourceByName = new HashMap<>();
        sources.forEach(s -> sourceByName.put(Pydicom.TEST_FILES.relativize(s).toString(), s));
        List<JsonNode[]> pairs = new ArrayList<>();
        for (ImportReport.ImportedFile file : report.imported()) {
            pairs.add(new JsonNode[] {facts.get(sourceByName.get(file.file())), facts.get(assets.path(file.asset()))});
        }
        for (String uid : List.of("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID", "FrameOfReferenceUID")) {
            assertOneToOne(pairs, uid);
        }
        assertDatesShiftedByOneOffsetPerPatient(pairs);

        // Signed data keeps its sign; decoded pixels equal the original's.
        DicomImage signed = decode(assets.path(importedAsset(report, "J2K_pixelrep_mismatch.dcm")));
        assertTrue(signed.signed());
        assertEquals(-2000, signed.storedValue(0, 0, 0));
        DicomImage ct = decode(assets.path(importedAsset(report, "CT_small.dcm")));
        assertArrayEquals(decode(Pydicom.TEST_FILES.resolve("CT_small.dcm")).frames()[0], ct.frames()[0]);

        assertEveryStoredSeriesHasAThumbnailAndItsImagesInTheAssetStore();
        assertStoreApiMatchesTheRows(report);
    }

    private static void assertSkippedBecause(ImportReport report, String file, String word) {
        ImportReport.FileNote note = report.skipped().stream()
                .filter(n -> n.file().equals(file))
                .findFirst()
                .orElseThrow(() -> new AssertionError(file + " was not skipped"));
        assertTrue(note.message().contains(word), file + ": " + note.message());
    }

    private static String importedAsset(ImportReport report, String file) {
        return report.imported().stream()
                .filter(i -> i.file().equals(file))
                .map(ImportReport.ImportedFile::asset)
                .findFirst()
                .orElse(null);
    }

    private static DicomImage decode(Path file) {
        return assertInstanceOf(
                        DecodeResult.Decoded.class, DicomDecoder.pixelMed().decode(file), file.toString())
                .image();
    }

    private static long expectedPixelBytes(JsonNode facts) {
        long rows = facts.get("Rows").asLong();
        long columns = facts.get("Columns").asLong();
        long samples = facts.get("SamplesPerPixel").asLong();
        long frames = facts.has("NumberOfFrames") ? facts.get("NumberOfFrames").asLong() : 1;
        long bytes =
                rows * columns * samples * frames * (facts.get("BitsAllocated").asLong() / 8);
        return bytes + (bytes & 1);
    }

    /**
     * The originals' patient identity and dates, searched for byte by byte. Short numeric values (an ID like "123") would
     * turn up inside the new decimal UIDs by chance, so those are checked by attribute instead (assertOneToOne and
     * the PatientID checks), and only values of at least 6 characters, or 8 for digits only, are searched.
     */
    private static Set<String> forbiddenStrings(List<Path> sources, Map<Path, JsonNode> facts) {
        Set<String> forbidden = new HashSet<>();
        for (Path source : sources) {
            JsonNode original = facts.get(source);
            if (original == null || original.has("error")) {
                continue;
            }
            for (String keyword : List.of(
                    "PatientName",
                    "PatientID",
                    "PatientBirthDate",
                    "OtherPatientIDs",
                    "StudyDate",
                    "SeriesDate",
                    "AcquisitionDate",
                    "ContentDate",
                    "ReferringPhysicianName",
                    "AccessionNumber")) {
                String value = Pydicom.text(original, keyword);
                boolean digits = value.chars().allMatch(Character::isDigit);
                if (value.length() >= (digits ? 8 : 6)) {
                    forbidden.add(value);
                }
            }
        }
        return forbidden;
    }

    /** One original UID gives one new UID, and different originals never share one; never the original itself. */
    private static void assertOneToOne(List<JsonNode[]> pairs, String keyword) {
        Map<String, Set<String>> forward = new HashMap<>();
        Map<String, Set<String>> backward = new HashMap<>();
        for (JsonNode[] pair : pairs) {
            String original = Pydicom.text(pair[0], keyword);
            String replaced = Pydicom.text(pair[1], keyword);
            if (original.isEmpty()) {
                continue;
            }
            assertNotEquals(original, replaced, keyword);
            assertTrue(replaced.startsWith("2.25."), keyword + " " + replaced);
            forward.computeIfAbsent(original, k -> new HashSet<>()).add(replaced);
            backward.computeIfAbsent(replaced, k -> new HashSet<>()).add(original);
        }
        assertFalse(forward.isEmpty(), keyword);
        forward.forEach((original, news) -> assertEquals(1, news.size(), keyword + " " + original + " -> " + news));
        backward.forEach((replaced, olds) -> assertEquals(1, olds.size(), keyword + " " + olds + " -> " + replaced));
    }

    private static void assertDatesShiftedByOneOffsetPerPatient(List<JsonNode[]> pairs) {
        Map<String, Set<Long>> offsets = new HashMap<>();
        int shifted = 0;
        for (JsonNode[] pair : pairs) {
            for (String keyword : List.of("StudyDate", "SeriesDate", "AcquisitionDate", "ContentDate")) {
                LocalDate original = date(Pydicom.text(pair[0], keyword));
                if (original == null) {
                    continue;
                }
                LocalDate replaced = date(Pydicom.text(pair[1], keyword));
                assertNotNull(replaced, keyword + " of " + pair[1]);
                long days = ChronoUnit.DAYS.between(replaced, original);
                assertTrue(days >= 365 && days <= 3652, keyword + " moved " + days + " days");
                offsets.computeIfAbsent(Pydicom.text(pair[0], "PatientID"), k -> new HashSet<>())
                        .add(days);
                shifted++;
            }
        }
        assertTrue(shifted > 20, "dates shifted: " + shifted);
        offsets.forEach((patient, days) -> assertEquals(1, days.size(), "patient " + patient + ": " + days));
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void assertEveryStoredSeriesHasAThumbnailAndItsImagesInTheAssetStore() throws Exception {
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT thumbnail_sha256, images FROM case_series")) {
            int series = 0;
            while (rows.next()) {
                byte[] png = Files.readAllBytes(assets.path(rows.getString(1)));
                var thumbnail = ImageIO.read(new ByteArrayInputStream(png));
                assertNotNull(thumbnail, "thumbnail is a PNG");
                assertTrue(thumbnail.getWidth() <= Thumbnails.MAX_SIZE && thumbnail.getHeight() <= Thumbnails.MAX_SIZE);
                series++;
            }
            assertTrue(series > 5);
        }
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT i.sha256, a.media_type, a.size FROM case_images i"
                        + " JOIN assets a ON a.sha256 = i.sha256")) {
            while (rows.next()) {
                assertEquals("application/dicom", rows.getString(2));
                assertEquals(Files.size(assets.path(rows.getString(1))), rows.getLong(3));
            }
        }
    }

    private void assertStoreApiMatchesTheRows(ImportReport report) {
        CaseStore store = new CaseStore(database);
        List<CaseStore.CaseStudy> studies = store.studies().await();
        assertEquals(report.studies(), studies.size());
        int images = 0;
        for (CaseStore.CaseStudy study : studies) {
            assertTrue(study.patientPseudonym().startsWith("CASE-"));
            List<CaseStore.CaseSeries> series = store.series(study.id()).await();
            assertEquals(study.seriesCount(), series.size());
            for (CaseStore.CaseSeries one : series) {
                List<String> slices = store.sliceAssets(one.id()).await();
                assertEquals(one.images(), slices.size());
                images += slices.size();
            }
        }
        assertEquals(report.images(), images);
    }

    @Test
    void burnedInImagesAreRefusedByDefaultAndImportedWithAWarningWhenAllowed() throws Exception {
        Path folder = Files.createDirectories(scratch.resolve("burned"));
        TinyDicom.image("OT", "Burned^Anna", "BURN-0001", "1.2.3.4.100")
                .text(0x00280301, "CS", "YES")
                .write(folder.resolve("burned.dcm"));
        TinyDicom.image("US", "Sono^Ben", "SONO-0002", "1.2.3.4.200").write(folder.resolve("ultrasound.dcm"));

        ImportReport strict = importStrict(folder);
        assertEquals(1, strict.images());
        assertSkippedBecause(strict, "burned.dcm", "Burned In Annotation is YES");
        assertEquals("ultrasound.dcm", strict.warnings().get(0).file());
        assertTrue(
                strict.warnings().get(0).message().contains("not stated"),
                strict.warnings().toString());

        ImportReport allowed = cases.run(folder, new ImportPolicy(true), ProgressListener.silent())
                .await();
        assertEquals(2, allowed.images());
        assertTrue(allowed.warnings().stream().anyMatch(w -> w.file().equals("burned.dcm")));
        for (ImportReport.ImportedFile file : allowed.imported()) {
            String bytes = Files.readString(assets.path(file.asset()), StandardCharsets.ISO_8859_1);
            for (String original : List.of(
                    "Burned^Anna",
                    "BURN-0001",
                    "Sono^Ben",
                    "SONO-0002",
                    "20170607",
                    "19510203",
                    "Tiny General Hospital",
                    "1.2.3.4.100",
                    "1.2.3.4.200")) {
                assertFalse(bytes.contains(original), file.file() + " contains " + original);
            }
        }
    }

    @Test
    void aFailingImportLeavesTheDatabaseAsItWas() throws Exception {
        Path folder = Files.createDirectories(scratch.resolve("first"));
        TinyDicom.image("OT", "First^Fay", "FIRST-1", "1.2.3.4.300")
                .text(0x00280301, "CS", "NO")
                .write(folder.resolve("first.dcm"));
        assertEquals(1, importStrict(folder).images());
        Map<String, Integer> before = counts();
        try (Connection db = connect();
                Statement sql = db.createStatement()) {
            // The disk "fills up" while the rows of the second import are written.
            sql.execute("CREATE TRIGGER disk_full BEFORE INSERT ON case_images WHEN (SELECT COUNT(*) FROM case_images)"
                    + " >= 5 BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
        }

        CompletionException failure = assertThrows(CompletionException.class, () -> cases.run(
                        Pydicom.TEST_FILES, ImportPolicy.strict(), ProgressListener.silent())
                .toCompletionStage()
                .toCompletableFuture()
                .join());
        assertTrue(
                failure.getCause().getMessage().contains("disk is full"),
                failure.getCause().toString());
        assertEquals(before, counts());
        assertNoWorkspaceLeft();
    }

    @Test
    void aMissingFolderOrACorruptZipFailsWithOneSentenceAndStoresNothing() throws Exception {
        Path missing = scratch.resolve("no-such-folder");
        CaseImportException notFound = failure(missing);
        assertEquals(missing + ": no such file or folder", notFound.getMessage());

        Path corrupt = scratch.resolve("cases.zip");
        Files.write(corrupt, "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        CaseImportException broken = failure(corrupt);
        assertTrue(broken.getMessage().startsWith(corrupt + ": not a readable zip archive"), broken.getMessage());
        assertFalse(broken.getMessage().contains("\n"));

        Path escaping = scratch.resolve("escaping.zip");
        try (OutputStream out = Files.newOutputStream(escaping);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("../../evil.dcm"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertTrue(failure(escaping).getMessage().contains("points outside the archive"));
        assertEquals(0, count("case_imports"));
        assertNoWorkspaceLeft();
    }

    private CaseImportException failure(Path source) {
        CompletionException failure = assertThrows(
                CompletionException.class, () -> cases.run(source, ImportPolicy.strict(), ProgressListener.silent())
                        .toCompletionStage()
                        .toCompletableFuture()
                        .join());
        return assertInstanceOf(CaseImportException.class, failure.getCause());
    }

    @Test
    void aZipIsImportedLikeAFolder() throws Exception {
        Path archive = scratch.resolve("cases.zip");
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm")) {
                zip.putNextEntry(new ZipEntry("case 1/" + name));
                zip.write(Files.readAllBytes(Pydicom.TEST_FILES.resolve(name)));
                zip.closeEntry();
            }
        }
        ImportReport report = importStrict(archive);
        assertEquals(3, report.files());
        assertEquals(2, report.images());
        assertEquals(2, report.studies());
        assertSkippedBecause(report, "case 1/rtplan.dcm", "not an image");
        assertNoWorkspaceLeft();
    }

    private void assertNoWorkspaceLeft() throws Exception {
        try (var files = Files.list(data)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.getFileName().toString().startsWith(".case-import-"))
                            .toList());
        }
    }

    private Map<String, Integer> counts() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (String table : List.of("case_imports", "case_studies", "case_series", "case_images", "assets")) {
            counts.put(table, count(table));
        }
        return counts;
    }

    private int count(String table) throws Exception {
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getInt(1);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
    }
}

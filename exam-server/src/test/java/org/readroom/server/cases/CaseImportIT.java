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
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import java.util.Arrays;
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
import org.readroom.core.errors.ErrorCode;
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
        assertSkippedBecause(report, "SC_rgb_rle_16bit.dcm", "RLE Lossless"); // PixelMed's RLE codec: 8-bit colour only
        for (String colour :
                List.of("SC_rgb_rle.dcm", "SC_rgb_small_odd.dcm", "SC_rgb_dcmtk_+eb+cy+s2.dcm", "ExplVR_BigEnd.dcm")) {
            assertTrue(importedAsset(report, colour) != null, colour + " is converted");
        }
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
        int colourStored = 0;
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
            if (image.photometric().isColour()) {
                // pydicom, the second reader, agrees: uncompressed interleaved RGB
                assertEquals("RGB", Pydicom.text(written, "PhotometricInterpretation"), file.toString());
                assertEquals("3", Pydicom.text(written, "SamplesPerPixel"), file.toString());
                colourStored++;
            }

            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            // A shifted date may by chance land on another file's original date (shifts are random, 1-10 years):
            // this file's own shifted dates are checked attribute by attribute below, so they explain such a match.
            Set<String> ownShiftedDates = new HashSet<>();
            for (String date : List.of("StudyDate", "SeriesDate", "AcquisitionDate", "ContentDate")) {
                ownShiftedDates.add(Pydicom.text(written, date));
            }
            for (String original : forbidden) {
                if (!ownShiftedDates.contains(original)) {
                    assertFalse(bytes.contains(original), file + " still contains \"" + original + "\"");
                }
            }
        }

        assertTrue(colourStored >= 15, "colour images stored: " + colourStored);

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
        DicomImage planar = decode(assets.path(importedAsset(report, "ExplVR_BigEnd.dcm")));
        assertArrayEquals(
                decode(Pydicom.TEST_FILES.resolve("ExplVR_BigEnd.dcm")).frames()[0], planar.frames()[0]);

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
                offsets.computeIfAbsent(patientOf(pair[0]), k -> new HashSet<>())
                        .add(days);
                shifted++;
            }
        }
        assertTrue(shifted > 20, "dates shifted: " + shifted);
        offsets.forEach((patient, days) -> assertEquals(1, days.size(), "patient " + patient + ": " + days));
    }

    /**
     * Whose file this is, as the import decides it: the Patient ID, else the name and birth date, else the study (files
     * without any patient fields, such as some secondary captures, are each their own study's).
     */
    private static String patientOf(JsonNode original) {
        String id = Pydicom.text(original, "PatientID");
        if (!id.isEmpty()) {
            return "id:" + id;
        }
        String name = Pydicom.text(original, "PatientName");
        if (!name.isEmpty()) {
            return "name:" + name + "|" + Pydicom.text(original, "PatientBirthDate");
        }
        return "study:" + Pydicom.text(original, "StudyInstanceUID");
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
            int colourThumbnails = 0;
            while (rows.next()) {
                byte[] png = Files.readAllBytes(assets.path(rows.getString(1)));
                var thumbnail = ImageIO.read(new ByteArrayInputStream(png));
                assertNotNull(thumbnail, "thumbnail is a PNG");
                assertTrue(thumbnail.getWidth() <= Thumbnails.MAX_SIZE && thumbnail.getHeight() <= Thumbnails.MAX_SIZE);
                if (hasColour(thumbnail)) {
                    colourThumbnails++;
                }
                series++;
            }
            assertTrue(series > 5);
            assertTrue(colourThumbnails >= 1, "colour series have colour thumbnails");
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

    private static boolean hasColour(java.awt.image.BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xFF) - (rgb & 0xFF)) > 40) {
                    return true;
                }
            }
        }
        return false;
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
        return failure(cases, source);
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

    /** Values planted in attributes of PS3.15 Table E.1-1 the profile once missed; none may reach a stored file. */
    private static final List<String> PLANTED = List.of(
            "PLANTED-ALT-BIRTH",
            "PLANTED-ALT-DEATH",
            "PLANTED_CALENDAR",
            "PLANTED-RESPONSIBLE-ORG",
            "PLANTED-DISCHARGE-DX",
            "PLANTED-VERIFYING-ORG",
            "PLANTED-STEP-DESCRIPTION",
            "Planted^Scheduled",
            "PLANTED-TOP-STEP",
            "Planted^Approver",
            "Planted^Distribution",
            "Planted^Author",
            "PLANTED-IMPRESSIONS",
            "PLANTED-RESULTS-COMMENTS",
            "PLANTED-CAMERA-OWNER",
            "PLANTED-SPECIMEN-ISSUER",
            "PLANTED-NESTED-STEP");

    private static final String PLANT =
            """
            import sys
            import pydicom
            from pydicom.dataset import Dataset
            from pydicom.sequence import Sequence
            ds = pydicom.dcmread(sys.argv[1])
            ds.PatientBirthDateInAlternativeCalendar = "PLANTED-ALT-BIRTH"
            ds.PatientDeathDateInAlternativeCalendar = "PLANTED-ALT-DEATH"
            ds.PatientAlternativeCalendar = "PLANTED_CALENDAR"
            ds.ResponsibleOrganization = "PLANTED-RESPONSIBLE-ORG"
            ds.DischargeDiagnosisDescription = "PLANTED-DISCHARGE-DX"
            ds.VerifyingOrganization = "PLANTED-VERIFYING-ORG"
            step = Dataset()
            step.ScheduledProcedureStepDescription = "PLANTED-STEP-DESCRIPTION"
            step.ScheduledPerformingPhysicianName = "Planted^Scheduled"
            ds.ScheduledProcedureStepSequence = Sequence([step])
            ds.ScheduledProcedureStepDescription = "PLANTED-TOP-STEP"
            ds.add_new(0x40080114, "PN", "Planted^Approver")
            ds.add_new(0x40080119, "PN", "Planted^Distribution")
            ds.add_new(0x4008010C, "PN", "Planted^Author")
            ds.add_new(0x40080300, "ST", "PLANTED-IMPRESSIONS")
            ds.add_new(0x40084000, "ST", "PLANTED-RESULTS-COMMENTS")
            ds.add_new(0x0016004D, "UT", "PLANTED-CAMERA-OWNER")
            issuer = Dataset()
            issuer.LocalNamespaceEntityID = "PLANTED-SPECIMEN-ISSUER"
            ds.IssuerOfTheSpecimenIdentifierSequence = Sequence([issuer])
            reference = Dataset()
            reference.ReferencedSOPClassUID = ds.SOPClassUID
            reference.ReferencedSOPInstanceUID = "1.2.826.0.1.3680043.2.1125.9.1"
            reference.ScheduledProcedureStepDescription = "PLANTED-NESTED-STEP"
            ds.ReferencedImageSequence = Sequence([reference])
            ds.save_as(sys.argv[2])
            """;

    private static final String CHECK_PLANTED =
            """
            import sys
            import pydicom
            ds = pydicom.dcmread(sys.argv[1])
            problems = [k for k in ["PatientBirthDateInAlternativeCalendar", "PatientDeathDateInAlternativeCalendar",
                                    "PatientAlternativeCalendar", "ResponsibleOrganization",
                                    "DischargeDiagnosisDescription", "VerifyingOrganization",
                                    "ScheduledProcedureStepSequence", "ScheduledProcedureStepDescription"] if k in ds]
            problems += [str(e.tag) for e in ds.iterall() if e.tag.group in (0x0016, 0x4008)]
            if len(ds.get("IssuerOfTheSpecimenIdentifierSequence", ["missing"])) != 0:
                problems.append("IssuerOfTheSpecimenIdentifierSequence is not empty")
            if "ScheduledProcedureStepDescription" in ds.ReferencedImageSequence[0]:
                problems.append("the nested ScheduledProcedureStepDescription")
            if problems:
                sys.exit("still in the stored file: " + ", ".join(problems))
            """;

    @Test
    void valuesPlantedInRowsOfTableE11TheProfileOnceMissedAreGoneFromTheStoredFile() throws Exception {
        Path folder = Files.createDirectories(scratch.resolve("planted"));
        Path planted = folder.resolve("planted.dcm");
        Pydicom.run(PLANT, Pydicom.TEST_FILES.resolve("CT_small.dcm").toString(), planted.toString());
        String source = Files.readString(planted, StandardCharsets.ISO_8859_1);
        for (String value : PLANTED) {
            assertTrue(source.contains(value), "the test input holds " + value);
        }

        ImportReport report = importStrict(folder);

        assertEquals(1, report.images(), report.skipped().toString());
        Path stored = assets.path(report.imported().get(0).asset());
        String bytes = Files.readString(stored, StandardCharsets.ISO_8859_1);
        for (String value : PLANTED) {
            assertFalse(bytes.contains(value), "the stored file still holds " + value);
        }
        assertFalse(bytes.toUpperCase(java.util.Locale.ROOT).contains("PLANTED"), "no planted value in any form");
        Pydicom.run(CHECK_PLANTED, stored.toString());
    }

    @Test
    void theLogNamesNoSourceFolderOrFileSinceTheyOftenNameThePatient() throws Exception {
        Path folder = Files.createDirectories(scratch.resolve("Doe^Jane 19510203"));
        for (String name : List.of("CT_small.dcm", "SC_rgb_jpeg.dcm", "MR_truncated.dcm", "rtplan.dcm", "README.txt")) {
            Files.copy(Pydicom.TEST_FILES.resolve(name), folder.resolve("DOE_JANE_" + name));
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        ImportReport report;
        try {
            report = importStrict(folder);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);

        assertEquals(1, report.images(), report.skipped().toString());
        assertTrue(log.contains("Case import: 5 files looked at"), "the log was captured: " + log);
        assertTrue(log.contains("Could not decode source file "), "a failing file was logged by its label: " + log);
        for (String identifying : List.of("Doe^Jane", "DOE_JANE", "19510203", scratch.toString())) {
            assertFalse(log.contains(identifying), "the log names \"" + identifying + "\": " + log);
        }
        for (ImportReport.FileNote note : report.skipped()) {
            assertFalse(note.message().contains("Doe^Jane"), "a reason quotes the folder: " + note);
        }
    }

    @Test
    void zipEntriesThatLeaveTheFolderRefuseTheWholeZip() throws Exception {
        for (String name : List.of(
                "../evil.dcm", "case/../../evil.dcm", "/tmp/evil.dcm", "C:\\evil.dcm", "case\\..\\..\\evil.dcm")) {
            Path archive = scratch.resolve("escaping.zip");
            try (OutputStream out = Files.newOutputStream(archive);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("case/CT_small.dcm"));
                zip.write(Files.readAllBytes(Pydicom.TEST_FILES.resolve("CT_small.dcm")));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(name));
                zip.write(new byte[] {1, 2, 3});
                zip.closeEntry();
            }
            CaseImportException refused = failure(archive);
            assertEquals(ErrorCode.CASE_ZIP_UNSAFE, refused.error(), name);
            assertTrue(refused.getMessage().contains("points outside the archive"), refused.getMessage());
            assertNoWorkspaceLeft();
        }
        assertFalse(Files.exists(scratch.resolveSibling("evil.dcm")));
        assertFalse(Files.exists(Path.of("/tmp/evil.dcm")));
        assertEquals(0, count("case_imports"));
        assertFalse(CaseSource.escapes("case 1/a..b.dcm"), "two dots inside a name are harmless");
    }

    @Test
    void aZipWithMoreEntriesThanTheLimitIsRefused() throws Exception {
        Path archive = scratch.resolve("many.zip");
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= CaseSource.MAX_ZIP_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("e/" + i));
                zip.closeEntry();
            }
        }
        CaseImportException refused = failure(archive);
        assertEquals(ErrorCode.CASE_ZIP_TOO_LARGE, refused.error());
        assertTrue(refused.getMessage().contains("more than 100,000 entries"), refused.getMessage());
        assertNoWorkspaceLeft();
    }

    @Test
    void aZipBombIsStoppedByTheBytesActuallyUnpackedWhateverItsHeadersClaim() throws Exception {
        Path archive = scratch.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("case/bomb.dcm"));
            zip.write(new byte[3 << 20]);
            zip.closeEntry();
        }
        claimUncompressedSize(archive, 100);
        try (java.util.zip.ZipFile check = new java.util.zip.ZipFile(archive.toFile())) {
            assertEquals(100, check.entries().nextElement().getSize(), "the header lies about the size");
        }
        CaseImport limited = new CaseImport(
                vertx,
                database,
                assets,
                data,
                Clock.systemUTC(),
                new CaseSource.Limits(CaseSource.MAX_ZIP_ENTRIES, 1 << 20));

        CaseImportException refused = failure(limited, archive);

        assertEquals(ErrorCode.CASE_ZIP_TOO_LARGE, refused.error());
        assertTrue(refused.getMessage().contains("unpacks to more than 1 MiB"), refused.getMessage());
        assertNoWorkspaceLeft();
        assertEquals(0, count("case_imports"));
    }

    @Test
    void theByteLimitCountsAllEntriesTogether() throws Exception {
        CaseImport limited =
                new CaseImport(vertx, database, assets, data, Clock.systemUTC(), new CaseSource.Limits(100, 1 << 20));
        Path two = zipOfText(scratch.resolve("two.zip"), 2, 400 << 10);
        assertEquals(
                2,
                limited.run(two, ImportPolicy.strict(), ProgressListener.silent())
                        .await()
                        .files());
        Path three = zipOfText(scratch.resolve("three.zip"), 3, 400 << 10);
        assertEquals(ErrorCode.CASE_ZIP_TOO_LARGE, failure(limited, three).error());
        assertNoWorkspaceLeft();
    }

    /** A zip of text files of {@code size} bytes each (text, so the decoder turns them away at once). */
    private static Path zipOfText(Path archive, int entries, int size) throws Exception {
        byte[] text = new byte[size];
        Arrays.fill(text, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry("notes/" + i + ".txt"));
                zip.write(text);
                zip.closeEntry();
            }
        }
        return archive;
    }

    /** Rewrites every header's uncompressed size (central directory and data descriptors) to {@code size}. */
    private static void claimUncompressedSize(Path archive, int size) throws Exception {
        byte[] bytes = Files.readAllBytes(archive);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 4 <= bytes.length; i++) {
            int signature = buffer.getInt(i);
            if (signature == 0x02014b50) { // central directory file header: uncompressed size at +24
                buffer.putInt(i + 24, size);
                patched++;
            } else if (signature == 0x08074b50) { // data descriptor: uncompressed size at +12
                buffer.putInt(i + 12, size);
                patched++;
            }
        }
        assertEquals(2, patched, "one central directory header and one data descriptor");
        Files.write(archive, bytes);
    }

    private CaseImportException failure(CaseImport importer, Path source) {
        CompletionException failure = assertThrows(
                CompletionException.class, () -> importer.run(source, ImportPolicy.strict(), ProgressListener.silent())
                        .toCompletionStage()
                        .toCompletableFuture()
                        .join());
        return assertInstanceOf(CaseImportException.class, failure.getCause());
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

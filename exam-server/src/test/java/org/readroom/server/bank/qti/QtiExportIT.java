package org.readroom.server.bank.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.readroom.server.bank.qti.ExportedPackage.only;
import static org.readroom.server.bank.qti.QtiRoundTripTest.options;
import static org.readroom.server.bank.qti.QtiRoundTripTest.text;

import io.vertx.core.Vertx;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.dicom.DecodeResult;
import org.readroom.core.dicom.DicomDecoder;
import org.readroom.core.dicom.DicomImage;
import org.readroom.core.dicom.deid.ImportPolicy;
import org.readroom.core.imaging.Ellipse;
import org.readroom.core.imaging.GrayscaleRenderer;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.imaging.WindowLevel;
import org.readroom.server.bank.io.BankReadResult;
import org.readroom.server.bank.io.SeriesResolver;
import org.readroom.server.cases.CaseImport;
import org.readroom.server.cases.CaseStore;
import org.readroom.server.cases.ImportReport;
import org.readroom.server.cases.ProgressListener;
import org.readroom.server.store.AssetStore;
import org.readroom.server.store.Database;
import org.w3c.dom.Element;

/**
 * QTI export of items whose series were really imported into the case library (pydicom's CT_small.dcm, 128×128,
 * JPEG2000.dcm, 256 columns × 1024 rows, and the colour SC_rgb_rle.dcm, 100×100 RGB), on a real SQLite file through the
 * real migrations: the package carries the pictures another system shows, and ReadRoom still reads it back into equal
 * items.
 */
class QtiExportIT {

    static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path data;

    @TempDir
    Path scratch;

    private final Vertx vertx = Vertx.vertx();
    private Database database;
    private AssetStore assets;
    private SeriesResolver library;
    private SeriesRef ct;
    private SeriesRef tall;
    private SeriesRef colour;

    @BeforeEach
    void importCases() throws Exception {
        assertTrue(Files.isDirectory(TEST_FILES), "python3-pydicom is missing: install the Debian package");
        database = Database.open(vertx, data.resolve("readroom.db")).await();
        assets = new AssetStore(data.resolve("assets"));
        Path cases = Files.createDirectories(scratch.resolve("cases"));
        for (String file : List.of("CT_small.dcm", "JPEG2000.dcm", "SC_rgb_rle.dcm")) {
            Files.copy(TEST_FILES.resolve(file), cases.resolve(file));
        }
        ImportReport report = new CaseImport(vertx, database, assets, data, Clock.systemUTC())
                .run(cases, ImportPolicy.strict(), ProgressListener.silent())
                .await();
        assertEquals(3, report.images(), report.skipped().toString());
        CaseStore store = new CaseStore(database);
        library = store.resolver().await();
        for (CaseStore.CaseSeries series :
                store.seriesOfImport(report.importId()).await()) {
            SeriesRef ref = library.find(CaseStore.publicId(series.id())).orElseThrow();
            if (series.columns() == 128 && series.rows() == 128) {
                ct = ref;
            } else if (series.columns() == 256 && series.rows() == 1024) {
                tall = ref;
            } else if (series.columns() == 100 && series.rows() == 100) {
                colour = ref;
            }
        }
        assertTrue(ct != null && tall != null && colour != null, "all three series are in the case library");
    }

    @AfterEach
    void close() {
        database.close();
        vertx.close().await();
    }

    private HotspotItem hotspotOnCt() {
        HotspotRegion lesion = new HotspotRegion.EllipseRegion(new Ellipse(new Point(64, 70), 10, 8));
        return new HotspotItem(
                "hs-ct",
                text("请标出病灶。", "Mark the lesion."),
                ct.seriesId(),
                0,
                128,
                128,
                lesion,
                2,
                List.of(ct, tall),
                ItemInfo.NONE);
    }

    private static DicomImage stored(AssetStore assets, SeriesRef series, int slice) {
        DecodeResult decoded =
                DicomDecoder.pixelMed().decode(assets.path(series.sliceAssets().get(slice)));
        return assertInstanceOf(DecodeResult.Decoded.class, decoded).image();
    }

    @Test
    void hotspotFrameIsAPngOfItsNativeSizeRenderedAsTheViewerDoesAndTheRoundTripStaysExact() throws Exception {
        List<Item> items = List.of(
                hotspotOnCt(),
                new SingleChoiceItem("sc-1", text("诊断？", "Diagnosis?"), options(3), "B", 1, List.of(tall), null));
        Path zip = data.resolve("export").resolve("bank.zip");
        QtiExport export = QtiBankWriter.write(items, QtiImages.caseLibrary(assets), zip);
        assertEquals(2, export.itemsWritten());
        ExportedPackage pkg = new ExportedPackage(zip);

        String hotspotFile = pkg.file("items/", "hs-ct");
        Element interaction = only(pkg.xml(hotspotFile).getDocumentElement(), "qti-select-point-interaction");
        assertEquals(ct.seriesId(), interaction.getAttribute("data-readroom-series"));
        assertEquals("0", interaction.getAttribute("data-readroom-frame"));
        Element object = only(interaction, "object");
        assertEquals("image/png", object.getAttribute("type"));
        String data = object.getAttribute("data");
        BufferedImage frame = pkg.picture(hotspotFile, data);
        assertEquals(128, frame.getWidth(), "columns");
        assertEquals(128, frame.getHeight(), "rows");
        pkg.assertListedFor(hotspotFile, ExportedPackage.resolve(hotspotFile, data));
        // Pixel for pixel what the viewer shows of the stored slice in its opening window: not a blank picture.
        DicomImage slice = stored(assets, ct, 0);
        int[] argb = new int[128 * 128];
        GrayscaleRenderer.render(slice, 0, slice.openingWindow(), false, argb);
        int[] levels = frame.getRaster().getPixels(0, 0, 128, 128, (int[]) null);
        int darkest = 255;
        int brightest = 0;
        for (int i = 0; i < argb.length; i++) {
            assertEquals(argb[i] & 0xFF, levels[i], "pixel " + i);
            darkest = Math.min(darkest, levels[i]);
            brightest = Math.max(brightest, levels[i]);
        }
        assertTrue(brightest - darkest > 100, "a CT slice, not a flat picture: " + darkest + ".." + brightest);

        // The hotspot's other series, and the single choice item's, show as <img>: 256 columns × 1024 rows.
        for (String itemFile : List.of(hotspotFile, pkg.file("items/", "sc-1"))) {
            Element img = only(pkg.xml(itemFile).getDocumentElement(), "img");
            assertEquals(
                    "Series " + tall.seriesId() + " (" + tall.description() + "), image 1 of 1",
                    img.getAttribute("alt"));
            BufferedImage picture = pkg.picture(itemFile, img.getAttribute("src"));
            assertEquals(List.of(256, 1024), List.of(picture.getWidth(), picture.getHeight()));
            pkg.assertListedFor(itemFile, ExportedPackage.resolve(itemFile, img.getAttribute("src")));
        }
        assertEquals(2, pkg.files("images/").size());

        BankReadResult back = QtiBankReader.read(zip, library);
        assertEquals(List.of(), back.problems());
        assertEquals(items, back.items());
    }

    @Test
    void aHotspotShowsItsOwnSliceAndAnotherSeriesItsMiddleSlice() throws Exception {
        // Series made of the stored slices, so that each slice has a size of its own and tells which was taken.
        SeriesRef ctThenTall = new SeriesRef(
                "S-2", "", List.of(ct.sliceAssets().get(0), tall.sliceAssets().get(0)), null, null);
        SeriesRef ctInTheMiddle = new SeriesRef(
                "S-3",
                "",
                List.of(
                        tall.sliceAssets().get(0),
                        ct.sliceAssets().get(0),
                        tall.sliceAssets().get(0)),
                -600.0,
                1500.0);
        HotspotItem onSecondSlice = new HotspotItem(
                "hs-2",
                text("", "Mark it."),
                "S-2",
                1,
                256,
                1024,
                new HotspotRegion.PointRegion(new Point(100, 900)),
                1,
                List.of(ctThenTall, ctInTheMiddle),
                ItemInfo.NONE);
        Path zip = data.resolve("bank.zip");
        QtiBankWriter.write(List.of(onSecondSlice), QtiImages.caseLibrary(assets), zip);
        ExportedPackage pkg = new ExportedPackage(zip);
        String itemFile = pkg.file("items/", "hs-2");
        Element item = pkg.xml(itemFile).getDocumentElement();
        BufferedImage marked = pkg.picture(itemFile, only(item, "object").getAttribute("data"));
        assertEquals(List.of(256, 1024), List.of(marked.getWidth(), marked.getHeight()));
        Element img = only(item, "img");
        assertEquals("Series S-3, image 2 of 3", img.getAttribute("alt"));
        BufferedImage middle = pkg.picture(itemFile, img.getAttribute("src"));
        assertEquals(List.of(128, 128), List.of(middle.getWidth(), middle.getHeight()));
        // The author's window (a lung window here) is the one the kiosk opens the series in, so the picture's too.
        DicomImage slice = stored(assets, ct, 0);
        int[] argb = new int[128 * 128];
        GrayscaleRenderer.render(slice, 0, new WindowLevel(-600, 1500), false, argb);
        int[] opening = new int[argb.length];
        GrayscaleRenderer.render(slice, 0, slice.openingWindow(), false, opening);
        assertFalse(Arrays.equals(argb, opening), "the two windows show the slice differently");
        int[] levels = middle.getRaster().getPixels(0, 0, 128, 128, (int[]) null);
        for (int i = 0; i < argb.length; i++) {
            assertEquals(argb[i] & 0xFF, levels[i], "pixel " + i);
        }
    }

    @Test
    void aColourSeriesIsExportedAsAColourPictureDrawnAsStored() throws Exception {
        DicomImage slice = stored(assets, colour, 0);
        assertTrue(slice.photometric().isColour(), "SC_rgb_rle.dcm is stored as colour: " + slice.photometric());
        HotspotItem onColour = new HotspotItem(
                "hs-rgb",
                text("", "Mark it."),
                colour.seriesId(),
                0,
                100,
                100,
                new HotspotRegion.PointRegion(new Point(50, 50)),
                1,
                List.of(colour),
                ItemInfo.NONE);
        SingleChoiceItem showingColour =
                new SingleChoiceItem("sc-rgb", text("", "Which?"), options(2), "A", 1, List.of(colour), null);
        List<Item> items = List.of(onColour, showingColour);
        Path zip = data.resolve("colour.zip");
        QtiBankWriter.write(items, QtiImages.caseLibrary(assets), zip);
        ExportedPackage pkg = new ExportedPackage(zip);

        int[] argb = new int[100 * 100];
        GrayscaleRenderer.render(slice, 0, slice.openingWindow(), false, argb);
        String hotspotFile = pkg.file("items/", "hs-rgb");
        String singleFile = pkg.file("items/", "sc-rgb");
        List<BufferedImage> pictures = List.of(
                pkg.picture(
                        hotspotFile,
                        only(pkg.xml(hotspotFile).getDocumentElement(), "object")
                                .getAttribute("data")),
                pkg.picture(
                        singleFile,
                        only(pkg.xml(singleFile).getDocumentElement(), "img").getAttribute("src")));
        for (BufferedImage picture : pictures) {
            assertEquals(List.of(100, 100), List.of(picture.getWidth(), picture.getHeight()));
            int coloured = 0;
            for (int i = 0; i < argb.length; i++) {
                int rgb = picture.getRGB(i % 100, i / 100) & 0xFFFFFF;
                // What the viewer shows, and that is the stored red, green and blue: no window applies to colour.
                assertEquals(argb[i] & 0xFFFFFF, rgb, "pixel " + i);
                int at = 3 * i;
                assertEquals(
                        slice.sample(0, at) << 16 | slice.sample(0, at + 1) << 8 | slice.sample(0, at + 2),
                        rgb,
                        "stored pixel " + i);
                if ((rgb >> 16 & 0xFF) != (rgb >> 8 & 0xFF) || (rgb >> 8 & 0xFF) != (rgb & 0xFF)) {
                    coloured++;
                }
            }
            assertTrue(coloured > 0, "a colour picture, not a grey one");
        }
        assertEquals(1, pkg.files("images/").size(), "the frame and the middle slice are the same picture");

        BankReadResult back = QtiBankReader.read(zip, library);
        assertEquals(List.of(), back.problems());
        assertEquals(items, back.items());
    }

    @Test
    void seriesMissingFromTheCaseLibraryIsNamedWithItsItemAndNoPackageIsWritten() throws Exception {
        SeriesRef neverImported = new SeriesRef("CS-99", "", List.of("0".repeat(64)), null, null);
        Files.delete(assets.path(ct.sliceAssets().get(0))); // the stored slice is gone from the asset store
        Path zip = data.resolve("bank.zip");
        QtiExportException refused = assertThrows(
                QtiExportException.class,
                () -> QtiBankWriter.write(
                        List.of(
                                hotspotOnCt(),
                                new SingleChoiceItem(
                                        "sc-2", text("", "Which?"), options(2), "A", 1, List.of(neverImported), null)),
                        QtiImages.caseLibrary(assets),
                        zip));
        assertEquals(
                List.of(
                        "item hs-ct: series " + ct.seriesId() + " is not in the case library (its image 1 of 1 is"
                                + " missing from the asset store); import the case first",
                        "item sc-2: series CS-99 is not in the case library (its image 1 of 1 is missing from the"
                                + " asset store); import the case first"),
                refused.problems());
        assertFalse(Files.exists(zip));
    }
}

package org.readroom.server.bank.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.readroom.server.bank.qti.ExportedPackage.elements;
import static org.readroom.server.bank.qti.ExportedPackage.only;
import static org.readroom.server.bank.qti.QtiRoundTripTest.CT;
import static org.readroom.server.bank.qti.QtiRoundTripTest.MR;
import static org.readroom.server.bank.qti.QtiRoundTripTest.PICTURES;
import static org.readroom.server.bank.qti.QtiRoundTripTest.hotspot;
import static org.readroom.server.bank.qti.QtiRoundTripTest.options;
import static org.readroom.server.bank.qti.QtiRoundTripTest.text;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.imaging.Ellipse;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.w3c.dom.Element;

/**
 * The pictures an export puts into the package for other QTI systems, on a painted case library ({@link
 * PaintedImages}: CT-0001 has three 512×512 slices, 2024-MR one 64×48 slice). {@code QtiExportIT} does the same on
 * stored DICOM.
 */
class QtiPackagePicturesTest {

    static final HotspotRegion CIRCLE = new HotspotRegion.EllipseRegion(new Ellipse(new Point(100, 100), 12.5, 12.5));

    @TempDir
    Path dir;

    private ExportedPackage export(List<org.readroom.core.bank.Item> items) throws Exception {
        Path zip = dir.resolve("bank.zip");
        QtiBankWriter.write(items, PICTURES, zip);
        return new ExportedPackage(zip);
    }

    /** The painted level of pixel (0, 0), which says which slice a painted picture is of. */
    private static int sliceOf(BufferedImage picture) {
        return picture.getRaster().getSample(0, 0, 0) / 40;
    }

    @Test
    void hotspotObjectIsItsFrameAsAPngInThePackageListedInTheManifest() throws Exception {
        ExportedPackage pkg = export(List.of(hotspot("hs-circle", CIRCLE)));
        String itemFile = pkg.file("items/", "hs-circle");
        Element interaction = only(pkg.xml(itemFile).getDocumentElement(), "qti-select-point-interaction");
        assertEquals("CT-0001", interaction.getAttribute("data-readroom-series"));
        assertEquals("2", interaction.getAttribute("data-readroom-frame"));
        Element object = only(interaction, "object");
        assertEquals("image/png", object.getAttribute("type"));
        assertEquals("512", object.getAttribute("width"));
        assertEquals("512", object.getAttribute("height"));
        assertEquals("Series CT-0001 (胸部 CT 肺窗), image 3 of 3", object.getTextContent());
        String data = object.getAttribute("data");
        assertTrue(data.matches("\\.\\./images/[0-9a-f]{64}\\.png"), data);
        BufferedImage frame = pkg.picture(itemFile, data);
        assertEquals(512, frame.getWidth());
        assertEquals(512, frame.getHeight());
        assertEquals(2, sliceOf(frame), "the picture is the item's frame, slice 2");
        pkg.assertListedFor(itemFile, ExportedPackage.resolve(itemFile, data));
    }

    @Test
    void everyOtherSeriesShowsItsMiddleSliceAsAnImgNamingTheSeries() throws Exception {
        ExportedPackage pkg = export(List.of(
                hotspot("hs-circle", CIRCLE),
                new SingleChoiceItem("1", text("诊断？", "Diagnosis?"), options(3), "A", 1, List.of(CT, MR), null)));
        // The hotspot item's marked series is its object; its other series is an <img>.
        String hotspotFile = pkg.file("items/", "hs-circle");
        List<Element> hotspotImgs = elements(pkg.xml(hotspotFile).getDocumentElement(), "img");
        assertEquals(1, hotspotImgs.size());
        assertEquals("Series 2024-MR, image 1 of 1", hotspotImgs.get(0).getAttribute("alt"));

        String choiceFile = pkg.file("items/", "_1");
        Element body = only(pkg.xml(choiceFile).getDocumentElement(), "qti-item-body");
        List<Element> imgs = elements(body, "img");
        assertEquals(
                List.of("Series CT-0001 (胸部 CT 肺窗), image 2 of 3", "Series 2024-MR, image 1 of 1"),
                imgs.stream().map(i -> i.getAttribute("alt")).toList());
        BufferedImage ct = pkg.picture(choiceFile, imgs.get(0).getAttribute("src"));
        assertEquals(List.of(512, 512, 1), List.of(ct.getWidth(), ct.getHeight(), sliceOf(ct)));
        assertEquals("512", imgs.get(0).getAttribute("width"));
        BufferedImage mr = pkg.picture(choiceFile, imgs.get(1).getAttribute("src"));
        assertEquals(List.of(64, 48), List.of(mr.getWidth(), mr.getHeight()));
        assertEquals("48", imgs.get(1).getAttribute("height"));
        for (Element img : imgs) {
            pkg.assertListedFor(choiceFile, ExportedPackage.resolve(choiceFile, img.getAttribute("src")));
            assertEquals("readroom-images", ((Element) img.getParentNode()).getAttribute("class"));
        }
    }

    @Test
    void caseClusterPicturesAreInItsStimulusAndAQuestionsOwnInItsItem() throws Exception {
        CaseClusterItem cluster = new CaseClusterItem(
                "case-7",
                text("女，45岁。", "Female, 45."),
                List.of(CT),
                List.of(
                        new SingleChoiceItem(
                                "q1", text("首选检查？", "First test?"), options(3), "B", 1, List.of(), ItemInfo.NONE),
                        new ShortAnswerItem(
                                "q2", text("随访建议？", "Follow-up?"), text("3 个月复查", "CT in 3 months"), 2, List.of(MR))),
                false,
                ItemInfo.NONE);
        ExportedPackage pkg = export(List.of(cluster));
        String stimulus = pkg.file("stimuli/", "case-7");
        Element img = only(pkg.xml(stimulus).getDocumentElement(), "img");
        assertEquals("Series CT-0001 (胸部 CT 肺窗), image 2 of 3", img.getAttribute("alt"));
        assertEquals(1, sliceOf(pkg.picture(stimulus, img.getAttribute("src"))));
        pkg.assertListedFor(stimulus, ExportedPackage.resolve(stimulus, img.getAttribute("src")));

        assertEquals(List.of(), elements(pkg.xml(pkg.file("items/", "q1")).getDocumentElement(), "img"));
        String q2 = pkg.file("items/", "q2");
        Element own = only(pkg.xml(q2).getDocumentElement(), "img");
        assertEquals("Series 2024-MR, image 1 of 1", own.getAttribute("alt"));
        pkg.assertListedFor(q2, ExportedPackage.resolve(q2, own.getAttribute("src")));
    }

    @Test
    void aPictureSeveralItemsShowIsOneFileAndOneResource() throws Exception {
        ExportedPackage pkg = export(QtiRoundTripTest.everyType());
        // CT slice 2 (the four hotspot items), CT's middle slice 1 (five items), MR (five items): three pictures.
        assertEquals(3, pkg.files("images/").size(), pkg.files.keySet().toString());
        List<Element> webContent = elements(pkg.xml("imsmanifest.xml").getDocumentElement(), "resource").stream()
                .filter(r -> r.getAttribute("type").equals("webcontent"))
                .toList();
        assertEquals(
                pkg.files("images/"),
                webContent.stream().map(r -> r.getAttribute("href")).toList());
    }

    @Test
    void seriesMissingFromTheCaseLibraryStopsTheExportNamingEveryItemAndSeries() throws Exception {
        SeriesRef gone = new SeriesRef("CT-9999", "", List.of("e".repeat(64)), null, null);
        Path zip = Files.writeString(dir.resolve("bank.zip"), "an earlier export");
        QtiExportException refused = assertThrows(
                QtiExportException.class,
                () -> QtiBankWriter.write(
                        List.of(
                                hotspot("hs-circle", CIRCLE),
                                new SingleChoiceItem(
                                        "sc-1", text("", "Which?"), options(2), "A", 1, List.of(gone), null),
                                new CaseClusterItem(
                                        "case-9",
                                        text("", "History"),
                                        List.of(gone, MR),
                                        List.of(
                                                new SingleChoiceItem(
                                                        "q1", text("", "First?"), options(2), "A", 1, List.of(), null),
                                                new SingleChoiceItem(
                                                        "q2",
                                                        text("", "Then?"),
                                                        options(2),
                                                        "B",
                                                        1,
                                                        List.of(gone),
                                                        null)),
                                        false,
                                        null)),
                        PICTURES,
                        zip));
        assertEquals(
                List.of(
                        "item sc-1: series CT-9999 is not in the case library",
                        "case cluster case-9: series CT-9999 is not in the case library",
                        "item case-9, question q2: series CT-9999 is not in the case library"),
                refused.problems());
        assertTrue(
                refused.getMessage().startsWith("nothing exported: item sc-1: series CT-9999"), refused.getMessage());
        assertEquals("an earlier export", Files.readString(zip), "the earlier file is left as it was");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(zip), left.toList(), "no partial file is left behind");
        }
    }

    @Test
    void hotspotFrameOfAnotherSizeThanTheItemsImageStopsTheExport() {
        QtiImages smaller = new PaintedImages(
                Map.of("CT-0001", new PaintedImages.Size(256, 512), "2024-MR", new PaintedImages.Size(64, 48)));
        QtiExportException refused = assertThrows(
                QtiExportException.class,
                () -> QtiBankWriter.write(List.of(hotspot("hs-circle", CIRCLE)), smaller, dir.resolve("b.zip")));
        assertEquals(
                List.of("item hs-circle: series CT-0001 image 3 is 256x512 pixels, but the item's region is drawn on"
                        + " a 512x512 image"),
                refused.problems());
        assertFalse(Files.exists(dir.resolve("b.zip")));
    }
}

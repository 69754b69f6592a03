package org.readroom.server.bank.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Difficulty;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.FillInRules;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.MatchingQuestion;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.NumericItem;
import org.readroom.core.bank.PartialCredit;
import org.readroom.core.bank.ReportItem;
import org.readroom.core.bank.RubricPoint;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.bank.Topic;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.imaging.Ellipse;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.text.LocalizedText;
import org.readroom.server.bank.io.BankReadResult;
import org.readroom.server.bank.io.SeriesResolver;

class QtiRoundTripTest {

    static final SeriesRef CT =
            new SeriesRef("CT-0001", "胸部 CT 肺窗", List.of(hash('a'), hash('b'), hash('c')), -600.0, 1500.0);
    static final SeriesRef MR = new SeriesRef("2024-MR", "", List.of(hash('d')), null, null);
    static final SeriesResolver LIBRARY = id ->
            Optional.ofNullable(Map.of(CT.seriesId(), CT, MR.seriesId(), MR).get(id));
    /** The pictures of the library's series: CT slices are 512×512 as the hotspot items say, MR 64×48. */
    static final QtiImages PICTURES = new PaintedImages(
            Map.of(CT.seriesId(), new PaintedImages.Size(512, 512), MR.seriesId(), new PaintedImages.Size(64, 48)));

    static final ItemInfo INFO = new ItemInfo(
            new Topic("胸部", "肺", "肺结节"),
            Difficulty.HARD,
            List.of(
                    LocalizedText.of("实性结节 ≥ 8 mm 需随访", "Solid nodules ≥ 8 mm need follow-up"),
                    LocalizedText.of("", "Fleischner 2017")));

    @TempDir
    Path dir;

    static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    static LocalizedText text(String zh, String en) {
        return LocalizedText.of(zh, en);
    }

    static List<ChoiceOption> options(int count) {
        String[] zh = {"肺癌", "结核球", "错构瘤", "炎性假瘤", "转移瘤"};
        String[] en = {"Lung cancer", "Tuberculoma", "Hamartoma", "Inflammatory pseudotumour", "Metastasis"};
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new ChoiceOption(String.valueOf((char) ('A' + i)), text(zh[i], en[i])))
                .toList();
    }

    static List<Item> everyType() {
        LocalizedText stem = text("男，65岁，咳嗽 3 周。\n最可能的诊断是？", "Male, 65, cough for 3 weeks.\nMost likely diagnosis?");
        return List.of(
                new SingleChoiceItem("1", stem, options(5), "C", 2, List.of(CT), INFO),
                new TrueFalseItem(
                        "tf.1", text("", "A hamartoma often contains fat."), true, 1, List.of(), ItemInfo.NONE),
                new TrueFalseItem("tf-2", text("磨玻璃结节均为良性。", ""), false, 1.5, List.of(), INFO),
                new MultipleChoiceItem(
                        "mc-all", stem, options(5), Set.of("A", "E"), PartialCredit.ALL_OR_NOTHING, 3, List.of(), INFO),
                new MultipleChoiceItem(
                        "mc-per",
                        stem,
                        options(5),
                        Set.of("A", "B", "E"),
                        PartialCredit.PER_OPTION,
                        2,
                        List.of(MR),
                        ItemInfo.NONE),
                new MultipleChoiceItem(
                        "mc-rmw",
                        stem,
                        options(4),
                        Set.of("B", "D"),
                        PartialCredit.RIGHT_MINUS_WRONG,
                        1,
                        List.of(),
                        ItemInfo.NONE),
                new FillInItem(
                        "fill-1",
                        text("右肺上叶病灶最可能是____。", "The lesion is most likely ____."),
                        List.of("周围型肺癌", "Peripheral lung cancer", "肺癌"),
                        new FillInRules(true, true, true, List.of(List.of("肺癌", "肺恶性肿瘤"), List.of("CA", "cancer"))),
                        2,
                        List.of(CT),
                        INFO),
                new FillInItem("fill-2", text("", "Name the sign: ____"), List.of("air bronchogram"), 1, List.of()),
                new NumericItem(
                        "num-1", text("测量结节长径。", "Measure the long axis."), 18.5, 2, "mm", 2, List.of(CT), INFO),
                new NumericItem("num-2", text("", "How many nodules?"), 3, 0, "", 0.5, List.of(), ItemInfo.NONE),
                hotspot("hs-ellipse", new HotspotRegion.EllipseRegion(new Ellipse(new Point(200.5, 180), 30, 20.25))),
                hotspot("hs-circle", new HotspotRegion.EllipseRegion(new Ellipse(new Point(100, 100), 12.5, 12.5))),
                hotspot(
                        "hs-poly",
                        new HotspotRegion.PolygonRegion(List.of(
                                new Point(10, 10), new Point(60.5, 12), new Point(40, 70), new Point(25.25, 30)))),
                hotspot("hs-point", new HotspotRegion.PointRegion(new Point(100.1, 50.3))),
                b1(),
                new ShortAnswerItem(
                        "sa-1",
                        text("简述肺结节的随访原则。", "Outline nodule follow-up."),
                        text("按大小与密度分层随访。", "Stratify by size and density."),
                        List.of(
                                new RubricPoint("size", text("大小", "Size"), 2),
                                new RubricPoint("density", text("密度", "Density"), 1.5)),
                        3.5,
                        List.of(),
                        INFO),
                new ShortAnswerItem(
                        "sa-2",
                        text("", "Explain the halo sign."),
                        text("", "Ground glass around a" + " nodule."),
                        2,
                        List.of()),
                new ReportItem(
                        "rep-1",
                        text("请书写诊断报告。", "Write the report."),
                        text("右肺上叶见 2.1 cm 分叶状结节，\n边缘毛刺。", "2.1 cm spiculated RUL nodule."),
                        text("右肺上叶周围型肺癌可能大。", "Likely peripheral lung cancer."),
                        List.of(
                                new RubricPoint("loc", text("部位", "Location"), 4),
                                new RubricPoint("dx", text("诊断", "Diagnosis"), 6)),
                        10,
                        List.of(CT),
                        INFO));
    }

    static HotspotItem hotspot(String id, HotspotRegion region) {
        return new HotspotItem(
                id, text("请标出病灶。", "Mark the lesion."), "CT-0001", 2, 512, 512, region, 2, List.of(CT, MR), INFO);
    }

    static MatchingItem b1() {
        return new MatchingItem(
                "b1-set",
                text("A–E 为备选答案。", "Options A–E."),
                options(5),
                List.of(
                        new MatchingQuestion("q1", text("最常见含脂肪的肺结节", "The fatty nodule"), "C", 1),
                        new MatchingQuestion("q2", text("", "Spiculated margin"), "A", 1.5),
                        new MatchingQuestion("3", text("多发随机分布结节", "Random multiple nodules"), "E", 2)),
                List.of(CT),
                INFO);
    }

    static CaseClusterItem cluster() {
        return new CaseClusterItem(
                "case-7",
                text("女，45岁，体检发现肺结节。", "Female, 45, incidental nodule."),
                List.of(CT),
                List.of(
                        new SingleChoiceItem(
                                "q1", text("首选检查？", "First test?"), options(3), "B", 1, List.of(), ItemInfo.NONE),
                        new ShortAnswerItem(
                                "q2", text("随访建议？", "Follow-up?"), text("3 个月复查", "CT in 3 months"), 2, List.of(MR)),
                        new NumericItem("q3", text("结节大小？", "Size?"), 7, 1, "mm", 1, List.of(), INFO)),
                true,
                INFO);
    }

    BankReadResult roundTrip(List<Item> items) throws IOException {
        Path zip = dir.resolve("bank.zip");
        QtiExport export = QtiBankWriter.write(items, PICTURES, zip);
        assertEquals(List.of(), export.warnings());
        assertEquals(items.size(), export.itemsWritten());
        return QtiBankReader.read(zip, LIBRARY);
    }

    @Test
    void everyExportableTypeComesBackEqual() throws IOException {
        List<Item> items = everyType();
        BankReadResult result = roundTrip(items);
        assertEquals(List.of(), result.problems());
        assertEquals(items.size(), result.items().size());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(
                    items.get(i), result.items().get(i), "item " + items.get(i).id());
        }
    }

    @Test
    void b1SetKeepsPerQuestionMarks() throws IOException {
        BankReadResult result = roundTrip(List.of(b1()));
        assertEquals(List.of(b1()), result.items());
        assertEquals(4.5, result.items().get(0).marks());
    }

    @Test
    void caseClusterIsRebuiltFromItsSharedStimulus() throws IOException {
        // The cluster's question q1 shares its id with the B1 set's question; both must survive.
        List<Item> items = List.of(everyType().get(0), cluster(), b1());
        BankReadResult result = roundTrip(items);
        assertEquals(List.of(), result.problems());
        assertEquals(items, result.items());
        assertTrue(((CaseClusterItem) result.items().get(1)).locksOnceAnswered());
    }

    @Test
    void exportWritesOneQtiItemPerQuestionAndAStimulusPerCluster() throws IOException {
        Path zip = dir.resolve("bank.zip");
        QtiExport export = QtiBankWriter.write(List.of(cluster(), b1()), PICTURES, zip);
        assertEquals(2, export.itemsWritten());
        assertEquals(4, export.qtiItemFiles());
        try (var fs = java.nio.file.FileSystems.newFileSystem(zip)) {
            String manifest = java.nio.file.Files.readString(fs.getPath("imsmanifest.xml"));
            assertTrue(manifest.contains("type=\"imsqti_stimulus_xmlv3p0\""), manifest);
            assertTrue(manifest.contains("<dependency identifierref=\"stimulus-0001\"/>"), manifest);
        }
    }

    @Test
    void b1SetWhoseQuestionIdIsAnOptionIdIsLeftOutWithAWarning() throws IOException {
        MatchingItem clash = new MatchingItem(
                "b1-clash",
                text("", "Options"),
                options(3),
                List.of(
                        new MatchingQuestion("A", text("", "first"), "B", 1),
                        new MatchingQuestion("q2", text("", "second"), "C", 1)),
                List.of(),
                ItemInfo.NONE);
        QtiExport export = QtiBankWriter.write(List.of(clash, b1()), PICTURES, dir.resolve("b.zip"));
        assertEquals(1, export.itemsWritten());
        assertEquals(1, export.warnings().size());
        assertTrue(
                export.warnings().get(0).startsWith("item b1-clash: not exported"),
                export.warnings().get(0));
    }
}

package org.readroom.core.bank;

import java.util.List;
import java.util.Set;
import org.readroom.core.imaging.Ellipse;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.text.LocalizedText;

/** One valid item of every type, with Chinese and English text, for tests. */
public final class SampleItems {

    public static final String SLICE = "a".repeat(64);
    public static final SeriesRef CHEST_CT =
            new SeriesRef("CT-0001", "胸部CT 肺窗", List.of(SLICE, "b".repeat(64)), -600.0, 1500.0);
    public static final ItemInfo CHEST = new ItemInfo(
            new Topic("胸部", "肺", "肺结节"), Difficulty.MEDIUM, List.of(LocalizedText.of("实性结节随访", "follow-up")));

    private SampleItems() {}

    public static List<ChoiceOption> options(String... ids) {
        return java.util.Arrays.stream(ids)
                .map(id -> new ChoiceOption(id, LocalizedText.of("选项" + id, "option " + id)))
                .toList();
    }

    public static SingleChoiceItem single(String id) {
        return new SingleChoiceItem(
                id,
                LocalizedText.of("结节位于哪一叶？", "Which lobe?"),
                options("A", "B", "C", "D"),
                "B",
                2,
                List.of(CHEST_CT),
                CHEST);
    }

    public static MultipleChoiceItem multiple(String id, PartialCredit rule) {
        return new MultipleChoiceItem(
                id,
                LocalizedText.of("以下哪些是恶性征象？", "Signs of malignancy?"),
                options("A", "B", "C", "D", "E"),
                Set.of("A", "C"),
                rule,
                4,
                List.of(),
                ItemInfo.NONE);
    }

    public static TrueFalseItem trueFalse(String id) {
        return new TrueFalseItem(
                id,
                LocalizedText.of("毛刺征提示恶性。", "Spiculation suggests malignancy."),
                true,
                1,
                List.of(),
                ItemInfo.NONE);
    }

    public static CaseClusterItem cluster(String id) {
        return new CaseClusterItem(
                id,
                LocalizedText.of("男，65岁，咳嗽两月。", "Man, 65, cough for two months."),
                List.of(CHEST_CT),
                List.of(single(id + "-1"), trueFalse(id + "-2")),
                true,
                CHEST);
    }

    public static MatchingItem matching(String id) {
        return new MatchingItem(
                id,
                LocalizedText.of("请为每种疾病选择最典型的征象", "Match each disease to its sign"),
                options("A", "B", "C", "D", "E"),
                List.of(
                        new MatchingQuestion(id + "-1", LocalizedText.of("肺炎", "pneumonia"), "A", 1),
                        new MatchingQuestion(id + "-2", LocalizedText.of("气胸", "pneumothorax"), "A", 1),
                        new MatchingQuestion(id + "-3", LocalizedText.of("肺癌", "lung cancer"), "E", 2)),
                List.of(),
                ItemInfo.NONE);
    }

    public static FillInItem fillIn(String id) {
        return new FillInItem(
                id,
                LocalizedText.of("CT值的单位是____", "The unit of CT numbers is ____"),
                List.of("HU", "亨氏单位"),
                new FillInRules(false, false, false, List.of(List.of("HU", "hounsfield unit", "hounsfield units"))),
                1,
                List.of(),
                ItemInfo.NONE);
    }

    public static NumericItem numeric(String id) {
        return new NumericItem(
                id,
                LocalizedText.of("测量结节长径", "Measure the nodule's long axis"),
                18,
                2,
                "mm",
                3,
                List.of(CHEST_CT),
                CHEST);
    }

    public static HotspotItem hotspot(String id) {
        return new HotspotItem(
                id,
                LocalizedText.of("请标出病灶", "Mark the lesion"),
                "CT-0001",
                1,
                512,
                512,
                new HotspotRegion.EllipseRegion(new Ellipse(new Point(300, 200), 20, 15)),
                2,
                List.of(CHEST_CT),
                CHEST);
    }

    public static ShortAnswerItem shortAnswer(String id) {
        return new ShortAnswerItem(
                id,
                LocalizedText.of("简述肺结节的随访原则", "Nodule follow-up?"),
                LocalizedText.of("按大小与密度分层随访", "by size and density"),
                List.of(
                        new RubricPoint("r1", LocalizedText.of("大小", "size"), 2),
                        new RubricPoint("r2", LocalizedText.of("密度", "density"), 2)),
                4,
                List.of(),
                ItemInfo.NONE);
    }

    public static ReportItem report(String id) {
        return new ReportItem(
                id,
                LocalizedText.of("请书写影像报告", "Write the report"),
                LocalizedText.of("右肺上叶见一实性结节，约18 mm，边缘毛刺。", "Solid 18 mm spiculated RUL nodule."),
                LocalizedText.of("右肺上叶结节，考虑肺癌。", "RUL nodule, likely cancer."),
                List.of(
                        new RubricPoint("loc", LocalizedText.of("部位：右肺上叶", "location"), 2),
                        new RubricPoint("size", LocalizedText.of("大小约18 mm", "size"), 2),
                        new RubricPoint("imp", LocalizedText.of("印象：肺癌", "impression"), 6)),
                10,
                List.of(CHEST_CT),
                CHEST);
    }

    /** One item of each of the ten types. */
    public static List<Item> everyType() {
        return List.of(
                single("s1"),
                multiple("m1", PartialCredit.PER_OPTION),
                trueFalse("t1"),
                cluster("c1"),
                matching("b1"),
                fillIn("f1"),
                numeric("n1"),
                hotspot("h1"),
                shortAnswer("sa1"),
                report("r1"));
    }
}

package org.readroom.server.demo;

import java.util.List;
import java.util.Set;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Difficulty;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.MatchingQuestion;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.NumericItem;
import org.readroom.core.bank.ReportItem;
import org.readroom.core.bank.RubricPoint;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.bank.Topic;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.dicom.phantom.ChestPhantom;
import org.readroom.core.imaging.Ellipse;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.paper.Paper;
import org.readroom.core.text.LocalizedText;

/** The demo paper: items of every type, several of them reading the synthetic phantom CT series. */
public final class DemoPaper {

    public static final String NODULE_ITEM = "demo-sc-nodule";
    public static final String WINDOW_ITEM = "demo-mc-window";
    public static final String UNIT_ITEM = "demo-fi-unit";
    public static final String LUNG_WINDOW_ITEM = "demo-sc-lungwindow";
    public static final String REPORT_ITEM = "demo-sa-report";
    public static final String TRUE_FALSE_ITEM = "demo-tf-margin";
    public static final String SIZE_ITEM = "demo-nu-size";
    public static final String HOTSPOT_ITEM = "demo-hs-nodule";
    public static final String CASE_ITEM = "demo-case";
    public static final String CASE_DIAGNOSIS_ITEM = "demo-case-1";
    public static final String CASE_FOLLOW_UP_ITEM = "demo-case-2";
    public static final String MATCHING_ITEM = "demo-b1-windows";
    public static final String WRITTEN_REPORT_ITEM = "demo-rp-report";
    /** Where the hotspot item's answer key is: the phantom's nodule, drawn generously. */
    public static final double HOTSPOT_RADIUS_PX = 14;

    private DemoPaper() {}

    /**
     * The demo paper over a phantom series of {@code sliceAssets.size()} slices of {@code size}² pixels (the hotspot
     * key is the phantom's nodule).
     */
    public static Paper build(String paperId, List<String> sliceAssets, int size) {
        SeriesRef ct = new SeriesRef(
                "phantom-chest",
                "合成胸部CT体模（非患者数据） Synthetic chest CT phantom (not patient data)",
                sliceAssets,
                -600.0,
                1500.0);
        return new Paper(
                paperId,
                text("医学影像学模拟考试（演示）", "Medical imaging mock exam (demo)"),
                30,
                List.of(
                        new SingleChoiceItem(
                                NODULE_ITEM,
                                text(
                                        "阅读胸部CT（合成体模），结节位于哪一侧肺？",
                                        "Read the chest CT (synthetic phantom). In which lung is the nodule?"),
                                List.of(
                                        option("A", "右肺", "Right lung"), option("B", "左肺", "Left lung"),
                                        option("C", "纵隔", "Mediastinum"), option("D", "未见结节", "No nodule")),
                                "A",
                                2,
                                List.of(ct)),
                        new MultipleChoiceItem(
                                WINDOW_ITEM,
                                text(
                                        "评估肺结节时，下列哪些窗宽窗位有用？（多选）",
                                        "Which windows help to assess a lung nodule? (choose all that apply)"),
                                List.of(
                                        option("A", "肺窗", "Lung window"), option("B", "纵隔窗", "Mediastinal window"),
                                        option("C", "脑窗", "Brain window"), option("D", "颞骨窗", "Temporal bone window")),
                                Set.of("A", "B"),
                                2,
                                List.of()),
                        new FillInItem(
                                UNIT_ITEM,
                                text("CT值的单位是______（填英文缩写）。", "The unit of CT numbers is ______ (abbreviation)."),
                                List.of("HU", "Hounsfield unit"),
                                1,
                                List.of()),
                        new SingleChoiceItem(
                                LUNG_WINDOW_ITEM,
                                text("肺窗常用的窗宽/窗位是？", "What is a typical lung window (width/level)?"),
                                List.of(
                                        option("A", "1500 / -600", "1500 / -600"), option("B", "350 / 50", "350 / 50"),
                                        option("C", "80 / 40", "80 / 40"), option("D", "1800 / 400", "1800 / 400")),
                                "A",
                                1,
                                List.of()),
                        new ShortAnswerItem(
                                REPORT_ITEM,
                                text(
                                        "请描述该病例的主要CT表现并给出印象。",
                                        "Describe the main CT findings of this case and give an impression."),
                                text(
                                        "右肺见一类圆形软组织密度结节，直径约12 mm，边界清楚；印象：右肺结节，建议随访。",
                                        "A round soft-tissue nodule of about 12 mm in the right lung, well defined; impression: right lung"
                                                + " nodule, follow-up advised."),
                                4,
                                List.of(ct)),
                        new TrueFalseItem(
                                TRUE_FALSE_ITEM,
                                text("肺结节边缘毛刺征提示恶性可能。", "A spiculated margin of a lung nodule suggests malignancy."),
                                true,
                                1,
                                List.of(),
                                ItemInfo.NONE),
                        new NumericItem(
                                SIZE_ITEM,
                                text("测量结节的最大直径（mm）。", "Measure the nodule's largest diameter (mm)."),
                                ChestPhantom.NODULE_DIAMETER_MM,
                                2,
                                "mm",
                                2,
                                List.of(ct),
                                CHEST_NODULE),
                        hotspot(ct, sliceAssets.size(), size),
                        new CaseClusterItem(
                                CASE_ITEM,
                                text(
                                        "男，62岁，吸烟40年，体检发现肺部结节。请阅读胸部CT后逐题作答，答后进入下一题即锁定。",
                                        "Man, 62, smoker for 40 years; a lung nodule was found at a check-up. Read the chest CT"
                                                + " and answer step by step: an answer locks once you move on."),
                                List.of(ct),
                                List.of(
                                        new SingleChoiceItem(
                                                CASE_DIAGNOSIS_ITEM,
                                                text("结节的密度类型是？", "What is the nodule's density?"),
                                                List.of(
                                                        option("A", "实性", "Solid"),
                                                        option("B", "纯磨玻璃", "Pure ground glass"),
                                                        option("C", "部分实性", "Part solid"),
                                                        option("D", "钙化", "Calcified")),
                                                "A",
                                                2,
                                                List.of(),
                                                CHEST_NODULE),
                                        new TrueFalseItem(
                                                CASE_FOLLOW_UP_ITEM,
                                                text("该结节需要随访或进一步检查。", "This nodule needs follow-up or work-up."),
                                                true,
                                                1,
                                                List.of(),
                                                CHEST_NODULE)),
                                true,
                                CHEST_NODULE),
                        new MatchingItem(
                                MATCHING_ITEM,
                                text(
                                        "为下列检查选择最合适的窗（每个选项可用一次、多次或不用）。",
                                        "Choose the best window for each study (an option may be used once, more, or not"
                                                + " at all)."),
                                List.of(
                                        option("A", "脑窗 80/40", "Brain 80/40"),
                                        option("B", "肺窗 1500/-600", "Lung 1500/-600"),
                                        option("C", "骨窗 1800/400", "Bone 1800/400"),
                                        option("D", "纵隔窗 350/50", "Mediastinum 350/50"),
                                        option("E", "肝窗 150/30", "Liver 150/30")),
                                List.of(
                                        new MatchingQuestion(
                                                MATCHING_ITEM + "-1", text("急性脑梗死", "Acute stroke"), "A", 1),
                                        new MatchingQuestion(MATCHING_ITEM + "-2", text("肺结节", "Lung nodule"), "B", 1),
                                        new MatchingQuestion(
                                                MATCHING_ITEM + "-3", text("肋骨骨折", "Rib fracture"), "C", 1)),
                                List.of(),
                                ItemInfo.NONE),
                        new ReportItem(
                                WRITTEN_REPORT_ITEM,
                                text(
                                        "请书写该胸部CT的诊断报告（所见与印象）。",
                                        "Write the report of this chest CT (findings and" + " impression)."),
                                text(
                                        "右肺见一实性结节，直径约12 mm，边界清楚，未见钙化。",
                                        "A solid 12 mm nodule in the right lung," + " well defined, not calcified."),
                                text("右肺实性结节，建议3个月后CT复查。", "Solid right lung nodule; CT follow-up in 3 months."),
                                List.of(
                                        new RubricPoint("location", text("部位：右肺", "Location: right lung"), 1),
                                        new RubricPoint("size", text("大小约12 mm", "Size about 12 mm"), 1),
                                        new RubricPoint("density", text("实性", "Solid"), 1),
                                        new RubricPoint("plan", text("随访建议", "Follow-up advice"), 1)),
                                4,
                                List.of(ct),
                                CHEST_NODULE)));
    }

    /** The questions a candidate answers on the demo paper (the case and the B1 set count by their questions). */
    public static int questionCount() {
        return build("count", java.util.Collections.nCopies(DemoExam.SLICES, "0".repeat(64)), DemoExam.SIZE)
                .questions()
                .size();
    }

    private static final ItemInfo CHEST_NODULE = new ItemInfo(
            new Topic("胸部", "肺", "肺结节"),
            Difficulty.MEDIUM,
            List.of(text("实性结节按大小决定随访间隔。", "Solid nodules are followed up by size.")));

    private static HotspotItem hotspot(SeriesRef ct, int slices, int size) {
        ChestPhantom.Landmarks landmarks = ChestPhantom.landmarks(slices, size);
        Point nodule =
                new Point(landmarks.nodule().column() + 0.5, landmarks.nodule().row() + 0.5);
        return new HotspotItem(
                HOTSPOT_ITEM,
                text("在结节最大层面上标出结节。", "Mark the nodule on the slice where it is largest."),
                ct.seriesId(),
                landmarks.noduleSlice(),
                size,
                size,
                new HotspotRegion.EllipseRegion(new Ellipse(nodule, HOTSPOT_RADIUS_PX, HOTSPOT_RADIUS_PX)),
                2,
                List.of(ct),
                CHEST_NODULE);
    }

    private static LocalizedText text(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    private static ChoiceOption option(String id, String zh, String en) {
        return new ChoiceOption(id, text(zh, en));
    }
}

package org.readroom.server.demo;

import java.util.List;
import java.util.Set;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.paper.Paper;
import org.readroom.core.text.LocalizedText;

/** The demo paper: one item of each type the walking skeleton knows, two of them reading the phantom CT series. */
public final class DemoPaper {

    public static final String NODULE_ITEM = "demo-sc-nodule";
    public static final String WINDOW_ITEM = "demo-mc-window";
    public static final String UNIT_ITEM = "demo-fi-unit";
    public static final String LUNG_WINDOW_ITEM = "demo-sc-lungwindow";
    public static final String REPORT_ITEM = "demo-sa-report";

    private DemoPaper() {}

    public static Paper build(String paperId, List<String> sliceAssets) {
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
                                List.of(ct))));
    }

    private static LocalizedText text(String zh, String en) {
        return new LocalizedText(zh, en);
    }

    private static ChoiceOption option(String id, String zh, String en) {
        return new ChoiceOption(id, text(zh, en));
    }
}

package org.readroom.server.bank.io;

import static org.readroom.server.bank.io.ExcelColumn.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.readroom.core.bank.ItemType;

/**
 * The sheets of the Excel bank template, one per item type, named in Chinese (the English type name is accepted too),
 * with their columns in template order: which must be present, and, for the two group sheets, which are shared by a
 * group and read from its first row.
 */
enum ExcelSheet {
    SINGLE_CHOICE(
            "单选题",
            ItemType.SINGLE_CHOICE,
            "A1/A2型题：一个最佳答案。",
            "A1/A2: one best answer.",
            choice(ID, STEM_ZH, STEM_EN, KEY, MARKS),
            Set.of(ID, STEM_ZH, OPTION_A, OPTION_B, KEY, MARKS),
            Set.of()),
    MULTIPLE_CHOICE(
            "多选题",
            ItemType.MULTIPLE_CHOICE,
            "X型题：两个或以上正确答案。",
            "X-type: two or more correct options.",
            choice(ID, STEM_ZH, STEM_EN, KEY, PARTIAL_CREDIT, MARKS),
            Set.of(ID, STEM_ZH, OPTION_A, OPTION_B, OPTION_C, KEY, MARKS),
            Set.of()),
    TRUE_FALSE(
            "判断题",
            ItemType.TRUE_FALSE,
            "判断对错。",
            "True or false.",
            withInfo(ID, STEM_ZH, STEM_EN, KEY, MARKS),
            Set.of(ID, STEM_ZH, KEY, MARKS),
            Set.of()),
    CASE_CLUSTER(
            "病例组题",
            ItemType.CASE_CLUSTER,
            "A3/A4型题：一个病例带2-12道小题（单选、多选或判断），每道小题一行，同一病例的各行组号相同。",
            "A3/A4: one case, 2-12 questions (single, multiple or true/false), one row each, sharing a group id.",
            caseCluster(),
            Set.of(GROUP, HISTORY_ZH, ID, STEM_ZH, OPTION_A, OPTION_B, KEY, MARKS),
            Set.of(HISTORY_ZH, HISTORY_EN, IMAGES, LOCK, ORGAN, SUBSPECIALTY, DIAGNOSIS, DIFFICULTY, TEACHING_POINTS)),
    MATCHING(
            "配伍题",
            ItemType.MATCHING,
            "B1型题：一组共用选项，至少2道小题，每道小题一行，同组各行组号相同；选项写在该组第一行。",
            "B1: a shared option list and 2 or more questions, one row each, sharing a group id; options on the first row.",
            matching(),
            Set.of(GROUP, OPTION_A, OPTION_B, ID, STEM_ZH, KEY, MARKS),
            Set.of(
                    GROUP_STEM_ZH,
                    GROUP_STEM_EN,
                    OPTION_A,
                    OPTION_B,
                    OPTION_C,
                    OPTION_D,
                    OPTION_E,
                    OPTION_F,
                    OPTION_G,
                    OPTION_H,
                    IMAGES,
                    ORGAN,
                    SUBSPECIALTY,
                    DIAGNOSIS,
                    DIFFICULTY,
                    TEACHING_POINTS)),
    FILL_IN(
            "填空题",
            ItemType.FILL_IN,
            "填空题：答案按规则规范化后与可接受答案比较。",
            "Fill in the blank, compared after normalisation.",
            withInfo(ID, STEM_ZH, STEM_EN, ANSWERS, SYNONYMS, CASE_SENSITIVE, KEEP_PUNCTUATION, IGNORE_SPACES, MARKS),
            Set.of(ID, STEM_ZH, ANSWERS, MARKS),
            Set.of()),
    NUMERIC(
            "数值题",
            ItemType.NUMERIC,
            "数值题：在允许误差内即得分，如测量结节长径。",
            "A number within a tolerance, e.g. a measurement.",
            withInfo(ID, STEM_ZH, STEM_EN, VALUE, TOLERANCE, UNIT, MARKS),
            Set.of(ID, STEM_ZH, VALUE, MARKS),
            Set.of()),
    HOTSPOT(
            "图像标注题",
            ItemType.HOTSPOT,
            "图像标注题：考生在图像上标出病灶，落在标准区域内即得分。",
            "Mark the lesion: right when the mark lies in the author's region.",
            withInfo(ID, STEM_ZH, STEM_EN, SERIES, FRAME, WIDTH, HEIGHT, SHAPE, COORDINATES, MARKS),
            Set.of(ID, STEM_ZH, SERIES, FRAME, WIDTH, HEIGHT, SHAPE, COORDINATES, MARKS),
            Set.of()),
    SHORT_ANSWER(
            "简答题",
            ItemType.SHORT_ANSWER,
            "简答题：人工阅卷。",
            "Short answer, marked by teachers.",
            withInfo(ID, STEM_ZH, STEM_EN, MODEL_ANSWER, MODEL_ANSWER_EN, RUBRIC, MARKS),
            Set.of(ID, STEM_ZH, MODEL_ANSWER, MARKS),
            Set.of()),
    REPORT(
            "报告题",
            ItemType.REPORT,
            "报告书写题：考生写影像所见与诊断印象，人工按评分要点阅卷。",
            "Report writing (findings and impression), marked against the rubric.",
            withInfo(
                    ID,
                    STEM_ZH,
                    STEM_EN,
                    MODEL_FINDINGS,
                    MODEL_FINDINGS_EN,
                    MODEL_IMPRESSION,
                    MODEL_IMPRESSION_EN,
                    RUBRIC,
                    MARKS),
            Set.of(ID, STEM_ZH, MODEL_FINDINGS, MODEL_IMPRESSION, RUBRIC, MARKS),
            Set.of());

    /** The sheet the template uses for instructions; the reader skips it. */
    static final String INSTRUCTIONS = "说明";

    private final String zh;
    private final ItemType type;
    private final String helpZh;
    private final String helpEn;
    private final List<ExcelColumn> columns;
    private final Set<ExcelColumn> required;
    private final Set<ExcelColumn> shared;

    ExcelSheet(
            String zh,
            ItemType type,
            String helpZh,
            String helpEn,
            List<ExcelColumn> columns,
            Set<ExcelColumn> required,
            Set<ExcelColumn> shared) {
        this.zh = zh;
        this.type = type;
        this.helpZh = helpZh;
        this.helpEn = helpEn;
        this.columns = columns;
        this.required = required;
        this.shared = shared;
    }

    String zh() {
        return zh;
    }

    ItemType type() {
        return type;
    }

    String helpZh() {
        return helpZh;
    }

    String helpEn() {
        return helpEn;
    }

    /** Every column of the sheet, in template order. */
    List<ExcelColumn> columns() {
        return columns;
    }

    boolean isRequired(ExcelColumn column) {
        return required.contains(column);
    }

    /** Columns a group shares, read from the group's first row (group sheets only). */
    Set<ExcelColumn> shared() {
        return shared;
    }

    boolean isGroup() {
        return type == ItemType.CASE_CLUSTER || type == ItemType.MATCHING;
    }

    /** "单选题 (single_choice)". */
    String label() {
        return zh + " (" + type.wireName() + ")";
    }

    /** The sheet for a sheet name: the Chinese name, the type's English name, or both; null when none. */
    static ExcelSheet named(String name) {
        String key = ExcelColumn.normalize(name);
        for (ExcelSheet sheet : values()) {
            String zhKey = ExcelColumn.normalize(sheet.zh);
            String enKey = ExcelColumn.normalize(sheet.type.wireName());
            if (key.equals(zhKey) || key.equals(enKey) || key.equals(zhKey + enKey)) {
                return sheet;
            }
        }
        return null;
    }

    static boolean isInstructions(String name) {
        String key = ExcelColumn.normalize(name);
        return key.equals(INSTRUCTIONS) || key.equals("instructions") || key.equals(INSTRUCTIONS + "instructions");
    }

    private static List<ExcelColumn> choice(ExcelColumn... head) {
        List<ExcelColumn> columns = new ArrayList<>();
        for (ExcelColumn column : head) {
            if (column == KEY) {
                columns.addAll(Arrays.asList(ExcelColumn.OPTIONS));
            }
            columns.add(column);
        }
        return withInfo(columns.toArray(ExcelColumn[]::new));
    }

    private static List<ExcelColumn> withInfo(ExcelColumn... head) {
        List<ExcelColumn> columns = new ArrayList<>(Arrays.asList(head));
        columns.addAll(List.of(IMAGES, ORGAN, SUBSPECIALTY, DIAGNOSIS, DIFFICULTY, TEACHING_POINTS, NOTES));
        return List.copyOf(columns);
    }

    private static List<ExcelColumn> caseCluster() {
        List<ExcelColumn> columns = new ArrayList<>(List.of(
                GROUP,
                HISTORY_ZH,
                HISTORY_EN,
                IMAGES,
                LOCK,
                ORGAN,
                SUBSPECIALTY,
                DIAGNOSIS,
                DIFFICULTY,
                TEACHING_POINTS,
                ID,
                QUESTION_TYPE,
                STEM_ZH,
                STEM_EN));
        columns.addAll(Arrays.asList(ExcelColumn.OPTIONS));
        columns.addAll(List.of(KEY, PARTIAL_CREDIT, MARKS, NOTES));
        return List.copyOf(columns);
    }

    private static List<ExcelColumn> matching() {
        List<ExcelColumn> columns = new ArrayList<>(List.of(GROUP, GROUP_STEM_ZH, GROUP_STEM_EN));
        columns.addAll(Arrays.asList(ExcelColumn.OPTIONS));
        columns.addAll(List.of(
                IMAGES,
                ORGAN,
                SUBSPECIALTY,
                DIAGNOSIS,
                DIFFICULTY,
                TEACHING_POINTS,
                ID,
                STEM_ZH,
                STEM_EN,
                KEY,
                MARKS,
                NOTES));
        return List.copyOf(columns);
    }
}

package org.readroom.server.bank.io;

import static org.readroom.server.bank.io.ExcelColumn.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.readroom.core.bank.ItemType;

/**
 * The sheets of the Excel bank template, one per item type, named in Chinese (the English type name is accepted too),
 * with their columns in template order: which must be present, and, for the two group sheets, which are shared by a
 * group and read from its first row. A single-question type's own columns (options and key, accepted answers, value
 * and tolerance…) are listed once, in {@link #own}: its sheet and a case cluster's question of that type read the same
 * columns.
 */
enum ExcelSheet {
    SINGLE_CHOICE("单选题", ItemType.SINGLE_CHOICE, "A1/A2型题：一个最佳答案。", "A1/A2: one best answer."),
    MULTIPLE_CHOICE("多选题", ItemType.MULTIPLE_CHOICE, "X型题：两个或以上正确答案。", "X-type: two or more correct options."),
    TRUE_FALSE("判断题", ItemType.TRUE_FALSE, "判断对错。", "True or false."),
    CASE_CLUSTER(
            "病例组题",
            ItemType.CASE_CLUSTER,
            "A3/A4型题：一个病例带2-12道小题，每道小题一行，同一病例的各行组号相同。小题题型写在“题型”列（单选、多选、判断、填空、数值、图像标注、简答、报告），"
                    + "每道小题填写与该题型工作表相同的列，其他题型的列留空。",
            "A3/A4: one case, 2-12 questions, one row each, sharing a group id. 题型 gives each question's type (any"
                    + " single-question type); a question fills the columns of its type's own sheet and leaves the others"
                    + " empty.",
            caseCluster(),
            Set.of(GROUP, HISTORY_ZH, ID, STEM_ZH, MARKS),
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
    FILL_IN("填空题", ItemType.FILL_IN, "填空题：答案按规则规范化后与可接受答案比较。", "Fill in the blank, compared after normalisation."),
    NUMERIC("数值题", ItemType.NUMERIC, "数值题：在允许误差内即得分，如测量结节长径。", "A number within a tolerance, e.g. a measurement."),
    HOTSPOT(
            "图像标注题",
            ItemType.HOTSPOT,
            "图像标注题：考生在图像上标出病灶，落在标准区域内即得分。",
            "Mark the lesion: right when the mark lies in the author's region."),
    SHORT_ANSWER("简答题", ItemType.SHORT_ANSWER, "简答题：人工阅卷。", "Short answer, marked by teachers."),
    REPORT(
            "报告题",
            ItemType.REPORT,
            "报告书写题：考生写影像所见与诊断印象，人工按评分要点阅卷。",
            "Report writing (findings and impression), marked against the rubric.");

    /** The sheet the template uses for instructions; the reader skips it. */
    static final String INSTRUCTIONS = "说明";

    private final String zh;
    private final ItemType type;
    private final String helpZh;
    private final String helpEn;
    private final List<ExcelColumn> columns;
    private final Set<ExcelColumn> required;
    private final Set<ExcelColumn> shared;
    private final List<ExcelColumn> questionColumns;

    /** A single-question sheet: id, stem, the type's own columns, marks, then images and metadata. */
    ExcelSheet(String zh, ItemType type, String helpZh, String helpEn) {
        this.zh = zh;
        this.type = type;
        this.helpZh = helpZh;
        this.helpEn = helpEn;
        this.questionColumns = own(type);
        List<ExcelColumn> head = new ArrayList<>(List.of(ID, STEM_ZH, STEM_EN));
        head.addAll(questionColumns);
        head.add(MARKS);
        this.columns = withInfo(head.toArray(ExcelColumn[]::new));
        Set<ExcelColumn> needed = EnumSet.of(ID, STEM_ZH, MARKS);
        needed.addAll(ownRequired(type));
        this.required = Set.copyOf(needed);
        this.shared = Set.of();
    }

    /** A group sheet. */
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
        this.questionColumns = type == ItemType.CASE_CLUSTER ? everyQuestionColumn() : List.of();
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

    /**
     * The columns a question of this sheet's type reads besides id, stem and marks (options and key, accepted
     * answers…); for the case-cluster sheet, those of every type, the columns its rows choose from by 题型.
     */
    List<ExcelColumn> questionColumns() {
        return questionColumns;
    }

    /** The word a case cluster's 题型 cell uses for this type: the sheet name without 题 ("填空"). */
    String questionWord() {
        return zh.endsWith("题") ? zh.substring(0, zh.length() - 1) : zh;
    }

    /** The sheet of an item type. */
    static ExcelSheet of(ItemType type) {
        for (ExcelSheet sheet : values()) {
            if (sheet.type == type) {
                return sheet;
            }
        }
        throw new IllegalArgumentException("no sheet for " + type);
    }

    /** The single-question sheets, whose types a case cluster's question may have. */
    static List<ExcelSheet> questionSheets() {
        return Arrays.stream(values()).filter(sheet -> !sheet.isGroup()).toList();
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

    /** A single-question type's own columns, in template order. */
    private static List<ExcelColumn> own(ItemType type) {
        switch (type) {
            case SINGLE_CHOICE:
                return options(KEY);
            case MULTIPLE_CHOICE:
                return options(KEY, PARTIAL_CREDIT);
            case TRUE_FALSE:
                return List.of(KEY);
            case FILL_IN:
                return List.of(ANSWERS, SYNONYMS, CASE_SENSITIVE, KEEP_PUNCTUATION, IGNORE_SPACES);
            case NUMERIC:
                return List.of(VALUE, TOLERANCE, UNIT);
            case HOTSPOT:
                return List.of(SERIES, FRAME, WIDTH, HEIGHT, SHAPE, COORDINATES);
            case SHORT_ANSWER:
                return List.of(MODEL_ANSWER, MODEL_ANSWER_EN, RUBRIC);
            case REPORT:
                return List.of(MODEL_FINDINGS, MODEL_FINDINGS_EN, MODEL_IMPRESSION, MODEL_IMPRESSION_EN, RUBRIC);
            default:
                throw new IllegalArgumentException("not a single-question type: " + type);
        }
    }

    /** Which of a type's own columns a question of that type must fill. */
    private static Set<ExcelColumn> ownRequired(ItemType type) {
        switch (type) {
            case SINGLE_CHOICE:
                return Set.of(OPTION_A, OPTION_B, KEY);
            case MULTIPLE_CHOICE:
                return Set.of(OPTION_A, OPTION_B, OPTION_C, KEY);
            case TRUE_FALSE:
                return Set.of(KEY);
            case FILL_IN:
                return Set.of(ANSWERS);
            case NUMERIC:
                return Set.of(VALUE);
            case HOTSPOT:
                return Set.of(SERIES, FRAME, WIDTH, HEIGHT, SHAPE, COORDINATES);
            case SHORT_ANSWER:
                return Set.of(MODEL_ANSWER);
            case REPORT:
                return Set.of(MODEL_FINDINGS, MODEL_IMPRESSION, RUBRIC);
            default:
                throw new IllegalArgumentException("not a single-question type: " + type);
        }
    }

    /** The options A-H followed by {@code after}. */
    private static List<ExcelColumn> options(ExcelColumn... after) {
        List<ExcelColumn> columns = new ArrayList<>(Arrays.asList(ExcelColumn.OPTIONS));
        columns.addAll(Arrays.asList(after));
        return List.copyOf(columns);
    }

    /** The own columns of every single-question type, each once, in the order of the types (rubric last). */
    private static List<ExcelColumn> everyQuestionColumn() {
        Set<ExcelColumn> columns = new LinkedHashSet<>();
        for (ItemType type : ItemType.values()) {
            if (type != ItemType.CASE_CLUSTER && type != ItemType.MATCHING) {
                columns.addAll(own(type));
            }
        }
        columns.remove(RUBRIC); // shared by short answers and reports: after both
        columns.add(RUBRIC);
        return List.copyOf(columns);
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
        columns.addAll(everyQuestionColumn());
        columns.addAll(List.of(MARKS, NOTES));
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

package org.readroom.server.bank.io;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A column of the Excel bank template. A header cell names its column in Chinese, in English or both ("题号 id"); the
 * match ignores case, spaces, '_' and full-width forms, so columns may come in any order. Problems name a column by its
 * Chinese header.
 */
enum ExcelColumn {
    GROUP(
            "组号",
            "group",
            "同一组号的各行组成一组题；组的共用内容（病历、影像、选项…）写在该组第一行。",
            "Rows with the same group id form one set; shared content goes on the group's first row."),
    HISTORY_ZH(
            "病历(中文)",
            "history_zh",
            "病例组题共用的病史与检查资料（中文）。",
            "The case history shared by the group's questions (Chinese)."),
    HISTORY_EN("病历(英文)", "history_en", "病史的英文版本，可留空。", "The case history in English; may be empty."),
    GROUP_STEM_ZH(
            "组题干(中文)",
            "group_stem_zh",
            "配伍题的共用说明；留空时使用标准的B1型题说明。",
            "The set's shared instruction; empty means the standard B1 instruction."),
    GROUP_STEM_EN("组题干(英文)", "group_stem_en", "共用说明的英文版本，可留空。", "The shared instruction in English; may be empty."),
    LOCK(
            "逐题锁定",
            "lock_once_answered",
            "是：考生进入下一小题后不能再改前一小题（A4型，后续小题会透露更多病情）。默认否。",
            "yes: a question cannot be changed once the candidate moves on (A4). Default no."),
    ID(
            "题号",
            "id",
            "题目的唯一编号：1-64个英文字母、数字、'_'、'.'或'-'，如 CT-LUNG-001。",
            "Unique id: 1-64 letters, digits, '_', '.' or '-', e.g. CT-LUNG-001."),
    QUESTION_TYPE(
            "题型",
            "question_type",
            "小题题型：单选（默认）、多选、判断、填空、数值、图像标注、简答 或 报告。每种题型填写与同名工作表相同的列，其他题型的列留空。",
            "The question's type: single_choice (default), multiple_choice, true_false, fill_in, numeric, hotspot,"
                    + " short_answer or report. Each type fills the columns of its own sheet; leave the others empty."),
    STEM_ZH("题干(中文)", "stem_zh", "题目正文（中文）。中英文至少填一种。", "The question (Chinese). Fill Chinese, English or both."),
    STEM_EN("题干(英文)", "stem_en", "题目正文（英文），可留空。", "The question in English; may be empty."),
    OPTION_A(
            "选项A",
            "option_a",
            "选项文字；可写成“中文 | English”。选项须从A起连续填写。",
            "Option text, optionally \"中文 | English\". Fill options from A without gaps."),
    OPTION_B("选项B", "option_b", "同选项A。", "As option A."),
    OPTION_C("选项C", "option_c", "同选项A。", "As option A."),
    OPTION_D("选项D", "option_d", "同选项A。", "As option A."),
    OPTION_E("选项E", "option_e", "同选项A。", "As option A."),
    OPTION_F("选项F", "option_f", "同选项A。", "As option A."),
    OPTION_G("选项G", "option_g", "同选项A。", "As option A."),
    OPTION_H("选项H", "option_h", "同选项A。", "As option A."),
    KEY(
            "正确答案",
            "answer_key",
            "单选：一个字母，如 B；多选：多个字母，如 ACD；判断：对/错。",
            "Single: one letter (B); multiple: letters (ACD); true/false: 对/错, true/false."),
    PARTIAL_CREDIT(
            "多选计分",
            "partial_credit",
            "全对得分（默认）、按选项 或 对减错；也可写 all_or_nothing / per_option / right_minus_wrong。",
            "all_or_nothing (default), per_option or right_minus_wrong (or 全对得分 / 按选项 / 对减错)."),
    ANSWERS("答案", "accepted_answers", "可接受的答案，多个用“;”分隔。", "Accepted answers separated by ';'."),
    SYNONYMS(
            "同义词",
            "synonyms",
            "同义词组，组间用“;”分隔，组内用“=”连接，如：肺结节=肺部结节; CT=计算机断层。",
            "Synonym groups separated by ';', terms joined by '=', e.g. 肺结节=肺部结节; CT=计算机断层."),
    CASE_SENSITIVE("区分大小写", "case_sensitive", "是/否，默认否。", "yes/no, default no."),
    KEEP_PUNCTUATION("保留标点", "keep_punctuation", "是/否，默认否（比较时忽略标点）。", "yes/no, default no (punctuation is ignored)."),
    IGNORE_SPACES("忽略空格", "ignore_spaces", "是/否，默认否；中文答案建议填是。", "yes/no, default no; yes suits Chinese answers."),
    VALUE("标准值", "value", "正确的数值。", "The correct value."),
    TOLERANCE(
            "允许误差",
            "tolerance",
            "答案与标准值相差不超过此值即得分，默认0。",
            "Answers within this distance of the value are right; default 0."),
    UNIT("单位", "unit", "如 mm、HU、cm³。", "e.g. mm, HU, cm³."),
    SERIES("序列", "series", "要标注的序列编号（病例导入时得到的序列编号）。", "The id of the series to mark (given at case import)."),
    FRAME("图像序号", "frame", "序列中的第几幅图像，从1开始。", "Which image of the series, counting from 1."),
    WIDTH("图像宽", "columns", "图像宽度（像素），如 512。", "Image width in pixels, e.g. 512."),
    HEIGHT("图像高", "rows", "图像高度（像素），如 512。", "Image height in pixels, e.g. 512."),
    SHAPE("形状", "shape", "椭圆、多边形 或 点（ellipse / polygon / point）。", "ellipse, polygon or point (椭圆 / 多边形 / 点)."),
    COORDINATES(
            "坐标",
            "coordinates",
            "像素坐标。椭圆：中心x,中心y,半径x,半径y；多边形：x1,y1; x2,y2; x3,y3…；点：x,y。",
            "Pixel coordinates. Ellipse: cx,cy,rx,ry; polygon: x1,y1; x2,y2; …; point: x,y."),
    MODEL_ANSWER("参考答案", "model_answer", "阅卷参考答案（中文）。", "The model answer for markers (Chinese)."),
    MODEL_ANSWER_EN("参考答案(英文)", "model_answer_en", "参考答案的英文版本，可留空。", "The model answer in English; may be empty."),
    MODEL_FINDINGS("参考所见", "model_findings", "参考报告的影像所见（中文）。", "The model report's findings (Chinese)."),
    MODEL_FINDINGS_EN("参考所见(英文)", "model_findings_en", "影像所见的英文版本，可留空。", "The findings in English; may be empty."),
    MODEL_IMPRESSION("参考印象", "model_impression", "参考报告的诊断印象（中文）。", "The model report's impression (Chinese)."),
    MODEL_IMPRESSION_EN(
            "参考印象(英文)", "model_impression_en", "诊断印象的英文版本，可留空。", "The impression in English; may be empty."),
    RUBRIC(
            "评分要点",
            "rubric",
            "要点:分值，多个用“;”分隔，如：发现右肺上叶结节:2; 提示肺癌可能:3。各要点分值之和须等于分值。",
            "point:marks separated by ';'; the points' marks must add up to the item's marks."),
    MARKS("分值", "marks", "本题（小题）的分数，大于0。", "The question's marks, more than 0."),
    IMAGES(
            "影像",
            "images",
            "附带的序列编号，多个用“;”分隔；须先用 readroom cases import 导入病例。",
            "Series ids separated by ';'; import the cases first (readroom cases import)."),
    ORGAN("系统", "organ_system", "知识点分类第一级，如 胸部、神经、骨肌。", "Topic level 1, e.g. chest, neuro, musculoskeletal."),
    SUBSPECIALTY("亚专业", "subspecialty", "第二级，如 肺、脑血管。", "Topic level 2, e.g. lung, cerebrovascular."),
    DIAGNOSIS("诊断", "diagnosis", "第三级，如 肺结节。", "Topic level 3, e.g. pulmonary nodule."),
    DIFFICULTY("难度", "difficulty", "易、中、难（或 easy / medium / hard、1-3）。", "easy, medium, hard (or 易/中/难, 1-3)."),
    TEACHING_POINTS(
            "教学要点",
            "teaching_points",
            "成绩报告中可展示的教学要点，多条用换行或“;”分隔；每条可写成“中文 | English”。",
            "Teaching points, one per line or separated by ';', each optionally \"中文 | English\"."),
    NOTES(
            "备注",
            "notes",
            "给出题人自己看的备注，导入时忽略（以“备注”开头的列都忽略）。",
            "Notes for authors; ignored (so is any column whose header starts with 备注 or notes).");

    static final ExcelColumn[] OPTIONS = {OPTION_A, OPTION_B, OPTION_C, OPTION_D, OPTION_E, OPTION_F, OPTION_G, OPTION_H
    };

    private final String zh;
    private final String en;
    private final String helpZh;
    private final String helpEn;

    ExcelColumn(String zh, String en, String helpZh, String helpEn) {
        this.zh = zh;
        this.en = en;
        this.helpZh = helpZh;
        this.helpEn = helpEn;
    }

    /** The Chinese header, the name problems use. */
    String zh() {
        return zh;
    }

    String en() {
        return en;
    }

    /** The header the template writes: "题号 id". */
    String header() {
        return zh + " " + en;
    }

    String helpZh() {
        return helpZh;
    }

    String helpEn() {
        return helpEn;
    }

    /** True when a header cell names this column in Chinese, English or both. */
    boolean matches(String header) {
        String key = normalize(header);
        return key.equals(normalize(zh)) || key.equals(normalize(en)) || key.equals(normalize(zh + en));
    }

    /** True for a column authors keep for themselves ("备注…", "notes…"). */
    static boolean isNotes(String header) {
        String key = normalize(header);
        return key.startsWith("备注") || key.startsWith("notes");
    }

    /** Full-width forms to half-width, lower case, without spaces, '_' or '-'. */
    static String normalize(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-]+", "");
    }
}

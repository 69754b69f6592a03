package org.readroom.server.bank.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.readroom.server.bank.io.ExcelBankReaderTest.CASES;
import static org.readroom.server.bank.io.ExcelBankReaderTest.fill;
import static org.readroom.server.bank.io.ExcelBankReaderTest.save;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemType;

/** The case-cluster sheet: questions of every single-question type, chosen per row by 题型. */
class ExcelCaseClusterTest {

    /** Every column a question of any type uses, in an order of the teacher's own (columns may come in any order). */
    private static final List<String> HEADERS = List.of(
            "组号", "病历(中文)", "影像", "逐题锁定", "题号", "题型", "题干(中文)", "分值", "选项A", "选项B", "选项C", "正确答案", "多选计分", "答案", "同义词",
            "忽略空格", "标准值", "允许误差", "单位", "序列", "图像序号", "图像宽", "图像高", "形状", "坐标", "参考答案", "参考所见", "参考印象", "评分要点");

    /** The same case as {@link #mixedCluster}, written in the JSON bank format. */
    private static final String MIXED_CLUSTER_JSON =
            """
            {"format": "readroom-bank", "version": 1, "items": [
             {"type": "case_cluster", "id": "STROKE-A4", "stem": {"zh": "男，67岁，突发左侧肢体无力3小时。头颅CT平扫如图。"},
              "images": ["CT-HEAD-0001"], "locksOnceAnswered": true,
              "questions": [
               {"type": "single_choice", "id": "STROKE-A4-1", "stem": {"zh": "最可能的诊断是"},
                "options": [{"id": "A", "text": {"zh": "急性脑梗死"}}, {"id": "B", "text": {"zh": "脑出血", "en": "Haemorrhage"}}],
                "correctOption": "A", "marks": 1},
               {"type": "multiple_choice", "id": "STROKE-A4-2", "stem": {"zh": "溶栓前需排除"},
                "options": [{"id": "A", "text": {"zh": "颅内出血"}}, {"id": "B", "text": {"zh": "大面积梗死"}}, {"id": "C", "text": {"zh": "腔隙灶"}}],
                "correctOptions": ["A", "B"], "partialCredit": "per_option", "marks": 2},
               {"type": "true_false", "id": "STROKE-A4-3", "stem": {"zh": "CT平扫可排除脑出血。"}, "correct": true, "marks": 1},
               {"type": "fill_in", "id": "STROKE-A4-4", "stem": {"zh": "大脑中动脉内血栓在CT上表现为______。"},
                "acceptedAnswers": ["大脑中动脉高密度征", "致密动脉征"],
                "rules": {"ignoreSpaces": true, "synonyms": [["高密度征", "致密征"]]}, "marks": 1},
               {"type": "numeric", "id": "STROKE-A4-5", "stem": {"zh": "估算梗死区最大径（mm）。"},
                "value": 42.5, "tolerance": 5, "unit": "mm", "marks": 2},
               {"type": "hotspot", "id": "STROKE-A4-6", "stem": {"zh": "请标出梗死区。"}, "images": ["CT-HEAD-0001"],
                "seriesId": "CT-HEAD-0001", "frame": 13, "columns": 512, "rows": 512,
                "region": {"shape": "ellipse", "ellipse": {"center": {"x": 330, "y": 220}, "radiusX": 40, "radiusY": 30}}, "marks": 2},
               {"type": "short_answer", "id": "STROKE-A4-7", "stem": {"zh": "简述早期缺血征象。"},
                "modelAnswer": {"zh": "岛带征、豆状核模糊、脑沟变浅。"},
                "rubric": [{"id": "r1", "text": {"zh": "岛带征"}, "marks": 1}, {"id": "r2", "text": {"zh": "豆状核模糊", "en": "Obscured lentiform nucleus"}, "marks": 1}],
                "marks": 2},
               {"type": "report", "id": "STROKE-A4-8", "stem": {"zh": "请书写诊断报告。"},
                "modelFindings": {"zh": "右侧基底节区片状低密度影。"}, "modelImpression": {"zh": "右侧大脑中动脉供血区急性脑梗死。"},
                "rubric": [{"id": "r1", "text": {"zh": "所见"}, "marks": 3}, {"id": "r2", "text": {"zh": "印象"}, "marks": 2}],
                "marks": 5}
              ]}
            ]}
            """;

    @TempDir
    Path temp;

    @Test
    void aClusterMixingEveryQuestionTypeReadsAsTheSameItemAsInJson() throws IOException {
        Path file = cluster(HEADERS, mixedCluster());

        BankReadResult excel = ExcelBankReader.read(file, CASES);
        BankReadResult json = JsonBankReader.read(
                "bank.json", new ByteArrayInputStream(MIXED_CLUSTER_JSON.getBytes(StandardCharsets.UTF_8)), CASES);

        assertEquals(
                List.of(), excel.problems().stream().map(BankProblem::toString).toList());
        assertEquals(
                List.of(), json.problems().stream().map(BankProblem::toString).toList());
        assertEquals(json.items(), excel.items());
        CaseClusterItem cluster = (CaseClusterItem) excel.items().get(0);
        assertEquals(
                List.of(
                        ItemType.SINGLE_CHOICE,
                        ItemType.MULTIPLE_CHOICE,
                        ItemType.TRUE_FALSE,
                        ItemType.FILL_IN,
                        ItemType.NUMERIC,
                        ItemType.HOTSPOT,
                        ItemType.SHORT_ANSWER,
                        ItemType.REPORT),
                cluster.questions().stream().map(Item::type).toList());
        assertTrue(BankFiles.readAll(List.of(file), CASES).isClean());
    }

    @Test
    void badClusterRowsNameTheirRowAndColumnAndNothingIsImported() throws IOException {
        Path file = cluster(
                HEADERS,
                List.of(
                        row("C1", "病史一", "C1-1", "单选", "问", 1, "选项A", "甲", "选项B", "乙", "正确答案", "A"),
                        row("C1", "", "C1-2", "数值", "测量", 1, "标准值", 18, "允许误差", "约2", "单位", "mm"),
                        row("C1", "", "C1-3", "数值", "测量", 1, "标准值", 18, "允许误差", -1),
                        row("C2", "病史二", "C2-1", "填空", "填", 1, "同义词", "甲=乙"),
                        row("C2", "", "C2-2", "论述", "论述一下", 2),
                        row("C2", "", "C2-3", "", "忘了写题型的填空", 1, "答案", "肺结节"),
                        row("C2", "", "C2-4", "报告", "写报告", 5, "参考所见", "所见", "参考印象", "印象", "评分要点", "所见:2"),
                        row("C3", "病史三", "C3-1", "判断", "对吗", 1, "正确答案", "对"),
                        row("C3", "", "C3-2", "简答", "简述", 2, "参考答案", "要点")));

        BankReadResult result = ExcelBankReader.read(file, CASES);

        String sheet = file + ":病例组题!";
        assertEquals(
                List.of(
                        sheet + "3:允许误差: must be a number, was \"约2\"",
                        sheet + "4:允许误差: must be 0 or more, was -1",
                        sheet + "5:答案: is empty",
                        sheet + "6:题型: must be one of 单选, 多选, 判断, 填空, 数值, 图像标注, 简答, 报告 (single_choice,"
                                + " multiple_choice, true_false, fill_in, numeric, hotspot, short_answer, report), was"
                                + " \"论述\"",
                        sheet + "7:答案: is not used by a 单选 question (题型 is empty, which means 单选); write the"
                                + " question's type in 题型 or leave 答案 empty",
                        sheet + "7:选项A: is empty; this question needs at least 2 options",
                        sheet + "7:正确答案: is empty",
                        sheet + "8:评分要点: the points add up to 2 but 分值 is 5"),
                result.problems().stream().map(BankProblem::toString).toList());
        assertEquals(
                List.of("C3"),
                result.items().stream().map(Item::id).toList(),
                "only the case without problems is read");
        assertFalse(BankFiles.readAll(List.of(file), CASES).isClean(), "an import takes nothing from this file");
    }

    @Test
    void aQuestionWhoseColumnTheSheetLacksSaysWhichColumnToAdd() throws IOException {
        Path file = cluster(
                List.of("组号", "病历(中文)", "题号", "题型", "题干(中文)", "选项A", "选项B", "正确答案", "分值"),
                List.of(
                        List.of("C1", "病史", "C1-1", "", "问", "甲", "乙", "B", 1),
                        List.of("C1", "", "C1-2", "fill_in", "填", "", "", "", 1),
                        List.of("C1", "", "C1-3", "多选", "选", "甲", "乙", "AB", 1)));

        List<String> problems = ExcelBankReader.read(file, CASES).problems().stream()
                .map(BankProblem::toString)
                .toList();

        assertEquals(
                List.of(
                        file + ":病例组题!3:答案: is needed here, but the sheet has no column 答案 accepted_answers; add"
                                + " it to row 1",
                        file + ":病例组题!4:选项C: this question needs at least 3 options, but the sheet has no column"
                                + " 选项C option_c; add it to row 1"),
                problems);
    }

    @Test
    void aHotspotQuestionInAClusterChecksItsSeriesAndFrame() throws IOException {
        Path file = cluster(
                HEADERS,
                List.of(
                        row("C1", "病史", "C1-1", "判断", "对吗", 1, "正确答案", "错"),
                        row(
                                "C1",
                                "",
                                "C1-2",
                                "图像标注",
                                "标出",
                                1,
                                "序列",
                                ExcelExample.HEAD_CT,
                                "图像序号",
                                25,
                                "图像宽",
                                512,
                                "图像高",
                                512,
                                "形状",
                                "点",
                                "坐标",
                                "10,10"),
                        row(
                                "C1", "", "C1-3", "hotspot", "标出", 1, "序列", "CT-NOPE", "图像序号", 1, "图像宽", 512, "图像高",
                                512, "形状", "点", "坐标", "10,10")));

        List<String> problems = ExcelBankReader.read(file, CASES).problems().stream()
                .map(p -> p.where() + ":" + p.field())
                .toList();

        assertEquals(List.of("病例组题!3:图像序号", "病例组题!4:序列"), problems);
    }

    /** One case with a question of every type; the 题型 cells use the short word, the sheet name or the type name. */
    private static List<List<Object>> mixedCluster() {
        return List.of(
                row(
                        "STROKE-A4",
                        "男，67岁，突发左侧肢体无力3小时。头颅CT平扫如图。",
                        "STROKE-A4-1",
                        "单选",
                        "最可能的诊断是",
                        1,
                        "影像",
                        ExcelExample.HEAD_CT,
                        "逐题锁定",
                        "是",
                        "选项A",
                        "急性脑梗死",
                        "选项B",
                        "脑出血 | Haemorrhage",
                        "正确答案",
                        "A"),
                row(
                        "STROKE-A4",
                        "",
                        "STROKE-A4-2",
                        "多选题",
                        "溶栓前需排除",
                        2,
                        "选项A",
                        "颅内出血",
                        "选项B",
                        "大面积梗死",
                        "选项C",
                        "腔隙灶",
                        "正确答案",
                        "A、B",
                        "多选计分",
                        "按选项"),
                row("STROKE-A4", "", "STROKE-A4-3", "true_false", "CT平扫可排除脑出血。", 1, "正确答案", "对"),
                row(
                        "STROKE-A4",
                        "",
                        "STROKE-A4-4",
                        "填空",
                        "大脑中动脉内血栓在CT上表现为______。",
                        1,
                        "答案",
                        "大脑中动脉高密度征; 致密动脉征",
                        "同义词",
                        "高密度征=致密征",
                        "忽略空格",
                        "是"),
                row(
                        "STROKE-A4",
                        "",
                        "STROKE-A4-5",
                        "numeric",
                        "估算梗死区最大径（mm）。",
                        2,
                        "标准值",
                        "42.5",
                        "允许误差",
                        5,
                        "单位",
                        "mm"),
                row(
                        "STROKE-A4",
                        "",
                        "STROKE-A4-6",
                        "图像标注",
                        "请标出梗死区。",
                        2,
                        "序列",
                        ExcelExample.HEAD_CT,
                        "图像序号",
                        14,
                        "图像宽",
                        512,
                        "图像高",
                        512,
                        "形状",
                        "椭圆",
                        "坐标",
                        "330,220,40,30"),
                row(
                        "STROKE-A4",
                        "",
                        "STROKE-A4-7",
                        "简答题",
                        "简述早期缺血征象。",
                        2,
                        "参考答案",
                        "岛带征、豆状核模糊、脑沟变浅。",
                        "评分要点",
                        "岛带征:1; 豆状核模糊 | Obscured lentiform nucleus:1"),
                row(
                        "STROKE-A4",
                        "",
                        "STROKE-A4-8",
                        "报告",
                        "请书写诊断报告。",
                        5,
                        "参考所见",
                        "右侧基底节区片状低密度影。",
                        "参考印象",
                        "右侧大脑中动脉供血区急性脑梗死。",
                        "评分要点",
                        "所见:3\n印象:2"));
    }

    /**
     * A row of {@link #HEADERS}: group, history, id, type, stem and marks, then the other cells as header/value pairs.
     */
    private static List<Object> row(
            String group, String history, String id, String type, String stem, Object marks, Object... cells) {
        Object[] values = new Object[HEADERS.size()];
        java.util.Arrays.fill(values, "");
        values[HEADERS.indexOf("组号")] = group;
        values[HEADERS.indexOf("病历(中文)")] = history;
        values[HEADERS.indexOf("题号")] = id;
        values[HEADERS.indexOf("题型")] = type;
        values[HEADERS.indexOf("题干(中文)")] = stem;
        values[HEADERS.indexOf("分值")] = marks;
        for (int i = 0; i < cells.length; i += 2) {
            int at = HEADERS.indexOf((String) cells[i]);
            if (at < 0) {
                throw new IllegalArgumentException("no column " + cells[i]);
            }
            values[at] = cells[i + 1];
        }
        return List.of(values);
    }

    private Path cluster(List<String> headers, List<List<Object>> rows) throws IOException {
        Path file = temp.resolve("cluster.xlsx");
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("病例组题");
            fill(sheet.createRow(0), headers);
            for (int r = 0; r < rows.size(); r++) {
                fill(sheet.createRow(r + 1), rows.get(r));
            }
            save(workbook, file);
        }
        return file;
    }
}

package org.readroom.server.bank.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.Difficulty;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemType;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.PartialCredit;
import org.readroom.core.bank.ReportItem;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.imaging.HotspotRegion;

class ExcelBankReaderTest {

    private static final Path EXAMPLE = Path.of("../docs/examples/bank-example-zh.xlsx");
    private static final Path TEMPLATE = Path.of("../docs/examples/bank-template.xlsx");

    /** The example's series, as the case store would resolve them after a case import. */
    static final SeriesResolver CASES = seriesId -> Optional.ofNullable(Map.of(
                    ExcelExample.CHEST_CT, series(ExcelExample.CHEST_CT, 60),
                    ExcelExample.HEAD_CT, series(ExcelExample.HEAD_CT, 24),
                    ExcelExample.WRIST_DX, series(ExcelExample.WRIST_DX, 1))
            .get(seriesId));

    private static final List<String> SINGLE_HEADERS =
            List.of("题号 id", "题干(中文) stem_zh", "选项A", "选项B", "选项C", "选项D", "正确答案", "分值", "难度");

    @TempDir
    Path temp;

    @Test
    void theRepositorysExampleReadsWithoutProblemsAndHasEveryType() {
        BankReadResult result = ExcelBankReader.read(EXAMPLE, CASES);

        assertEquals(
                List.of(), result.problems().stream().map(BankProblem::toString).toList());
        Map<ItemType, Long> perType = result.items().stream()
                .collect(Collectors.groupingBy(Item::type, () -> new EnumMap<>(ItemType.class), Collectors.counting()));
        Map<ItemType, Long> expected = new EnumMap<>(ItemType.class);
        expected.putAll(Map.of(
                ItemType.SINGLE_CHOICE,
                3L,
                ItemType.MULTIPLE_CHOICE,
                2L,
                ItemType.TRUE_FALSE,
                2L,
                ItemType.CASE_CLUSTER,
                3L,
                ItemType.MATCHING,
                2L,
                ItemType.FILL_IN,
                3L,
                ItemType.NUMERIC,
                2L,
                ItemType.HOTSPOT,
                2L,
                ItemType.SHORT_ANSWER,
                2L,
                ItemType.REPORT,
                2L));
        assertEquals(expected, perType);
    }

    @Test
    void exampleKeepsChineseTextKeysAndMetadata() {
        Map<String, Item> items = byId(ExcelBankReader.read(EXAMPLE, CASES));

        SingleChoiceItem nodule = (SingleChoiceItem) items.get("CHEST-SC-001");
        assertTrue(nodule.stem().zh().startsWith("男，58岁，体检胸部CT发现右肺上叶实性结节"));
        assertEquals("周围型肺癌", nodule.options().get(1).text().zh());
        assertEquals("Peripheral lung cancer", nodule.options().get(1).text().en());
        assertEquals("B", nodule.correctOption());
        assertEquals("胸部/肺/肺结节", nodule.info().topic().path());
        assertEquals(Difficulty.MEDIUM, nodule.info().difficulty());
        assertEquals(
                "Lobulation and spiculation suggest malignancy",
                nodule.info().teachingPoints().get(0).en());
        assertEquals(
                2, items.get("NEURO-SC-001").info().teachingPoints().size(), "teaching points split at line breaks");

        SingleChoiceItem wrist = (SingleChoiceItem) items.get("MSK-SC-001");
        assertEquals("B", wrist.correctOption(), "a lower-case key letter is read as the option");
        assertEquals(
                List.of(ExcelExample.WRIST_DX),
                wrist.images().stream().map(SeriesRef::seriesId).toList());

        MultipleChoiceItem signs = (MultipleChoiceItem) items.get("CHEST-MC-001");
        assertEquals(Set.of("A", "B", "C", "E"), signs.correctOptions());
        assertEquals(PartialCredit.PER_OPTION, signs.partialCredit());
        assertEquals(PartialCredit.RIGHT_MINUS_WRONG, ((MultipleChoiceItem) items.get("NEURO-MC-001")).partialCredit());
        assertTrue(((TrueFalseItem) items.get("CHEST-TF-001")).correct());
        assertFalse(((TrueFalseItem) items.get("NEURO-TF-001")).correct());
    }

    @Test
    void exampleFillInNumericHotspotAndMarkedItemsAreComplete() {
        Map<String, Item> items = byId(ExcelBankReader.read(EXAMPLE, CASES));

        FillInItem density = (FillInItem) items.get("CHEST-FI-001");
        assertEquals(List.of("磨玻璃结节", "纯磨玻璃结节", "GGN"), density.acceptedAnswers());
        assertEquals(
                List.of(List.of("磨玻璃", "毛玻璃"), List.of("结节", "肺结节", "肺部结节")),
                density.rules().synonyms());
        assertTrue(density.rules().ignoreSpaces());

        HotspotItem nodule = (HotspotItem) items.get("CHEST-HS-001");
        assertEquals(31, nodule.frame(), "图像序号 counts from 1");
        assertInstanceOf(HotspotRegion.EllipseRegion.class, nodule.region());
        assertTrue(nodule.isHit(HotspotItem.answerText(31, 330, 210)));
        assertFalse(nodule.isHit(HotspotItem.answerText(31, 330, 240)));
        assertEquals(ExcelExample.CHEST_CT, nodule.images().get(0).seriesId());
        HotspotRegion.PolygonRegion infarct =
                (HotspotRegion.PolygonRegion) ((HotspotItem) items.get("NEURO-HS-001")).region();
        assertEquals(4, infarct.vertices().size());

        assertEquals(12.0, ((org.readroom.core.bank.NumericItem) items.get("CHEST-NU-001")).value());
        assertEquals(1.5, ((org.readroom.core.bank.NumericItem) items.get("CHEST-NU-001")).tolerance());

        ReportItem report = (ReportItem) items.get("CHEST-RP-001");
        assertEquals(
                List.of("r1", "r2", "r3", "r4", "r5"),
                report.rubric().stream().map(p -> p.id()).toList());
        assertEquals("分叶、毛刺、胸膜凹陷等恶性征象", report.rubric().get(1).text().zh());
        assertEquals(3.0, report.rubric().get(1).marks());
        assertEquals(4, ((ReportItem) items.get("NEURO-RP-001")).rubric().size(), "rubric points split at line breaks");
        assertTrue(((ShortAnswerItem) items.get("MSK-SA-001")).rubric().isEmpty());
    }

    @Test
    void exampleGroupsKeepTheirQuestionsInRowOrder() {
        Map<String, Item> items = byId(ExcelBankReader.read(EXAMPLE, CASES));

        CaseClusterItem lung = (CaseClusterItem) items.get("CASE-LUNG-01");
        assertTrue(lung.locksOnceAnswered());
        assertTrue(lung.stem().zh().startsWith("女，62岁"));
        assertEquals(
                List.of(ExcelExample.CHEST_CT),
                lung.images().stream().map(SeriesRef::seriesId).toList());
        assertEquals(
                List.of(ItemType.SINGLE_CHOICE, ItemType.SINGLE_CHOICE, ItemType.TRUE_FALSE),
                lung.questions().stream().map(Item::type).toList());
        CaseClusterItem stroke = (CaseClusterItem) items.get("CASE-STROKE-01");
        assertFalse(stroke.locksOnceAnswered());
        assertEquals(4.0, stroke.marks());
        assertEquals(
                PartialCredit.ALL_OR_NOTHING,
                ((MultipleChoiceItem) stroke.questions().get(2)).partialCredit());

        CaseClusterItem wrist = (CaseClusterItem) items.get("CASE-WRIST-01");
        assertEquals(
                List.of(
                        ItemType.SINGLE_CHOICE,
                        ItemType.FILL_IN,
                        ItemType.NUMERIC,
                        ItemType.HOTSPOT,
                        ItemType.SHORT_ANSWER,
                        ItemType.REPORT),
                wrist.questions().stream().map(Item::type).toList(),
                "a case cluster's questions may have every single-question type");
        assertEquals(List.of("餐叉样", "餐叉"), ((FillInItem) wrist.questions().get(1)).acceptedAnswers());
        assertEquals(
                "°", ((org.readroom.core.bank.NumericItem) wrist.questions().get(2)).unit());
        assertEquals(0, ((HotspotItem) wrist.questions().get(3)).frame(), "图像序号 counts from 1 in a cluster too");
        assertEquals(
                "右侧桡骨远端Colles骨折，合并尺骨茎突骨折。",
                ((ReportItem) wrist.questions().get(5)).modelImpression().zh());
        assertEquals(17.0, wrist.marks());
        assertTrue(wrist.needsMarking());

        MatchingItem neuro = (MatchingItem) items.get("B1-NEURO-01");
        assertEquals(ExcelGroups.B1_INSTRUCTION, neuro.stem(), "a set without instruction gets the standard one");
        assertEquals(5, neuro.options().size());
        assertEquals(
                List.of("A", "B", "C"),
                neuro.questions().stream().map(q -> q.correctOption()).toList());
        assertEquals("胸部/肺/肺结节", items.get("B1-CHEST-01").info().topic().path());
    }

    @Test
    void theTemplateReadsAsNoItemsAndNoProblems() {
        BankReadResult result = ExcelBankReader.read(TEMPLATE, SeriesResolver.NONE);

        assertEquals(List.of(), result.problems());
        assertEquals(List.of(), result.items());
    }

    @Test
    void theFilesInTheRepositoryAreWhatTheGeneratorWrites() throws IOException {
        Path example = temp.resolve("example.xlsx");
        ExcelTemplate.writeExample(example);

        assertEquals(
                ExcelBankReader.read(EXAMPLE, CASES).items(),
                ExcelBankReader.read(example, CASES).items());
        assertEquals(headers(TEMPLATE), headers(example));
    }

    @Test
    void aDeletedKeyColumnIsOneProblemNamingTheSheetAndColumn() throws IOException {
        Path file = temp.resolve("bank.xlsx");
        try (InputStream in = Files.newInputStream(EXAMPLE);
                Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("单选题");
            int key = columnOf(sheet, "正确答案");
            for (Row row : sheet) {
                Cell cell = row.getCell(key);
                if (cell != null) {
                    row.removeCell(cell);
                }
            }
            save(workbook, file);
        }

        BankReadResult result = ExcelBankReader.read(file, CASES);

        assertEquals(1, result.problems().size(), result.problems().toString());
        BankProblem problem = result.problems().get(0);
        assertEquals("单选题!1", problem.where());
        assertEquals("正确答案", problem.field());
        assertTrue(problem.toString().startsWith(file + ":单选题!1:正确答案: missing column 正确答案"), problem.toString());
        assertEquals(20, result.items().size(), "the other sheets are still read");
    }

    @Test
    void everyBadRowIsReportedWithItsRowAndColumn() throws IOException {
        Path file = workbook(
                "单选题",
                SINGLE_HEADERS,
                List.of(
                        List.of("S1", "正常的题", "甲", "乙", "丙", "丁", "A", 1, "易"),
                        List.of("S2", "答案选项不存在", "甲", "乙", "丙", "丁", "F", 1, "易"),
                        List.of("S3", "分值不是数字", "甲", "乙", "丙", "丁", "B", "两分", "中"),
                        List.of(),
                        List.of("S4", "难度写错", "甲", "乙", "丙", "丁", "C", "2", "很难")));

        BankReadResult result = ExcelBankReader.read(file, SeriesResolver.NONE);

        assertEquals(
                List.of(
                        file + ":单选题!3:正确答案: names option F, which is not filled in",
                        file + ":单选题!4:分值: must be a number, was \"两分\"",
                        file + ":单选题!6:难度: must be 易, 中 or 难 (easy, medium, hard), was \"很难\""),
                result.problems().stream().map(BankProblem::toString).toList());
        assertEquals(List.of("S1"), result.items().stream().map(Item::id).toList());
    }

    @Test
    void englishHeadersInAnyOrderAndNumbersTypedAsTextAreRead() throws IOException {
        Path file = workbook(
                "single_choice",
                List.of("MARKS", "answer_key", "Option B", "option_a", "Stem ZH", "ID"),
                List.of(List.of("2.5", "ｂ", "Right", "Wrong", "Which?", 101)));

        BankReadResult result = ExcelBankReader.read(file, SeriesResolver.NONE);

        assertEquals(List.of(), result.problems());
        SingleChoiceItem item = (SingleChoiceItem) result.items().get(0);
        assertEquals("101", item.id());
        assertEquals(2.5, item.marks());
        assertEquals("B", item.correctOption(), "a full-width letter is read as the letter");
    }

    @Test
    void formulasAreComputedAndFailingOnesAreRefusedClearly() throws IOException {
        Path file = temp.resolve("formulas.xlsx");
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("判断题");
            fill(sheet.createRow(0), List.of("题号", "题干(中文)", "正确答案", "分值"));
            fill(sheet.createRow(1), List.of("T1", "对吗", "对", ""));
            sheet.getRow(1).getCell(3).setCellFormula("1+1");
            fill(sheet.createRow(2), List.of("T2", "对吗", "错", ""));
            sheet.getRow(2).getCell(3).setCellFormula("1/0");
            save(workbook, file);
        }

        BankReadResult result = ExcelBankReader.read(file, SeriesResolver.NONE);

        assertEquals(2.0, result.items().get(0).marks());
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals("判断题!3", result.problems().get(0).where());
        assertEquals("分值", result.problems().get(0).field());
        assertTrue(result.problems().get(0).message().contains("=1/0 gives the error #DIV/0!"));
    }

    @Test
    void duplicateIdsAcrossSheetsAndUnknownSheetsAreProblems() throws IOException {
        Path file = temp.resolve("dup.xlsx");
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet single = workbook.createSheet("单选题");
            fill(single.createRow(0), SINGLE_HEADERS);
            fill(single.createRow(1), List.of("X1", "题", "甲", "乙", "", "", "A", 1, ""));
            Sheet truth = workbook.createSheet("判断题");
            fill(truth.createRow(0), List.of("题号", "题干(中文)", "正确答案", "分值"));
            fill(truth.createRow(1), List.of("X1", "题", "对", 1));
            workbook.createSheet("Sheet3"); // empty: ignored
            fill(workbook.createSheet("草稿").createRow(0), List.of("随便写写"));
            save(workbook, file);
        }

        List<String> problems = ExcelBankReader.read(file, SeriesResolver.NONE).problems().stream()
                .map(BankProblem::toString)
                .toList();

        assertEquals(2, problems.size(), problems.toString());
        assertEquals(file + ":判断题!2:题号: duplicate id X1, already used at 单选题!2", problems.get(0));
        assertTrue(
                problems.get(1)
                        .startsWith(file + ":草稿!1:: unknown sheet \"草稿\"; the sheets are named 单选题 "
                                + "(single_choice), 多选题 (multiple_choice)"),
                problems.get(1));
    }

    @Test
    void groupsAreBuiltFromRowsSharingAGroupId() throws IOException {
        Path file = temp.resolve("groups.xlsx");
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet b1 = workbook.createSheet("配伍题");
            fill(b1.createRow(0), List.of("组号", "选项A", "选项B", "选项C", "题号", "题干(中文)", "正确答案", "分值"));
            fill(b1.createRow(1), List.of("M1", "骨折", "脱位", "正常", "M1-1", "断了", "A", 1));
            fill(b1.createRow(2), List.of("M1", "", "", "", "M1-2", "没断", "C", 1));
            fill(b1.createRow(3), List.of("M2", "骨折", "脱位", "", "M2-1", "断了", "A", 1));
            fill(b1.createRow(4), List.of("M2", "骨折", "半脱位", "", "M2-2", "脱了", "B", 1));
            Sheet cluster = workbook.createSheet("病例组题");
            fill(cluster.createRow(0), List.of("组号", "病历(中文)", "题号", "题型", "题干(中文)", "选项A", "选项B", "正确答案", "分值"));
            fill(cluster.createRow(1), List.of("C1", "病史", "C1-1", "", "问一", "甲", "乙", "A", 1));
            fill(cluster.createRow(2), List.of("C1", "", "C1-2", "判断", "问二", "", "", "错", 2));
            fill(cluster.createRow(3), List.of("C2", "另一病史", "C2-1", "", "问", "甲", "乙", "B", 1));
            save(workbook, file);
        }

        BankReadResult result = ExcelBankReader.read(file, SeriesResolver.NONE);

        assertEquals(
                List.of(
                        file + ":配伍题!5:选项B: differs from the group's first row (row 4); the group's shared cells"
                                + " are read from its first row, leave them empty here",
                        file + ":病例组题!4:组号: group C2 has 1 question(s); a case cluster needs 2..12 rows with the"
                                + " same 组号"),
                result.problems().stream().map(BankProblem::toString).toList());
        Map<String, Item> items = byId(result);
        assertEquals(Set.of("M1", "C1"), items.keySet());
        MatchingItem m1 = (MatchingItem) items.get("M1");
        assertEquals(
                List.of("A", "C"),
                m1.questions().stream().map(q -> q.correctOption()).toList());
        CaseClusterItem c1 = (CaseClusterItem) items.get("C1");
        assertEquals(
                List.of("C1-1", "C1-2"), c1.questions().stream().map(Item::id).toList());
        assertEquals(3.0, c1.marks());
        assertFalse(((TrueFalseItem) c1.questions().get(1)).correct());
    }

    @Test
    void hotspotProblemsNameTheSeriesFrameAndRegion() throws IOException {
        List<String> headers = List.of("题号", "题干(中文)", "序列", "图像序号", "图像宽", "图像高", "形状", "坐标", "分值");
        Path file = workbook(
                "图像标注题",
                headers,
                List.of(
                        List.of("H1", "标出", "CT-NOPE", 1, 512, 512, "点", "10,10", 1),
                        List.of("H2", "标出", ExcelExample.HEAD_CT, 25, 512, 512, "椭圆", "500,500,20,20", 1),
                        List.of("H3", "标出", ExcelExample.HEAD_CT, 3, 512, 512, "三角", "1,1", 1)));

        List<String> problems = ExcelBankReader.read(file, CASES).problems().stream()
                .map(p -> p.where() + ":" + p.field())
                .toList();

        assertEquals(List.of("图像标注题!2:序列", "图像标注题!3:图像序号", "图像标注题!3:坐标", "图像标注题!4:形状"), problems);
    }

    @Test
    void aFileThatIsNotAWorkbookIsOneProblem() throws IOException {
        Path file = temp.resolve("notes.xlsx");
        Files.writeString(file, "not a workbook");

        BankReadResult result = ExcelBankReader.read(file, SeriesResolver.NONE);

        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).message().startsWith("cannot be read as an Excel workbook"));
    }

    private Path workbook(String sheetName, List<String> headers, List<List<Object>> rows) throws IOException {
        Path file = temp.resolve("bank.xlsx");
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(sheetName);
            fill(sheet.createRow(0), headers);
            for (int r = 0; r < rows.size(); r++) {
                fill(sheet.createRow(r + 1), rows.get(r));
            }
            save(workbook, file);
        }
        return file;
    }

    static void fill(Row row, List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Number) {
                row.createCell(c).setCellValue(((Number) value).doubleValue());
            } else if (!value.toString().isEmpty()) {
                row.createCell(c).setCellValue(value.toString());
            } else {
                row.createCell(c);
            }
        }
    }

    static void save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    private static int columnOf(Sheet sheet, String zh) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().startsWith(zh)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + zh);
    }

    private static List<String> headers(Path file) throws IOException {
        List<String> headers = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                Workbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                headers.add(sheet.getSheetName());
                Row row = sheet.getRow(0);
                if (row != null) {
                    row.forEach(cell -> headers.add(cell.toString()));
                }
            }
        }
        return headers;
    }

    static Map<String, Item> byId(BankReadResult result) {
        return result.items().stream().collect(Collectors.toMap(Item::id, item -> item));
    }

    private static SeriesRef series(String id, int slices) {
        List<String> assets = IntStream.rangeClosed(1, slices)
                .mapToObj(i -> String.format("%064x", i))
                .toList();
        return new SeriesRef(id, id, assets, null, null);
    }
}

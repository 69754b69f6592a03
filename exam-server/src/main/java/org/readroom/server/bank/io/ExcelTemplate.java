package org.readroom.server.bank.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the Excel bank template teachers fill in, and the filled-in Chinese example, both kept in
 * {@code docs/examples}. Regenerate them after changing the columns:
 * {@code java -cp <exam-server classpath> org.readroom.server.bank.io.ExcelTemplate docs/examples}.
 */
public final class ExcelTemplate {

    private static final int TEMPLATE_ROWS = 500;

    private ExcelTemplate() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "docs/examples");
        Files.createDirectories(folder);
        writeTemplate(folder.resolve("bank-template.xlsx"));
        writeExample(folder.resolve("bank-example-zh.xlsx"));
    }

    /** The template: an instructions sheet, then one empty sheet per item type with its header row. */
    public static void writeTemplate(Path file) throws IOException {
        write(file, Map.of());
    }

    /** The template filled in with a Chinese radiology example of every item type. */
    public static void writeExample(Path file) throws IOException {
        write(file, ExcelExample.rows());
    }

    private static void write(Path file, Map<ExcelSheet, List<Map<ExcelColumn, Object>>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            instructions(workbook, styles);
            for (ExcelSheet kind : ExcelSheet.values()) {
                Sheet sheet = workbook.createSheet(kind.zh());
                header(sheet, kind, styles);
                dropDowns(sheet, kind);
                int r = 1;
                for (Map<ExcelColumn, Object> values : rows.getOrDefault(kind, List.of())) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < kind.columns().size(); c++) {
                        Object value = values.get(kind.columns().get(c));
                        Cell cell = row.createCell(c);
                        cell.setCellStyle(styles.body);
                        if (value instanceof Number) {
                            cell.setCellValue(((Number) value).doubleValue());
                        } else if (value != null) {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
            }
            workbook.getProperties().getCoreProperties().setCreator("ReadRoom");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static void header(Sheet sheet, ExcelSheet kind, Styles styles) {
        CreationHelper helper = sheet.getWorkbook().getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        Row row = sheet.createRow(0);
        row.setHeightInPoints(32);
        for (int c = 0; c < kind.columns().size(); c++) {
            ExcelColumn column = kind.columns().get(c);
            Cell cell = row.createCell(c);
            cell.setCellValue(column.zh() + "\n" + column.en());
            List<ExcelSheet> needing = typesNeeding(kind, column);
            cell.setCellStyle(
                    kind.isRequired(column) ? styles.required : needing.isEmpty() ? styles.optional : styles.byType);
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(c);
            anchor.setCol2(c + 4);
            anchor.setRow1(0);
            anchor.setRow2(6);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(
                    requirement(kind, column) + "\n" + column.helpZh() + "\n" + column.helpEn()));
            comment.setAuthor("ReadRoom");
            cell.setCellComment(comment);
            sheet.setColumnWidth(c, width(column));
        }
        sheet.createFreezePane(kind.isGroup() ? 1 : 2, 1);
    }

    private static int width(ExcelColumn column) {
        switch (column) {
            case STEM_ZH:
            case STEM_EN:
            case HISTORY_ZH:
            case HISTORY_EN:
            case MODEL_ANSWER:
            case MODEL_ANSWER_EN:
            case MODEL_FINDINGS:
            case MODEL_FINDINGS_EN:
            case MODEL_IMPRESSION:
            case MODEL_IMPRESSION_EN:
            case RUBRIC:
            case TEACHING_POINTS:
            case GROUP_STEM_ZH:
            case GROUP_STEM_EN:
                return 40 * 256;
            case ANSWERS:
            case SYNONYMS:
            case COORDINATES:
                return 28 * 256;
            default:
                return column.name().startsWith("OPTION_") ? 22 * 256 : 14 * 256;
        }
    }

    /** Suggestions for the columns that take a word; other words the reader accepts may still be typed. */
    private static void dropDowns(Sheet sheet, ExcelSheet kind) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c < kind.columns().size(); c++) {
            String[] words = words(kind, kind.columns().get(c));
            if (words.length == 0) {
                continue;
            }
            DataValidation validation = helper.createValidation(
                    helper.createExplicitListConstraint(words), new CellRangeAddressList(1, TEMPLATE_ROWS, c, c));
            validation.setShowErrorBox(false);
            validation.setSuppressDropDownArrow(true);
            sheet.addValidationData(validation);
        }
    }

    private static String[] words(ExcelSheet kind, ExcelColumn column) {
        switch (column) {
            case DIFFICULTY:
                return new String[] {"易", "中", "难"};
            case PARTIAL_CREDIT:
                return new String[] {"全对得分", "按选项", "对减错"};
            case SHAPE:
                return new String[] {"椭圆", "多边形", "点"};
            case QUESTION_TYPE:
                return ExcelSheet.questionSheets().stream()
                        .map(ExcelSheet::questionWord)
                        .toArray(String[]::new);
            case LOCK:
            case CASE_SENSITIVE:
            case KEEP_PUNCTUATION:
            case IGNORE_SPACES:
                return new String[] {"是", "否"};
            case KEY:
                return kind == ExcelSheet.TRUE_FALSE ? new String[] {"对", "错"} : new String[0];
            default:
                return new String[0];
        }
    }

    /** "【必填列 required】", "【可选列 optional】" or, for a case cluster's question column, which types use it. */
    private static String requirement(ExcelSheet kind, ExcelColumn column) {
        if (kind.isRequired(column)) {
            return "【必填列 required】";
        }
        if (kind != ExcelSheet.CASE_CLUSTER || !kind.questionColumns().contains(column)) {
            return "【可选列 optional】";
        }
        List<ExcelSheet> needing = typesNeeding(kind, column);
        return "【按题型 by question type】用于 used by: "
                + words(ExcelSheet.questionSheets().stream()
                        .filter(sheet -> sheet.questionColumns().contains(column))
                        .toList())
                + (needing.isEmpty() ? "；可选 optional" : "；必填 required by: " + words(needing));
    }

    /** On the case-cluster sheet, the question types that must fill a column; none on other sheets. */
    private static List<ExcelSheet> typesNeeding(ExcelSheet kind, ExcelColumn column) {
        if (kind != ExcelSheet.CASE_CLUSTER || kind.isRequired(column)) {
            return List.of();
        }
        return ExcelSheet.questionSheets().stream()
                .filter(sheet -> sheet.questionColumns().contains(column) && sheet.isRequired(column))
                .toList();
    }

    /** "单选、多选 (single_choice, multiple_choice)". */
    private static String words(List<ExcelSheet> sheets) {
        return sheets.stream().map(ExcelSheet::questionWord).collect(Collectors.joining("、")) + " ("
                + sheets.stream().map(sheet -> sheet.type().wireName()).collect(Collectors.joining(", ")) + ")";
    }

    private static void instructions(Workbook workbook, Styles styles) {
        Sheet sheet = workbook.createSheet(ExcelSheet.INSTRUCTIONS);
        String[] lines = {
            "ReadRoom 题库 Excel 模板 / ReadRoom Excel bank template",
            "1. 每种题型一个工作表，工作表名称不要改；不用的工作表可以留空或删除。One sheet per item type; keep the sheet names.",
            "2. 第1行是列名，不要改名；列的顺序可以调整，可选列可以删除，以“备注”开头的列会被忽略。Row 1 names the columns (order is free).",
            "3. 每行一道题；空行会被跳过。病例组题和配伍题每道小题一行，组号相同的行为一组，共用内容写在该组第一行。",
            "   One row per item; for case clusters and B1 sets one row per question, grouped by 组号, shared cells on the group's first row.",
            "   病例组题的小题可以是任一单题题型，写在“题型”列；每道小题填写与该题型工作表相同的列，其他题型的列留空。",
            "   A case cluster's question may be of any single-question type, named in 题型; it fills the columns of"
                    + " that type's sheet and leaves the others empty.",
            "4. 中英文：题干有中英文两列；选项、教学要点、评分要点可写成“中文 | English”。Options and points may be \"中文 | English\".",
            "5. 影像与序列填病例导入（readroom cases import）后得到的序列编号。Series ids come from the case import.",
            "6. 导入时先检查整个文件，列出所有问题（文件:工作表!行:列: 说明）；有任何问题时一道题也不导入。",
            "   Import checks the whole file first and lists every problem as file:sheet!row:column: message; nothing is"
                    + " imported while any problem remains.",
            "7. 橙色列名为必填列，黄色为按小题题型必填的列（病例组题），灰色为可选列；把鼠标停在列名上可看到该列的说明。",
            "   Orange headers are required columns, yellow ones required by some question types (case clusters), grey"
                    + " ones optional; hover a header for its description.",
        };
        int r = 0;
        for (String line : lines) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
        sheet.getRow(0).getCell(0).setCellStyle(styles.title);
        r++;
        Row head = sheet.createRow(r++);
        String[] titles = {"工作表 sheet", "列 column", "必填 required", "说明", "description"};
        for (int c = 0; c < titles.length; c++) {
            head.createCell(c).setCellValue(titles[c]);
            head.getCell(c).setCellStyle(styles.optional);
        }
        for (ExcelSheet kind : ExcelSheet.values()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(kind.label());
            row.createCell(3).setCellValue(kind.helpZh());
            row.createCell(4).setCellValue(kind.helpEn());
            row.getCell(0).setCellStyle(styles.title);
            for (ExcelColumn column : kind.columns()) {
                Row line = sheet.createRow(r++);
                line.createCell(1).setCellValue(column.header());
                List<ExcelSheet> needing = typesNeeding(kind, column);
                line.createCell(2)
                        .setCellValue(
                                kind.isRequired(column)
                                        ? "是 yes"
                                        : needing.isEmpty() ? "" : "按题型 by type: " + words(needing));
                line.createCell(3).setCellValue(column.helpZh());
                line.createCell(4).setCellValue(column.helpEn());
            }
        }
        int[] widths = {24, 26, 30, 70, 70};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    /** The few cell styles the workbook uses. */
    private static final class Styles {
        final CellStyle required;
        final CellStyle optional;
        final CellStyle byType;
        final CellStyle body;
        final CellStyle title;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            required = headerStyle(workbook, bold, IndexedColors.LIGHT_ORANGE);
            optional = headerStyle(workbook, bold, IndexedColors.GREY_25_PERCENT);
            byType = headerStyle(workbook, bold, IndexedColors.LIGHT_YELLOW);
            body = workbook.createCellStyle();
            body.setWrapText(true);
            body.setVerticalAlignment(VerticalAlignment.TOP);
            title = workbook.createCellStyle();
            title.setFont(bold);
        }

        private static CellStyle headerStyle(Workbook workbook, Font font, IndexedColors color) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setFillForegroundColor(color.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setBorderBottom(BorderStyle.THIN);
            return style;
        }
    }
}

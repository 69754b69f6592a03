package org.readroom.server.bank.io;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.readroom.core.text.LocalizedText;

/**
 * One data row of a sheet, read by column. Every value that cannot be read becomes a problem on this row and column
 * (the getter then returns null or ""), so a row's problems are all collected before any item is built from it.
 */
final class ExcelRow {

    private final String file;
    private final String sheet;
    private final Row row;
    private final Map<ExcelColumn, Integer> index;
    private final ExcelCells cells;
    private final List<BankProblem> problems;
    private final Map<ExcelColumn, String> texts = new EnumMap<>(ExcelColumn.class);
    private int ownProblems;

    ExcelRow(
            String file,
            String sheet,
            Row row,
            Map<ExcelColumn, Integer> index,
            ExcelCells cells,
            List<BankProblem> problems) {
        this.file = file;
        this.sheet = sheet;
        this.row = row;
        this.index = index;
        this.cells = cells;
        this.problems = problems;
    }

    /** The row number teachers see (1-based). */
    int number() {
        return row.getRowNum() + 1;
    }

    /** "单选题!7". */
    String where() {
        return sheet + "!" + number();
    }

    /** True when no column of the sheet has anything in this row. */
    boolean isEmpty() {
        for (ExcelColumn column : index.keySet()) {
            if (column != ExcelColumn.NOTES && !rawText(column).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The cell's text, stripped; "" when the column is absent, the cell blank or unreadable (a problem then). */
    String text(ExcelColumn column) {
        String text = texts.get(column);
        if (text == null) {
            try {
                Integer at = index.get(column);
                text = at == null ? "" : cells.text(row.getCell(at));
            } catch (IllegalArgumentException e) {
                problem(column, e.getMessage());
                text = "";
            }
            texts.put(column, text);
        }
        return text;
    }

    /** The text without reporting unreadable cells (they count as filled), for emptiness and sameness checks. */
    String rawText(ExcelColumn column) {
        Integer at = index.get(column);
        if (at == null) {
            return "";
        }
        try {
            return cells.text(row.getCell(at));
        } catch (IllegalArgumentException e) {
            return "#" + e.getMessage();
        }
    }

    boolean isBlank(ExcelColumn column) {
        return text(column).isEmpty();
    }

    /** True when the sheet has the column (a case-cluster sheet may lack the columns of types it does not use). */
    boolean has(ExcelColumn column) {
        return index.containsKey(column);
    }

    /** The text, or null with an "is empty" problem (or one saying the sheet lacks the column). */
    String required(ExcelColumn column) {
        String text = text(column);
        if (text.isEmpty()) {
            if (texts.containsKey(column) && !rawText(column).isEmpty()) {
                return null; // unreadable, already reported
            }
            problem(column, has(column) ? "is empty" : missingColumn(column));
            return null;
        }
        return text;
    }

    /** "is needed here, but the sheet has no column …". */
    private static String missingColumn(ExcelColumn column) {
        return "is needed here, but the sheet has no column " + column.header() + "; add it to row 1";
    }

    /** The parsed value of a filled cell; null when blank or not readable (a problem then). */
    <T> T parse(ExcelColumn column, Function<String, T> parser) {
        String text = text(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problem(column, e.getMessage());
            return null;
        }
    }

    /** Like {@link #parse} but a blank cell is a problem too. */
    <T> T parseRequired(ExcelColumn column, Function<String, T> parser) {
        return required(column) == null ? null : parse(column, parser);
    }

    /** Marks: a number > 0 and at most 1000; null with a problem otherwise. */
    Double marks() {
        Double marks = parseRequired(ExcelColumn.MARKS, ExcelValues::number);
        if (marks != null && (!(marks > 0) || marks > 1000)) {
            problem(ExcelColumn.MARKS, "must be more than 0 and at most 1000, was " + ExcelCells.number(marks));
            return null;
        }
        return marks;
    }

    /** Chinese and English text from two columns; null with a problem on the Chinese one when both are blank. */
    LocalizedText localized(ExcelColumn zh, ExcelColumn en) {
        String zhText = text(zh);
        String enText = text(en);
        if (zhText.isEmpty() && enText.isEmpty()) {
            if (!has(zh) && !has(en)) {
                problem(zh, missingColumn(zh));
            } else if (!(rawText(zh) + rawText(en)).isEmpty()) {
                return null; // unreadable, already reported
            } else {
                problem(zh, "is empty (fill " + zh.zh() + " or " + en.zh() + ")");
            }
            return null;
        }
        return LocalizedText.of(zhText, enText);
    }

    void problem(ExcelColumn column, String message) {
        problem(column == null ? "" : column.zh(), message);
    }

    void problem(String field, String message) {
        problems.add(new BankProblem(file, where(), field, message));
        ownProblems++;
    }

    /** True when anything on this row was reported. */
    boolean hasProblems() {
        return ownProblems > 0;
    }
}

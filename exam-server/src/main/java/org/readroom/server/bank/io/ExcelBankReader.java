package org.readroom.server.bank.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.readroom.core.bank.Item;

/**
 * Reads an item bank from the Excel template teachers fill in ({@code docs/examples/bank-template.xlsx}, described in
 * {@code docs/bank-excel.md}): one sheet per item type, a header row naming the columns (Chinese or English, any
 * order), one row per item, and for case clusters and B1 sets one row per question grouped by 组号. Nothing is written
 * anywhere: the result lists the valid items and every problem, each as {@code file:sheet!row:column: message}.
 */
public final class ExcelBankReader {

    private final String file;
    private final List<BankProblem> problems = new ArrayList<>();
    private final ExcelIds ids = new ExcelIds();
    private final ExcelItems items;
    private final ExcelGroups groups;

    private ExcelBankReader(String file, SeriesResolver series) {
        this.file = file;
        this.items = new ExcelItems(series);
        this.groups = new ExcelGroups(items, ids);
    }

    /** Reads a workbook (.xlsx, or the older .xls); series named in it are looked up through {@code series}. */
    public static BankReadResult read(Path file, SeriesResolver series) {
        ExcelBankReader reader = new ExcelBankReader(file.toString(), series);
        List<Item> read = reader.readFile(file);
        return new BankReadResult(file.toString(), read, reader.problems);
    }

    private List<Item> readFile(Path path) {
        if (!Files.isRegularFile(path)) {
            problem("", "", "file not found");
            return List.of();
        }
        try (Workbook workbook = WorkbookFactory.create(path.toFile(), null, true)) {
            ExcelCells cells = new ExcelCells(workbook.getCreationHelper().createFormulaEvaluator());
            List<Item> read = new ArrayList<>();
            for (Sheet sheet : workbook) {
                read.addAll(readSheet(sheet, cells));
            }
            return read;
        } catch (EncryptedDocumentException e) {
            problem("", "", "the workbook is password-protected; save an unprotected copy and import that");
        } catch (IOException | RuntimeException e) {
            problem("", "", "cannot be read as an Excel workbook (.xlsx): " + e.getMessage());
        }
        return List.of();
    }

    private List<Item> readSheet(Sheet sheet, ExcelCells cells) {
        String name = sheet.getSheetName();
        if (ExcelSheet.isInstructions(name)) {
            return List.of();
        }
        ExcelSheet kind = ExcelSheet.named(name);
        if (kind == null) {
            if (hasContent(sheet, cells)) {
                problem(
                        name + "!1",
                        "",
                        "unknown sheet \"" + name + "\"; the sheets are named "
                                + Arrays.stream(ExcelSheet.values())
                                        .map(ExcelSheet::label)
                                        .collect(Collectors.joining(", "))
                                + " (and " + ExcelSheet.INSTRUCTIONS + ", which is not read)");
            }
            return List.of();
        }
        if (sheet.getPhysicalNumberOfRows() == 0) {
            return List.of();
        }
        Map<ExcelColumn, Integer> index = header(sheet, kind, cells);
        if (index == null) {
            return List.of();
        }
        List<ExcelRow> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                ExcelRow excelRow = new ExcelRow(file, name, row, index, cells, problems);
                if (!excelRow.isEmpty()) {
                    rows.add(excelRow);
                }
            }
        }
        if (kind.isGroup()) {
            return groups.read(kind, rows);
        }
        List<Item> read = new ArrayList<>();
        for (ExcelRow row : rows) {
            String id = ExcelValues.plain(row.text(ExcelColumn.ID));
            if (!id.isEmpty()) {
                ids.claim(id, row, ExcelColumn.ID);
            }
            Item item = items.read(kind, row);
            if (item != null) {
                read.add(item);
            }
        }
        return read;
    }

    /** The columns of row 1; null (with one problem naming them) when required columns are missing. */
    private Map<ExcelColumn, Integer> header(Sheet sheet, ExcelSheet kind, ExcelCells cells) {
        String where = sheet.getSheetName() + "!1";
        Map<ExcelColumn, Integer> index = new EnumMap<>(ExcelColumn.class);
        Row row = sheet.getRow(0);
        for (Cell cell : row == null ? List.<Cell>of() : row) {
            String letter = CellReference.convertNumToColString(cell.getColumnIndex());
            String header;
            try {
                header = cells.text(cell);
            } catch (IllegalArgumentException e) {
                problem(where, letter, "header: " + e.getMessage());
                continue;
            }
            if (header.isEmpty() || ExcelColumn.isNotes(header)) {
                continue;
            }
            ExcelColumn column = kind.columns().stream()
                    .filter(c -> c.matches(header))
                    .findFirst()
                    .orElse(null);
            if (column == null) {
                problem(
                        where,
                        header,
                        "unknown column (column " + letter + "); the columns of " + kind.zh() + " are "
                                + kind.columns().stream().map(ExcelColumn::zh).collect(Collectors.joining(", ")));
            } else if (index.containsKey(column)) {
                problem(
                        where,
                        column.zh(),
                        "appears twice (columns " + CellReference.convertNumToColString(index.get(column)) + " and "
                                + letter + ")");
            } else {
                index.put(column, cell.getColumnIndex());
            }
        }
        List<ExcelColumn> missing = kind.columns().stream()
                .filter(c -> kind.isRequired(c) && !index.containsKey(c))
                .toList();
        if (!missing.isEmpty()) {
            problem(
                    where,
                    missing.stream().map(ExcelColumn::zh).collect(Collectors.joining(", ")),
                    (missing.size() == 1 ? "missing column " : "missing columns ")
                            + missing.stream().map(ExcelColumn::header).collect(Collectors.joining(", "))
                            + " in row 1; the sheet's rows were not read");
            return null;
        }
        return index;
    }

    private static boolean hasContent(Sheet sheet, ExcelCells cells) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                try {
                    if (!cells.text(cell).isEmpty()) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private void problem(String where, String field, String message) {
        problems.add(new BankProblem(file, where, field, message));
    }
}

package org.readroom.server.bank.io;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;

/**
 * Reads a cell as the text a teacher sees: text as typed, numbers without a trailing ".0", TRUE/FALSE, formulas by
 * their computed value. A formula that cannot be computed, or a cell showing an error, is refused with a message
 * that says what to type instead.
 */
final class ExcelCells {

    private final FormulaEvaluator evaluator;

    ExcelCells(FormulaEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The cell's text, stripped; "" for a missing or blank cell. */
    String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        switch (cell.getCellType()) {
            case STRING:
                return cell.getStringCellValue().strip();
            case NUMERIC:
                return number(cell.getNumericCellValue());
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case FORMULA:
                return formula(cell);
            case ERROR:
                throw new IllegalArgumentException("the cell shows the error "
                        + FormulaError.forInt(cell.getErrorCellValue()).getString() + "; type the value instead");
            default:
                return "";
        }
    }

    private String formula(Cell cell) {
        CellValue value;
        try {
            value = evaluator.evaluate(cell);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the formula =" + cell.getCellFormula()
                    + " cannot be computed here (" + e.getClass().getSimpleName()
                    + "); type the value instead of a formula");
        }
        if (value == null) {
            return "";
        }
        if (value.getCellType() == CellType.NUMERIC) {
            return number(value.getNumberValue());
        }
        if (value.getCellType() == CellType.STRING) {
            return value.getStringValue().strip();
        }
        if (value.getCellType() == CellType.BOOLEAN) {
            return value.getBooleanValue() ? "TRUE" : "FALSE";
        }
        if (value.getCellType() == CellType.ERROR) {
            throw new IllegalArgumentException("the formula =" + cell.getCellFormula() + " gives the error "
                    + FormulaError.forInt(value.getErrorValue()).getString() + "; type the value instead");
        }
        return "";
    }

    /** 12.0 as "12", 0.1 as "0.1": the shortest decimal that reads back as the same double. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }
}

package org.readroom.server.bank.io;

/**
 * One thing wrong in a bank file, printed as {@code file:where:field: message}: {@code where} is a line (JSON, QTI),
 * or a sheet and row (Excel, {@code 单选题!7}); {@code field} names the field or column ("options[2].id", "正确答案").
 */
public record BankProblem(String file, String where, String field, String message) {

    public BankProblem {
        file = file == null ? "" : file;
        where = where == null ? "" : where;
        field = field == null ? "" : field;
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("bank problem: message is missing");
        }
    }

    @Override
    public String toString() {
        return file + ":" + where + ":" + field + ": " + message;
    }
}

package org.readroom.server.bank.io;

import java.util.HashMap;
import java.util.Map;

/** The ids used so far in one workbook (items, groups and their questions): each may be used once. */
final class ExcelIds {

    private final Map<String, String> firstUse = new HashMap<>();

    /** Records an id for a row; a second use is a problem on that row's column. */
    boolean claim(String id, ExcelRow row, ExcelColumn column) {
        String earlier = firstUse.putIfAbsent(id, row.where());
        if (earlier != null) {
            row.problem(column, "duplicate id " + id + ", already used at " + earlier);
            return false;
        }
        return true;
    }
}

package org.readroom.server.bank.io;

import static org.readroom.server.bank.io.ExcelColumn.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.MatchingQuestion;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.text.LocalizedText;

/**
 * Reads the two group sheets: rows with the same 组号 form one case cluster (A3/A4) or one B1 set, in row order. The
 * group's first row carries what the questions share (case history or instruction, images, options of a B1 set,
 * topic…); later rows may leave those cells empty or repeat them, but not change them.
 */
final class ExcelGroups {

    /** The standard B1 instruction, used when a set gives none. */
    static final LocalizedText B1_INSTRUCTION = LocalizedText.of(
            "以下每组题目共用上列备选答案，请为每道题选择一个最佳答案；每个备选答案可选用一次、多次或不选用。",
            "The questions below share the options above. Choose the best option for each question; an option may be"
                    + " used once, more than once, or not at all.");

    private final ExcelItems items;
    private final ExcelIds ids;

    ExcelGroups(ExcelItems items, ExcelIds ids) {
        this.items = items;
        this.ids = ids;
    }

    /** The groups on a sheet's non-empty rows; groups with problems are left out (their problems are reported). */
    List<Item> read(ExcelSheet sheet, List<ExcelRow> rows) {
        Map<String, List<ExcelRow>> groups = new LinkedHashMap<>();
        for (ExcelRow row : rows) {
            String groupId = null;
            if (row.isBlank(GROUP)) {
                row.problem(
                        GROUP,
                        "is empty; every row of this sheet belongs to a group (rows with the same " + GROUP.zh()
                                + " form one set)");
            } else {
                groupId = ExcelItems.id(row, GROUP);
            }
            if (groupId == null) {
                // still report the row's own problems
                if (sheet == ExcelSheet.CASE_CLUSTER) {
                    clusterQuestion(row);
                } else {
                    matchingQuestion(row, null, row);
                }
            } else {
                groups.computeIfAbsent(groupId, id -> new ArrayList<>()).add(row);
            }
        }
        List<Item> read = new ArrayList<>();
        groups.forEach((groupId, groupRows) -> {
            Item group =
                    sheet == ExcelSheet.CASE_CLUSTER ? caseCluster(groupId, groupRows) : matching(groupId, groupRows);
            if (group != null) {
                read.add(group);
            }
        });
        return read;
    }

    private Item caseCluster(String groupId, List<ExcelRow> rows) {
        ExcelRow head = rows.get(0);
        ids.claim(groupId, head, GROUP);
        sameAsHead(ExcelSheet.CASE_CLUSTER.shared(), rows);
        LocalizedText history = head.localized(HISTORY_ZH, HISTORY_EN);
        List<SeriesRef> images = items.images(head);
        boolean locks = Boolean.TRUE.equals(head.parse(LOCK, ExcelValues::yesNo));
        ItemInfo info = ExcelItems.info(head);
        if (rows.size() < 2 || rows.size() > 12) {
            head.problem(
                    GROUP,
                    "group " + groupId + " has " + rows.size()
                            + " question(s); a case cluster needs 2..12 rows with the same " + GROUP.zh());
        }
        List<Item> questions = new ArrayList<>();
        for (ExcelRow row : rows) {
            Item question = clusterQuestion(row);
            if (question != null) {
                questions.add(question);
            }
        }
        return buildGroup(rows, () -> new CaseClusterItem(groupId, history, images, questions, locks, info));
    }

    private Item matching(String groupId, List<ExcelRow> rows) {
        ExcelRow head = rows.get(0);
        ids.claim(groupId, head, GROUP);
        sameAsHead(ExcelSheet.MATCHING.shared(), rows);
        LocalizedText stem = head.isBlank(GROUP_STEM_ZH) && head.isBlank(GROUP_STEM_EN)
                ? B1_INSTRUCTION
                : LocalizedText.of(head.text(GROUP_STEM_ZH), head.text(GROUP_STEM_EN));
        List<ChoiceOption> options = ExcelItems.options(head);
        ExcelItems.requireOptions(head, options, 2);
        List<SeriesRef> images = items.images(head);
        ItemInfo info = ExcelItems.info(head);
        if (rows.size() < 2) {
            head.problem(
                    GROUP,
                    "group " + groupId + " has 1 question; a B1 set needs 2 or more rows with the same " + GROUP.zh());
        }
        List<MatchingQuestion> questions = new ArrayList<>();
        for (ExcelRow row : rows) {
            MatchingQuestion question = matchingQuestion(row, options, head);
            if (question != null) {
                questions.add(question);
            }
        }
        return buildGroup(rows, () -> new MatchingItem(groupId, stem, options, questions, images, info));
    }

    private Item clusterQuestion(ExcelRow row) {
        claimQuestionId(row);
        return items.question(row);
    }

    /** A B1 question; {@code options} are the set's (null when the row belongs to no group). */
    private MatchingQuestion matchingQuestion(ExcelRow row, List<ChoiceOption> options, ExcelRow head) {
        claimQuestionId(row);
        String id = ExcelItems.id(row, ID);
        LocalizedText stem = row.localized(STEM_ZH, STEM_EN);
        Set<String> key = row.parseRequired(KEY, ExcelValues::letters);
        String letter = null;
        if (key != null && key.size() != 1) {
            row.problem(KEY, "a B1 question has one answer, was \"" + row.text(KEY) + "\"");
        } else if (key != null) {
            letter = key.iterator().next();
            String named = letter;
            if (options != null && options.stream().noneMatch(o -> o.id().equals(named))) {
                row.problem(
                        KEY,
                        "names option " + letter + ", which is not filled in on the group's first row (row "
                                + head.number() + ")");
            }
        }
        Double marks = row.marks();
        String answer = letter;
        return ExcelItems.build(row, () -> new MatchingQuestion(id, stem, answer, marks));
    }

    private void claimQuestionId(ExcelRow row) {
        String id = ExcelValues.plain(row.text(ID));
        if (!id.isEmpty()) {
            ids.claim(id, row, ID);
        }
    }

    /** Later rows may repeat the group's shared cells but not change them. */
    private static void sameAsHead(Set<ExcelColumn> shared, List<ExcelRow> rows) {
        ExcelRow head = rows.get(0);
        for (ExcelRow row : rows.subList(1, rows.size())) {
            for (ExcelColumn column : shared) {
                String text = row.rawText(column);
                if (!text.isEmpty() && !text.equals(head.rawText(column))) {
                    row.problem(
                            column,
                            "differs from the group's first row (row " + head.number()
                                    + "); the group's shared cells are read from its first row, leave them empty here");
                }
            }
        }
    }

    private static Item buildGroup(List<ExcelRow> rows, Supplier<Item> constructor) {
        if (rows.stream().anyMatch(ExcelRow::hasProblems)) {
            return null;
        }
        return ExcelItems.build(rows.get(0), constructor);
    }
}

package org.readroom.server.bank.io;

import static org.readroom.server.bank.io.ExcelColumn.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Difficulty;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.FillInRules;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.ItemType;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.NumericItem;
import org.readroom.core.bank.PartialCredit;
import org.readroom.core.bank.ReportItem;
import org.readroom.core.bank.RubricPoint;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.bank.Topic;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.text.LocalizedText;

/**
 * Builds items from rows of the single-question sheets, and the questions of a case cluster, which may be of any
 * single-question type and read the same columns as that type's sheet. Every cell is read first (so a row reports all
 * its problems); the item is built only from a row without problems, through the core record's constructor, whose
 * refusal becomes a problem on the column it concerns.
 */
final class ExcelItems {

    private static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    private final SeriesResolver series;

    ExcelItems(SeriesResolver series) {
        this.series = series;
    }

    /**
     * What an item has besides its type's own cells. On a single-question sheet all of it is on the row; a case
     * cluster's question has its id and stem there but shares the case's images and metadata (a hotspot question
     * still gets the series it marks).
     */
    private record Common(String id, LocalizedText stem, List<SeriesRef> images, ItemInfo info, boolean inCluster) {}

    /** The item on a row of a single-question sheet; null when the row has problems. */
    Item read(ExcelSheet sheet, ExcelRow row) {
        if (sheet.isGroup()) {
            throw new IllegalArgumentException("not a single-question sheet: " + sheet);
        }
        Common common = new Common(id(row, ID), row.localized(STEM_ZH, STEM_EN), images(row), info(row), false);
        return item(sheet.type(), row, common);
    }

    /**
     * A case cluster's question, of the type its 题型 cell names (single choice when blank), read from the columns of
     * that type's sheet; a filled cell of another type's column is a problem, since it usually means a wrong 题型.
     */
    Item question(ExcelRow row) {
        boolean typeBlank =
                row.text(QUESTION_TYPE).isEmpty() && row.rawText(QUESTION_TYPE).isEmpty();
        ItemType type = typeBlank ? ItemType.SINGLE_CHOICE : row.parse(QUESTION_TYPE, ExcelValues::questionType);
        Common common = new Common(id(row, ID), row.localized(STEM_ZH, STEM_EN), List.of(), ItemInfo.NONE, true);
        if (type == null) {
            row.marks(); // the row's other cells depend on its type; report what does not
            return null;
        }
        otherTypesCells(row, ExcelSheet.of(type), typeBlank);
        return item(type, row, common);
    }

    private Item item(ItemType type, ExcelRow row, Common common) {
        switch (type) {
            case SINGLE_CHOICE:
                return singleChoice(row, common);
            case MULTIPLE_CHOICE:
                return multipleChoice(row, common);
            case TRUE_FALSE:
                return trueFalse(row, common);
            case FILL_IN:
                return fillIn(row, common);
            case NUMERIC:
                return numeric(row, common);
            case HOTSPOT:
                return hotspot(row, common);
            case SHORT_ANSWER:
                return shortAnswer(row, common);
            case REPORT:
                return report(row, common);
            default:
                throw new IllegalArgumentException("not a single-question type: " + type);
        }
    }

    /** On the case-cluster sheet: cells filled in columns that the row's question type does not read. */
    private static void otherTypesCells(ExcelRow row, ExcelSheet own, boolean typeBlank) {
        String type = own.questionWord();
        String blank = typeBlank ? " (" + QUESTION_TYPE.zh() + " is empty, which means " + type + ")" : "";
        for (ExcelColumn column : ExcelSheet.CASE_CLUSTER.questionColumns()) {
            if (!own.questionColumns().contains(column) && !row.rawText(column).isEmpty()) {
                row.problem(
                        column,
                        "is not used by a " + type + " question" + blank + "; write the question's type in "
                                + QUESTION_TYPE.zh() + " or leave " + column.zh() + " empty");
            }
        }
    }

    /** Where a teacher writes a question of another type: another sheet, or another 题型 in a case cluster. */
    private static String elsewhere(Common common, ExcelSheet sheet, String what) {
        return common.inCluster()
                ? "write " + sheet.questionWord() + " in " + QUESTION_TYPE.zh() + " for " + what
                : "use the " + sheet.zh() + " sheet for " + what;
    }

    private Item singleChoice(ExcelRow row, Common common) {
        List<ChoiceOption> options = options(row);
        requireOptions(row, options, 2);
        Set<String> key = key(row, options);
        if (key != null && key.size() != 1) {
            row.problem(
                    KEY,
                    "a single-choice question has one answer, was \"" + row.text(KEY) + "\" ("
                            + elsewhere(common, ExcelSheet.MULTIPLE_CHOICE, "several") + ")");
        }
        Double marks = row.marks();
        return build(
                row,
                () -> new SingleChoiceItem(
                        common.id(),
                        common.stem(),
                        options,
                        key.iterator().next(),
                        marks,
                        common.images(),
                        common.info()));
    }

    private Item multipleChoice(ExcelRow row, Common common) {
        List<ChoiceOption> options = options(row);
        Set<String> key = key(row, options);
        if (key != null && key.size() < 2) {
            row.problem(
                    KEY,
                    "a multiple-choice question needs two or more correct options, was \"" + row.text(KEY) + "\" ("
                            + elsewhere(common, ExcelSheet.SINGLE_CHOICE, "one") + ")");
        }
        requireOptions(row, options, 3);
        PartialCredit credit = row.parse(PARTIAL_CREDIT, ExcelValues::partialCredit);
        Double marks = row.marks();
        return build(
                row,
                () -> new MultipleChoiceItem(
                        common.id(), common.stem(), options, key, credit, marks, common.images(), common.info()));
    }

    private Item trueFalse(ExcelRow row, Common common) {
        Boolean correct = row.parseRequired(KEY, ExcelValues::truth);
        Double marks = row.marks();
        return build(
                row,
                () -> new TrueFalseItem(common.id(), common.stem(), correct, marks, common.images(), common.info()));
    }

    private Item fillIn(ExcelRow row, Common common) {
        List<String> answers = row.parseRequired(ANSWERS, ExcelValues::entries);
        List<List<String>> synonyms = row.parse(SYNONYMS, ExcelValues::synonyms);
        boolean caseSensitive = Boolean.TRUE.equals(row.parse(CASE_SENSITIVE, ExcelValues::yesNo));
        boolean keepPunctuation = Boolean.TRUE.equals(row.parse(KEEP_PUNCTUATION, ExcelValues::yesNo));
        boolean ignoreSpaces = Boolean.TRUE.equals(row.parse(IGNORE_SPACES, ExcelValues::yesNo));
        Double marks = row.marks();
        return build(
                row,
                () -> new FillInItem(
                        common.id(),
                        common.stem(),
                        answers,
                        new FillInRules(caseSensitive, keepPunctuation, ignoreSpaces, synonyms),
                        marks,
                        common.images(),
                        common.info()));
    }

    private Item numeric(ExcelRow row, Common common) {
        Double value = row.parseRequired(VALUE, ExcelValues::number);
        Double tolerance = row.parse(TOLERANCE, ExcelValues::number);
        if (tolerance != null && tolerance < 0) {
            row.problem(TOLERANCE, "must be 0 or more, was " + ExcelCells.number(tolerance));
        }
        String unit = row.text(UNIT);
        Double marks = row.marks();
        return build(
                row,
                () -> new NumericItem(
                        common.id(),
                        common.stem(),
                        value,
                        tolerance == null ? 0 : tolerance,
                        unit,
                        marks,
                        common.images(),
                        common.info()));
    }

    private Item hotspot(ExcelRow row, Common common) {
        String seriesId = row.parseRequired(SERIES, ExcelValues::plain);
        SeriesRef marked = seriesId == null ? null : resolve(row, SERIES, seriesId);
        Integer frame = row.parseRequired(FRAME, ExcelValues::wholeNumber);
        if (frame != null
                && marked != null
                && (frame < 1 || frame > marked.sliceAssets().size())) {
            row.problem(
                    FRAME,
                    "series " + seriesId + " has " + marked.sliceAssets().size() + " images, so " + FRAME.zh()
                            + " must be 1.." + marked.sliceAssets().size() + ", was " + frame);
        }
        Integer columns = row.parseRequired(WIDTH, ExcelValues::wholeNumber);
        Integer rows = row.parseRequired(HEIGHT, ExcelValues::wholeNumber);
        for (ExcelColumn size : List.of(WIDTH, HEIGHT)) {
            Integer pixels = size == WIDTH ? columns : rows;
            if (pixels != null && (pixels < 1 || pixels > 65535)) {
                row.problem(size, "must be 1..65535 pixels, was " + pixels);
            }
        }
        String shape = row.parseRequired(SHAPE, ExcelValues::shape);
        HotspotRegion region = null;
        if (shape != null) {
            region = row.parseRequired(COORDINATES, text -> ExcelValues.region(shape, text));
        } else {
            row.required(COORDINATES);
        }
        if (region != null && columns != null && rows != null && !region.isWithin(columns, rows)) {
            row.problem(COORDINATES, "the region reaches outside the " + columns + "x" + rows + " image");
        }
        Double marks = row.marks();
        List<SeriesRef> images = new ArrayList<>();
        if (marked != null) {
            images.add(marked);
        }
        for (SeriesRef more : common.images()) {
            if (marked == null || !more.seriesId().equals(marked.seriesId())) {
                images.add(more);
            }
        }
        HotspotRegion shapeRegion = region;
        return build(
                row,
                () -> new HotspotItem(
                        common.id(),
                        common.stem(),
                        seriesId,
                        frame - 1,
                        columns,
                        rows,
                        shapeRegion,
                        marks,
                        images,
                        common.info()));
    }

    private Item shortAnswer(ExcelRow row, Common common) {
        LocalizedText model = row.localized(MODEL_ANSWER, MODEL_ANSWER_EN);
        List<RubricPoint> rubric = row.parse(RUBRIC, ExcelValues::rubric);
        Double marks = row.marks();
        checkRubricSum(row, rubric, marks);
        return build(
                row,
                () -> new ShortAnswerItem(
                        common.id(), common.stem(), model, rubric, marks, common.images(), common.info()));
    }

    private Item report(ExcelRow row, Common common) {
        LocalizedText findings = row.localized(MODEL_FINDINGS, MODEL_FINDINGS_EN);
        LocalizedText impression = row.localized(MODEL_IMPRESSION, MODEL_IMPRESSION_EN);
        List<RubricPoint> rubric = row.parseRequired(RUBRIC, ExcelValues::rubric);
        Double marks = row.marks();
        checkRubricSum(row, rubric, marks);
        return build(
                row,
                () -> new ReportItem(
                        common.id(),
                        common.stem(),
                        findings,
                        impression,
                        rubric,
                        marks,
                        common.images(),
                        common.info()));
    }

    private static void checkRubricSum(ExcelRow row, List<RubricPoint> rubric, Double marks) {
        if (rubric == null || marks == null) {
            return;
        }
        double sum = rubric.stream().mapToDouble(RubricPoint::marks).sum();
        if (Math.abs(sum - marks) > 1e-6) {
            row.problem(
                    RUBRIC,
                    "the points add up to " + ExcelCells.number(sum) + " but " + MARKS.zh() + " is "
                            + ExcelCells.number(marks));
        }
    }

    /** The id in a column, checked against the bank's id rule; null with a problem otherwise. */
    static String id(ExcelRow row, ExcelColumn column) {
        String id = row.parseRequired(column, ExcelValues::plain);
        if (id != null && !id.matches(ID_PATTERN)) {
            row.problem(
                    column,
                    "must be 1-64 letters, digits, '_', '.' or '-' starting with a letter or digit, was \"" + id
                            + "\"");
            return null;
        }
        return id;
    }

    /** The filled options A, B, … (ids are the letters); a gap before a filled option is a problem. */
    static List<ChoiceOption> options(ExcelRow row) {
        List<ChoiceOption> options = new ArrayList<>();
        ExcelColumn firstGap = null;
        for (ExcelColumn column : ExcelColumn.OPTIONS) {
            String text = row.text(column);
            if (text.isEmpty()) {
                firstGap = firstGap == null ? column : firstGap;
                continue;
            }
            if (firstGap != null) {
                row.problem(
                        firstGap, "is empty but " + column.zh() + " is filled; fill the options from A without gaps");
                firstGap = null; // each gap once
            }
            String letter = column.zh().substring(column.zh().length() - 1);
            try {
                options.add(new ChoiceOption(letter, ExcelValues.bilingual(text)));
            } catch (IllegalArgumentException e) {
                row.problem(column, "has no text on either side of '|'");
            }
        }
        return options;
    }

    /** A problem on the first empty option column when fewer than {@code minimum} options are filled. */
    static void requireOptions(ExcelRow row, List<ChoiceOption> options, int minimum) {
        if (options.size() >= minimum) {
            return;
        }
        for (ExcelColumn column : ExcelColumn.OPTIONS) {
            if (row.isBlank(column)) {
                row.problem(
                        column,
                        row.has(column)
                                ? "is empty; this question needs at least " + minimum + " options"
                                : "this question needs at least " + minimum + " options, but the sheet has no column "
                                        + column.header() + "; add it to row 1");
                return;
            }
        }
    }

    /** The key's letters, each naming a filled option; null with a problem otherwise. */
    private static Set<String> key(ExcelRow row, List<ChoiceOption> options) {
        Set<String> key = row.parseRequired(KEY, ExcelValues::letters);
        if (key == null) {
            return null;
        }
        Set<String> filled = new HashSet<>();
        options.forEach(option -> filled.add(option.id()));
        for (String letter : key) {
            if (!filled.contains(letter)) {
                row.problem(KEY, "names option " + letter + ", which is not filled in");
                return null;
            }
        }
        return key;
    }

    /** The series named in 影像, resolved; unknown or repeated ids are problems. */
    List<SeriesRef> images(ExcelRow row) {
        List<SeriesRef> images = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> ids = row.parse(IMAGES, ExcelValues::seriesIds);
        for (String seriesId : ids == null ? List.<String>of() : ids) {
            if (!seen.add(seriesId)) {
                row.problem(IMAGES, "names series " + seriesId + " twice");
                continue;
            }
            SeriesRef ref = resolve(row, IMAGES, seriesId);
            if (ref != null) {
                images.add(ref);
            }
        }
        return images;
    }

    private SeriesRef resolve(ExcelRow row, ExcelColumn column, String seriesId) {
        Optional<SeriesRef> found = series.find(seriesId);
        if (found.isEmpty()) {
            row.problem(
                    column,
                    "unknown series " + seriesId
                            + "; import its case folder first (readroom cases import) or correct the id");
            return null;
        }
        return found.get();
    }

    /** Topic, difficulty and teaching points. */
    static ItemInfo info(ExcelRow row) {
        String organ = row.text(ORGAN);
        String subspecialty = row.text(SUBSPECIALTY);
        String diagnosis = row.text(DIAGNOSIS);
        Topic topic = null;
        if (organ.isEmpty() && !(subspecialty + diagnosis).isEmpty()) {
            row.problem(
                    ORGAN,
                    "is empty but " + SUBSPECIALTY.zh() + " or " + DIAGNOSIS.zh() + " is filled; fill the levels from "
                            + ORGAN.zh() + " down");
        } else if (subspecialty.isEmpty() && !diagnosis.isEmpty()) {
            row.problem(SUBSPECIALTY, "is empty but " + DIAGNOSIS.zh() + " is filled");
        } else if (!organ.isEmpty()) {
            try {
                topic = new Topic(organ, subspecialty, diagnosis);
            } catch (IllegalArgumentException e) {
                row.problem(ORGAN, e.getMessage().replaceFirst("^topic[.a-zA-Z]*: ", ""));
            }
        }
        Difficulty difficulty = row.parse(DIFFICULTY, word -> {
            Difficulty level = Difficulty.parse(ExcelValues.plain(word));
            if (level == null) {
                throw new IllegalArgumentException("must be 易, 中 or 难 (easy, medium, hard), was \"" + word + "\"");
            }
            return level;
        });
        List<LocalizedText> points = new ArrayList<>();
        for (String point : row.text(TEACHING_POINTS).isEmpty()
                ? List.<String>of()
                : ExcelValues.entries(row.text(TEACHING_POINTS))) {
            try {
                points.add(ExcelValues.bilingual(point));
            } catch (IllegalArgumentException e) {
                row.problem(TEACHING_POINTS, "point \"" + point + "\" has no text on either side of '|'");
            }
        }
        return new ItemInfo(topic, difficulty, points);
    }

    /** Runs a record constructor for a row without problems; its refusal becomes a problem on the right column. */
    static <T> T build(ExcelRow row, Supplier<T> constructor) {
        if (row.hasProblems()) {
            return null;
        }
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = String.valueOf(e.getMessage())
                    .replaceFirst("^(item|question|option|rubric point|series) \\S+: ", "");
            row.problem(columnFor(message), message);
            return null;
        }
    }

    /** The column a core validation message is about (the messages name the record's field). */
    static ExcelColumn columnFor(String message) {
        String[][] fields = {
            {"rubric", "RUBRIC"},
            {"synonyms", "SYNONYMS"},
            {"acceptedAnswers", "ANSWERS"},
            {"answer key", "KEY"},
            {"correctOptions", "KEY"},
            {"options", "OPTION_A"},
            {"questions", "GROUP"},
            {"duplicate question id", "ID"},
            {"seriesId", "SERIES"},
            {"frame", "FRAME"},
            {"columns and rows", "WIDTH"},
            {"region", "COORDINATES"},
            {"images", "IMAGES"},
            {"tolerance", "TOLERANCE"},
            {"value", "VALUE"},
            {"unit", "UNIT"},
            {"modelAnswer", "MODEL_ANSWER"},
            {"modelFindings", "MODEL_FINDINGS"},
            {"modelImpression", "MODEL_IMPRESSION"},
            {"stem", "STEM_ZH"},
            {"marks", "MARKS"},
            {"id", "ID"}
        };
        for (String[] field : fields) {
            if (message.contains(field[0])) {
                return ExcelColumn.valueOf(field[1]);
            }
        }
        return null;
    }
}

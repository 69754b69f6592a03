package org.readroom.server.bank.io;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.readroom.core.bank.ItemType;
import org.readroom.core.bank.PartialCredit;
import org.readroom.core.bank.RubricPoint;
import org.readroom.core.imaging.Ellipse;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.text.LocalizedText;

/**
 * The words and little notations teachers type in the template's cells, read leniently (Chinese or English words,
 * full-width or half-width punctuation). Each parser throws {@link IllegalArgumentException} with a message meant for
 * the teacher; the reader puts it on the cell's row and column.
 */
final class ExcelValues {

    /** Separates entries of a list: ';' or '；' or a line break. */
    private static final String ENTRIES = "[;；\\r\\n]+";

    private ExcelValues() {}

    /** NFKC (full-width digits, letters and punctuation to their half-width forms), stripped. */
    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    static double number(String text) {
        String plain = plain(text);
        try {
            double value = Double.parseDouble(plain);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a number, was \"" + text + "\"");
    }

    static int wholeNumber(String text) {
        double value = number(text);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("must be a whole number, was \"" + text + "\"");
        }
        return (int) value;
    }

    static boolean yesNo(String text) {
        switch (plain(text).toLowerCase(Locale.ROOT)) {
            case "是", "对", "正确", "yes", "y", "true", "t", "1", "√", "✓", "✔":
                return true;
            case "否", "错", "错误", "不", "no", "n", "false", "f", "0", "×", "✗", "✘", "x":
                return false;
            default:
                throw new IllegalArgumentException("must be 是/否 (yes/no), was \"" + text + "\"");
        }
    }

    /** A true/false key: 对/错, 正确/错误, T/F, true/false, √/×. */
    static boolean truth(String text) {
        try {
            return yesNo(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be 对 or 错 (true/false), was \"" + text + "\"");
        }
    }

    static PartialCredit partialCredit(String text) {
        String word = plain(text).replace(" ", "");
        switch (word) {
            case "全对得分", "全对才得分", "全或无", "全对":
                return PartialCredit.ALL_OR_NOTHING;
            case "按选项", "按选项计分", "按选项得分":
                return PartialCredit.PER_OPTION;
            case "对减错", "答对减答错", "对减错计分":
                return PartialCredit.RIGHT_MINUS_WRONG;
            default:
                PartialCredit rule = PartialCredit.parse(word);
                if (rule == null) {
                    throw new IllegalArgumentException("must be 全对得分, 按选项 or 对减错 (all_or_nothing, per_option, "
                            + "right_minus_wrong), was \"" + text + "\"");
                }
                return rule;
        }
    }

    /**
     * A case cluster question's type: the 题型 word (单选, 多选, 判断, 填空, 数值, 图像标注, 简答, 报告), the type's sheet
     * name (填空题) or its English name (fill_in). Blank cells never get here: a blank 题型 means single choice.
     */
    static ItemType questionType(String text) {
        String key = ExcelColumn.normalize(text);
        switch (key) {
            case "a", "single":
                return ItemType.SINGLE_CHOICE;
            case "x", "multiple":
                return ItemType.MULTIPLE_CHOICE;
            case "标注", "mark":
                return ItemType.HOTSPOT;
            default:
                break;
        }
        for (ExcelSheet sheet : ExcelSheet.questionSheets()) {
            if (key.equals(ExcelColumn.normalize(sheet.questionWord()))) {
                return sheet.type();
            }
        }
        ExcelSheet named = ExcelSheet.named(text);
        if (named != null && !named.isGroup()) {
            return named.type();
        }
        String known = ExcelSheet.questionSheets().stream()
                        .map(ExcelSheet::questionWord)
                        .collect(Collectors.joining(", "))
                + " ("
                + ExcelSheet.questionSheets().stream()
                        .map(sheet -> sheet.type().wireName())
                        .collect(Collectors.joining(", "))
                + ")";
        if (named != null) {
            throw new IllegalArgumentException("a case cluster's question cannot itself be a group (" + named.label()
                    + "), was \"" + text + "\"; write one of " + known);
        }
        throw new IllegalArgumentException("must be one of " + known + ", was \"" + text + "\"");
    }

    /** Option letters of a key ("ACD", "A,C,D", "a、c、d"), in the order typed. */
    static Set<String> letters(String text) {
        String compact = plain(text).toUpperCase(Locale.ROOT).replaceAll("[\\s,;、/]+", "");
        Set<String> letters = new LinkedHashSet<>();
        for (char c : compact.toCharArray()) {
            if (c < 'A' || c > 'H') {
                throw new IllegalArgumentException("must be option letters A-H, was \"" + text + "\"");
            }
            if (!letters.add(String.valueOf(c))) {
                throw new IllegalArgumentException("names option " + c + " twice: \"" + text + "\"");
            }
        }
        return letters;
    }

    /** Text entries separated by ';' or line breaks, blanks dropped. */
    static List<String> entries(String text) {
        List<String> entries = new ArrayList<>();
        for (String entry : text.split(ENTRIES)) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }

    /** Series ids separated by ';', ',' or spaces. */
    static List<String> seriesIds(String text) {
        List<String> ids = new ArrayList<>();
        for (String id : plain(text).split("[;,\\s、]+")) {
            if (!id.isBlank()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** "中文 | English" (either side may be empty); text without '|' is Chinese. */
    static LocalizedText bilingual(String text) {
        String[] parts = text.split("\\s*[|｜]\\s*", 2);
        return LocalizedText.of(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
    }

    /** "肺结节=肺部结节; CT=计算机断层": groups of two or more terms. */
    static List<List<String>> synonyms(String text) {
        List<List<String>> groups = new ArrayList<>();
        for (String entry : entries(text)) {
            List<String> terms = new ArrayList<>();
            for (String term : entry.split("[=＝]")) {
                if (!term.isBlank()) {
                    terms.add(term.strip());
                }
            }
            if (terms.size() < 2) {
                throw new IllegalArgumentException(
                        "group \"" + entry + "\" needs two or more terms joined by '=', e.g. 肺结节=肺部结节");
            }
            groups.add(List.copyOf(terms));
        }
        return groups;
    }

    /** "要点1:2; 要点2:3" as points r1, r2… with their marks; a point's text may be "中文 | English". */
    static List<RubricPoint> rubric(String text) {
        List<RubricPoint> points = new ArrayList<>();
        List<String> entries = entries(text);
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int colon = Math.max(entry.lastIndexOf(':'), entry.lastIndexOf('：'));
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException(
                        "point " + (i + 1) + " \"" + entry + "\" needs its marks after a colon, e.g. 发现右肺上叶结节:2");
            }
            String marksText = entry.substring(colon + 1);
            double marks;
            try {
                marks = number(marksText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("point " + (i + 1) + " \"" + entry
                        + "\": the marks after the colon must be a number, were \"" + marksText.strip() + "\"");
            }
            if (!(marks > 0)) {
                throw new IllegalArgumentException("point " + (i + 1) + " \"" + entry + "\": marks must be > 0");
            }
            points.add(new RubricPoint(
                    "r" + (i + 1), bilingual(entry.substring(0, colon).strip()), marks));
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("has no points; write 要点:分值; 要点:分值");
        }
        return points;
    }

    /** The hotspot shape word: ellipse/椭圆, polygon/多边形, point/点. */
    static String shape(String text) {
        switch (plain(text).toLowerCase(Locale.ROOT)) {
            case "ellipse", "椭圆", "圆", "circle":
                return "ellipse";
            case "polygon", "多边形":
                return "polygon";
            case "point", "点":
                return "point";
            default:
                throw new IllegalArgumentException(
                        "must be 椭圆, 多边形 or 点 (ellipse, polygon, point), was \"" + text + "\"");
        }
    }

    /** Coordinates for a shape: ellipse "cx,cy,rx,ry", point "x,y", polygon "x1,y1; x2,y2; x3,y3…". */
    static HotspotRegion region(String shape, String text) {
        String plain = plain(text);
        try {
            switch (shape) {
                case "ellipse": {
                    double[] v = numbers(plain, 4, "cx,cy,rx,ry");
                    return new HotspotRegion.EllipseRegion(new Ellipse(new Point(v[0], v[1]), v[2], v[3]));
                }
                case "point": {
                    double[] v = numbers(plain, 2, "x,y");
                    return new HotspotRegion.PointRegion(new Point(v[0], v[1]));
                }
                default: {
                    List<Point> vertices = new ArrayList<>();
                    for (String vertex : plain.split("[;\\r\\n]+")) {
                        if (!vertex.isBlank()) {
                            double[] v = numbers(vertex, 2, "x1,y1; x2,y2; x3,y3");
                            vertices.add(new Point(v[0], v[1]));
                        }
                    }
                    return new HotspotRegion.PolygonRegion(vertices);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a " + shape + ": " + e.getMessage());
        }
    }

    private static double[] numbers(String text, int count, String form) {
        String[] parts = text.strip().split("\\s*,\\s*", -1);
        if (parts.length != count) {
            throw new IllegalArgumentException("write " + form);
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("write " + form + " with numbers");
            }
        }
        return values;
    }
}

package org.readroom.server.bank.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.readroom.core.bank.ItemType;

/**
 * The shape of an item in a JSON bank file (the same rules as {@code docs/schema/bank.schema.json}): which fields each
 * type has, which are required, and what kind of value each holds. Checked before Jackson builds the item, because
 * Jackson reads a missing number as 0 and a missing flag as false, and stops at the first wrong field; this check
 * names every unknown, missing or mistyped field of an item at once.
 */
final class ItemShapes {

    private enum Kind {
        STRING,
        NUMBER,
        INTEGER,
        BOOLEAN,
        ENUM,
        STRINGS,
        STRING_GROUPS,
        OBJECT,
        OBJECTS,
        IMAGES,
        QUESTIONS,
        REGION
    }

    private record Field(String name, Kind kind, boolean required, Shape shape, List<String> values) {}

    private record Shape(String label, Map<String, Field> fields) {

        static Shape of(String label, Field... fields) {
            Map<String, Field> byName = new LinkedHashMap<>();
            for (Field field : fields) {
                byName.put(field.name(), field);
            }
            return new Shape(label, byName);
        }

        Shape plus(String newLabel, Field... more) {
            Map<String, Field> byName = new LinkedHashMap<>(fields);
            for (Field field : more) {
                byName.put(field.name(), field);
            }
            return new Shape(newLabel, byName);
        }
    }

    static final List<String> DIFFICULTIES = List.of("easy", "medium", "hard");
    static final List<String> PARTIAL_CREDIT = List.of("all_or_nothing", "per_option", "right_minus_wrong");
    static final List<String> SHAPES = List.of("point", "ellipse", "polygon");

    private static final Shape TEXT = Shape.of("text", optional("zh", Kind.STRING), optional("en", Kind.STRING));
    private static final Shape OPTION = Shape.of("option", required("id", Kind.STRING), object("text", TEXT, true));
    private static final Shape RUBRIC_POINT = Shape.of(
            "rubric point", required("id", Kind.STRING), object("text", TEXT, true), required("marks", Kind.NUMBER));
    private static final Shape MATCHING_QUESTION = Shape.of(
            "B1 question",
            required("id", Kind.STRING),
            object("stem", TEXT, true),
            required("correctOption", Kind.STRING),
            required("marks", Kind.NUMBER));
    private static final Shape TOPIC = Shape.of(
            "topic",
            required("organSystem", Kind.STRING),
            optional("subspecialty", Kind.STRING),
            optional("diagnosis", Kind.STRING));
    private static final Shape INFO = Shape.of(
            "info",
            object("topic", TOPIC, false),
            new Field("difficulty", Kind.ENUM, false, null, DIFFICULTIES),
            objects("teachingPoints", TEXT, false));
    static final Shape SERIES = Shape.of(
            "series",
            required("seriesId", Kind.STRING),
            optional("description", Kind.STRING),
            new Field("sliceAssets", Kind.STRINGS, true, null, List.of()),
            optional("windowCenter", Kind.NUMBER),
            optional("windowWidth", Kind.NUMBER));
    private static final Shape RULES = Shape.of(
            "fill-in rules",
            optional("caseSensitive", Kind.BOOLEAN),
            optional("keepPunctuation", Kind.BOOLEAN),
            optional("ignoreSpaces", Kind.BOOLEAN),
            new Field("synonyms", Kind.STRING_GROUPS, false, null, List.of()));
    private static final Shape POINT = Shape.of("point", required("x", Kind.NUMBER), required("y", Kind.NUMBER));
    private static final Shape ELLIPSE = Shape.of(
            "ellipse",
            object("center", POINT, true),
            required("radiusX", Kind.NUMBER),
            required("radiusY", Kind.NUMBER));
    private static final Map<String, Shape> REGIONS = Map.of(
            "point", Shape.of("point region", required("shape", Kind.STRING), object("at", POINT, true)),
            "ellipse", Shape.of("ellipse region", required("shape", Kind.STRING), object("ellipse", ELLIPSE, true)),
            "polygon", Shape.of("polygon region", required("shape", Kind.STRING), objects("vertices", POINT, true)));

    private static final Shape ITEM = Shape.of(
            "item",
            required("type", Kind.STRING),
            required("id", Kind.STRING),
            object("stem", TEXT, true),
            new Field("images", Kind.IMAGES, false, null, List.of()),
            object("info", INFO, false));
    private static final Map<ItemType, Shape> ITEMS = items();

    private ItemShapes() {}

    private static Map<ItemType, Shape> items() {
        Map<ItemType, Shape> shapes = new LinkedHashMap<>();
        Field marks = required("marks", Kind.NUMBER);
        Field options = objects("options", OPTION, true);
        shapes.put(
                ItemType.SINGLE_CHOICE,
                ITEM.plus("single_choice item", options, required("correctOption", Kind.STRING), marks));
        shapes.put(
                ItemType.MULTIPLE_CHOICE,
                ITEM.plus(
                        "multiple_choice item",
                        options,
                        new Field("correctOptions", Kind.STRINGS, true, null, List.of()),
                        new Field("partialCredit", Kind.ENUM, false, null, PARTIAL_CREDIT),
                        marks));
        shapes.put(ItemType.TRUE_FALSE, ITEM.plus("true_false item", required("correct", Kind.BOOLEAN), marks));
        shapes.put(
                ItemType.CASE_CLUSTER,
                ITEM.plus(
                        "case_cluster item",
                        new Field("questions", Kind.QUESTIONS, true, null, List.of()),
                        optional("locksOnceAnswered", Kind.BOOLEAN)));
        shapes.put(
                ItemType.MATCHING, ITEM.plus("matching item", options, objects("questions", MATCHING_QUESTION, true)));
        shapes.put(
                ItemType.FILL_IN,
                ITEM.plus(
                        "fill_in item",
                        new Field("acceptedAnswers", Kind.STRINGS, true, null, List.of()),
                        object("rules", RULES, false),
                        marks));
        shapes.put(
                ItemType.NUMERIC,
                ITEM.plus(
                        "numeric item",
                        required("value", Kind.NUMBER),
                        required("tolerance", Kind.NUMBER),
                        optional("unit", Kind.STRING),
                        marks));
        shapes.put(
                ItemType.HOTSPOT,
                ITEM.plus(
                        "hotspot item",
                        new Field("images", Kind.IMAGES, true, null, List.of()),
                        required("seriesId", Kind.STRING),
                        required("frame", Kind.INTEGER),
                        required("columns", Kind.INTEGER),
                        required("rows", Kind.INTEGER),
                        new Field("region", Kind.REGION, true, null, List.of()),
                        marks));
        shapes.put(
                ItemType.SHORT_ANSWER,
                ITEM.plus(
                        "short_answer item",
                        object("modelAnswer", TEXT, true),
                        objects("rubric", RUBRIC_POINT, false),
                        marks));
        shapes.put(
                ItemType.REPORT,
                ITEM.plus(
                        "report item",
                        object("modelFindings", TEXT, true),
                        object("modelImpression", TEXT, true),
                        objects("rubric", RUBRIC_POINT, true),
                        marks));
        return Map.copyOf(shapes);
    }

    private static Field required(String name, Kind kind) {
        return new Field(name, kind, true, null, List.of());
    }

    private static Field optional(String name, Kind kind) {
        return new Field(name, kind, false, null, List.of());
    }

    private static Field object(String name, Shape shape, boolean required) {
        return new Field(name, Kind.OBJECT, required, shape, List.of());
    }

    private static Field objects(String name, Shape shape, boolean required) {
        return new Field(name, Kind.OBJECTS, required, shape, List.of());
    }

    /** The type names, as a bank file writes them. */
    static String knownTypes() {
        return java.util.Arrays.stream(ItemType.values())
                .map(ItemType::wireName)
                .collect(Collectors.joining(", "));
    }

    /**
     * Checks an item node (or a case cluster's question, {@code inGroup}) and reports each problem as (field path,
     * message); returns true when there was none.
     */
    static boolean check(JsonNode item, String path, boolean inGroup, BiConsumer<String, String> problems) {
        int[] found = {0};
        checkItem(item, path, inGroup, (at, message) -> {
            found[0]++;
            problems.accept(at, message);
        });
        return found[0] == 0;
    }

    private static void checkItem(JsonNode item, String path, boolean inGroup, BiConsumer<String, String> problems) {
        if (!item.isObject()) {
            problems.accept(path, "an item is a JSON object {\"type\": …, \"id\": …}, found " + describe(item));
            return;
        }
        JsonNode typeNode = item.get("type");
        if (typeNode == null || typeNode.isNull()) {
            problems.accept(path + ".type", "is required; one of: " + knownTypes());
            return;
        }
        ItemType type = typeNode.isTextual() ? ItemType.parse(typeNode.asText()) : null;
        if (type == null || !type.wireName().equals(typeNode.asText())) {
            problems.accept(path + ".type", "unknown type " + typeNode + "; known types: " + knownTypes());
            return;
        }
        if (inGroup && (type == ItemType.CASE_CLUSTER || type == ItemType.MATCHING)) {
            problems.accept(
                    path + ".type",
                    "a case cluster's questions are single questions; " + type.wireName() + " is a group");
            return;
        }
        checkObject(item, ITEMS.get(type), path, problems);
    }

    private static void checkObject(JsonNode node, Shape shape, String path, BiConsumer<String, String> problems) {
        List<String> missing = new ArrayList<>();
        for (Field field : shape.fields().values()) {
            JsonNode value = node.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    missing.add(field.name());
                }
            } else {
                checkValue(value, field, path + "." + field.name(), problems);
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!shape.fields().containsKey(name)) {
                String guess = closest(name, shape.fields().keySet());
                if (guess != null && missing.remove(guess)) {
                    problems.accept(
                            path + "." + name, "unknown field \"" + name + "\"; did you mean \"" + guess + "\"?");
                } else {
                    problems.accept(
                            path + "." + name,
                            "unknown field \"" + name + "\"; a " + shape.label() + " has: "
                                    + String.join(", ", shape.fields().keySet()));
                }
            }
        }
        for (String name : missing) {
            problems.accept(path + "." + name, "is required in a " + shape.label());
        }
    }

    private static void checkValue(JsonNode value, Field field, String path, BiConsumer<String, String> problems) {
        switch (field.kind()) {
            case STRING -> expect(value.isTextual(), "a text", value, path, problems);
            case NUMBER -> expect(value.isNumber(), "a number", value, path, problems);
            case INTEGER -> expect(value.isIntegralNumber(), "a whole number", value, path, problems);
            case BOOLEAN -> expect(value.isBoolean(), "true or false", value, path, problems);
            case ENUM -> {
                if (!value.isTextual() || !field.values().contains(value.asText())) {
                    problems.accept(path, "unknown value " + value + "; one of: " + String.join(", ", field.values()));
                }
            }
            case STRINGS -> eachElement(
                    value,
                    path,
                    problems,
                    (element, at) -> expect(element.isTextual(), "a text", element, at, problems));
            case STRING_GROUPS -> eachElement(
                    value,
                    path,
                    problems,
                    (group, at) -> eachElement(
                            group,
                            at,
                            problems,
                            (term, termAt) -> expect(term.isTextual(), "a text", term, termAt, problems)));
            case OBJECT -> {
                if (expect(value.isObject(), "an object {…}", value, path, problems)) {
                    checkObject(value, field.shape(), path, problems);
                }
            }
            case OBJECTS -> eachElement(value, path, problems, (element, at) -> {
                if (expect(element.isObject(), "an object {…}", element, at, problems)) {
                    checkObject(element, field.shape(), at, problems);
                }
            });
            case IMAGES -> eachElement(value, path, problems, (element, at) -> {
                if (element.isObject()) {
                    checkObject(element, SERIES, at, problems);
                } else {
                    expect(element.isTextual(), "a series id or a series object", element, at, problems);
                }
            });
            case QUESTIONS -> eachElement(
                    value, path, problems, (element, at) -> checkItem(element, at, true, problems));
            case REGION -> checkRegion(value, path, problems);
        }
    }

    private static void checkRegion(JsonNode value, String path, BiConsumer<String, String> problems) {
        if (!expect(value.isObject(), "an object {\"shape\": …}", value, path, problems)) {
            return;
        }
        JsonNode shape = value.get("shape");
        Shape region = shape != null && shape.isTextual() ? REGIONS.get(shape.asText()) : null;
        if (region == null) {
            problems.accept(
                    path + ".shape",
                    (shape == null || shape.isNull() ? "is required" : "unknown shape " + shape) + "; one of: "
                            + String.join(", ", SHAPES));
            return;
        }
        checkObject(value, region, path, problems);
    }

    private interface ElementCheck {
        void check(JsonNode element, String path);
    }

    private static void eachElement(
            JsonNode value, String path, BiConsumer<String, String> problems, ElementCheck each) {
        if (!expect(value.isArray(), "a list […]", value, path, problems)) {
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            each.check(value.get(i), path + "[" + i + "]");
        }
    }

    private static boolean expect(
            boolean ok, String expected, JsonNode value, String path, BiConsumer<String, String> problems) {
        if (!ok) {
            problems.accept(path, "expected " + expected + ", found " + describe(value));
        }
        return ok;
    }

    /** How a value reads in a message: {@code text "2"}, {@code number 3}, {@code a list}, … */
    static String describe(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "text " + value;
        }
        if (value.isNumber()) {
            return "number " + value.asText();
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        return value.isArray() ? "a list" : "an object";
    }

    /** A known name the author probably meant: same letters ignoring case, or at most two edits away. */
    static String closest(String name, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int distance = candidate.equalsIgnoreCase(name)
                    ? 0
                    : distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

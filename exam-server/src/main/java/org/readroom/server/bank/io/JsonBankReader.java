package org.readroom.server.bank.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.protocol.Wire;

/**
 * Reads a JSON bank file ({@code docs/bank-format.md}): {@code {"format": "readroom-bank", "version": 1, "items":
 * [...]}}, each item in the form {@code Wire.mapper()} writes it, except that an image may be named by its series id.
 * Every problem is reported with its line and field path, all of them: a syntax error stops the reading there, but
 * each item before it is still checked.
 */
public final class JsonBankReader {

    public static final String FORMAT = "readroom-bank";
    public static final int VERSION = 1;

    private static final String SHAPE = "{\"format\": \"readroom-bank\", \"version\": 1, \"items\": [ … ]}";
    private static final Set<String> TOP_LEVEL = Set.of("format", "version", "description", "items");

    /** Wire's mapper, but a field the item does not have is an error: in a bank file it is a typo. */
    private static final ObjectMapper STRICT =
            Wire.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonBankReader() {}

    public static BankReadResult read(Path file, SeriesResolver series) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in, series);
        } catch (NoSuchFileException e) {
            return new BankReadResult(name, List.of(), List.of(new BankProblem(name, "", "", "file not found")));
        } catch (IOException e) {
            return new BankReadResult(
                    name, List.of(), List.of(new BankProblem(name, "", "", "cannot read the file: " + e.getMessage())));
        }
    }

    /** Reads a bank from a stream (an upload), naming it {@code name} in problems. */
    public static BankReadResult read(String name, InputStream in, SeriesResolver series) {
        return new Reading(name, series).run(in);
    }

    /** The state of reading one file. */
    private static final class Reading {

        private final String file;
        private final SeriesResolver series;
        private final List<Item> items = new ArrayList<>();
        private final List<BankProblem> problems = new ArrayList<>();
        private final Map<String, String> ids = new HashMap<>();

        Reading(String file, SeriesResolver series) {
            this.file = file;
            this.series = series;
        }

        BankReadResult run(InputStream in) {
            try (JsonParser parser = STRICT.getFactory().createParser(in)) {
                readBank(parser);
            } catch (JsonProcessingException e) {
                syntaxProblem(e);
            } catch (IOException e) {
                problem(0, "", "cannot read the file: " + e.getMessage());
            }
            return new BankReadResult(file, items, problems);
        }

        private void readBank(JsonParser parser) throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problem(1, "", "the file is empty; a bank file is " + SHAPE);
                return;
            }
            int start = line(parser);
            if (first != JsonToken.START_OBJECT) {
                problem(
                        start,
                        "",
                        "a bank file is one JSON object " + SHAPE + ", found "
                                + (first == JsonToken.START_ARRAY ? "a list" : "a single value"));
                return;
            }
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = line(parser);
                parser.nextToken();
                if (!seen.add(key)) {
                    problem(keyLine, key, "given twice");
                }
                switch (key) {
                    case "format" -> checkFormat(LocatedJson.read(parser, key).node(), keyLine);
                    case "version" -> checkVersion(LocatedJson.read(parser, key).node(), keyLine);
                    case "description" -> {
                        JsonNode description = LocatedJson.read(parser, key).node();
                        if (!description.isTextual()) {
                            problem(keyLine, key, "expected a text, found " + ItemShapes.describe(description));
                        }
                    }
                    case "items" -> readItems(parser, keyLine);
                    default -> {
                        String guess = ItemShapes.closest(key, TOP_LEVEL);
                        problem(
                                keyLine,
                                key,
                                "unknown field \"" + key + "\""
                                        + (guess == null ? "" : "; did you mean \"" + guess + "\"?")
                                        + " (a bank file has: format, version, description, items)");
                        parser.skipChildren();
                    }
                }
            }
            for (String required : List.of("format", "version", "items")) {
                if (!seen.contains(required)) {
                    problem(start, required, "is required; a bank file is " + SHAPE);
                }
            }
            if (parser.nextToken() != null) {
                problem(line(parser), "", "unexpected content after the bank's closing '}'");
            }
        }

        private void checkFormat(JsonNode format, int line) {
            if (!format.isTextual() || !format.asText().equals(FORMAT)) {
                problem(line, "format", "must be \"" + FORMAT + "\", was " + format);
            }
        }

        private void checkVersion(JsonNode version, int line) {
            if (!version.isIntegralNumber()) {
                problem(line, "version", "must be the number " + VERSION + ", was " + version);
            } else if (version.asInt() != VERSION) {
                problem(
                        line,
                        "version",
                        "version " + version + " is not supported; this ReadRoom reads version " + VERSION);
            }
        }

        private void readItems(JsonParser parser, int line) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                problem(
                        line,
                        "items",
                        "expected a list of items [ … ], found "
                                + ItemShapes.describe(
                                        LocatedJson.read(parser, "items").node()));
                return;
            }
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new IOException("the file ends inside the items list");
                }
                String path = "items[" + index + "]";
                readItem(LocatedJson.read(parser, path), path);
                index++;
            }
        }

        private void readItem(LocatedJson located, String path) {
            int first = problems.size();
            checkItem(located, path);
            // An item's problems in the order of its lines, as the author reads the file.
            problems.subList(first, problems.size()).sort(Comparator.comparingInt(p -> lineNumber(p.where())));
        }

        private void checkItem(LocatedJson located, String path) {
            for (LocatedJson.DuplicateField duplicate : located.duplicates()) {
                problem(duplicate.line(), duplicate.path(), "given twice in one object");
            }
            JsonNode node = located.node();
            boolean shaped = ItemShapes.check(node, path, false, (field, message) -> problem(located, field, message));
            boolean resolved = node.isObject() && resolveImages(node, path, located);
            if (!shaped || !resolved || !located.duplicates().isEmpty()) {
                return;
            }
            Item item;
            try {
                item = STRICT.treeToValue(node, Item.class);
            } catch (JsonMappingException e) {
                ItemErrors.Problem problem = ItemErrors.describe(e, node, path);
                problem(located, problem.field(), problem.message());
                return;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problem(located, path, ItemErrors.firstLine(e.getMessage()));
                return;
            }
            if (claimIds(item, path, located)) {
                items.add(item);
            }
        }

        /** Replaces series ids in images (also in a case cluster's questions) by the series they name. */
        private boolean resolveImages(JsonNode item, String path, LocatedJson located) {
            boolean ok = true;
            JsonNode images = item.get("images");
            if (images != null && images.isArray()) {
                for (int i = 0; i < images.size(); i++) {
                    JsonNode image = images.get(i);
                    if (image.isTextual()) {
                        Optional<SeriesRef> found = series.find(image.asText());
                        if (found.isPresent()) {
                            ((ArrayNode) images).set(i, STRICT.valueToTree(found.get()));
                        } else {
                            problem(
                                    located,
                                    path + ".images[" + i + "]",
                                    "unknown series " + image
                                            + "; import its case first, or give the whole series object");
                            ok = false;
                        }
                    }
                }
            }
            JsonNode questions = item.get("questions");
            if (questions != null
                    && questions.isArray()
                    && "case_cluster".equals(item.path("type").asText())) {
                for (int i = 0; i < questions.size(); i++) {
                    ok &= resolveImages(questions.get(i), path + ".questions[" + i + "]", located);
                }
            }
            return ok;
        }

        /** Item ids, and the ids of a group's questions, must be unique in the file (answers are kept by them). */
        private boolean claimIds(Item item, String path, LocatedJson located) {
            boolean ok = claim(item.id(), path + ".id", located);
            if (item.isGroup()) {
                for (int i = 0; i < item.parts().size(); i++) {
                    ok &= claim(item.parts().get(i).id(), path + ".questions[" + i + "].id", located);
                }
            }
            return ok;
        }

        private boolean claim(String id, String field, LocatedJson located) {
            int line = located.lineOf(field);
            String previous = ids.putIfAbsent(id, field + " (line " + line + ")");
            if (previous != null) {
                problem(line, field, "duplicate id \"" + id + "\": also used by " + previous);
                return false;
            }
            return true;
        }

        private void syntaxProblem(JsonProcessingException e) {
            var location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            String column = location == null ? "" : " at column " + location.getColumnNr();
            problem(line, "", "JSON syntax error" + column + ": " + ItemErrors.syntaxMessage(e.getOriginalMessage()));
        }

        private void problem(LocatedJson located, String field, String message) {
            problem(located.lineOf(field), field, message);
        }

        private void problem(int line, String field, String message) {
            problems.add(new BankProblem(file, line > 0 ? Integer.toString(line) : "", field, message));
        }

        private static int lineNumber(String where) {
            return where.isEmpty() ? 0 : Integer.parseInt(where);
        }

        private static int line(JsonParser parser) {
            return parser.currentTokenLocation().getLineNr();
        }
    }
}

package org.readroom.server.bank.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value read from a parser together with the line where each of its parts starts, keyed by field path
 * ({@code items[3].options[1].id}), so a problem found later in the tree can still name its line. Jackson's own trees
 * forget where they came from.
 */
final class LocatedJson {

    /** A field given twice in one object: the later value wins, and the reader reports it. */
    record DuplicateField(String path, int line) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode node;
    private final Map<String, Integer> lines;
    private final List<DuplicateField> duplicates;

    private LocatedJson(JsonNode node, Map<String, Integer> lines, List<DuplicateField> duplicates) {
        this.node = node;
        this.lines = lines;
        this.duplicates = duplicates;
    }

    /** Reads the value at the parser's current token (which must be the value's first token), naming it {@code path}. */
    static LocatedJson read(JsonParser parser, String path) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        List<DuplicateField> duplicates = new ArrayList<>();
        JsonNode node = value(parser, path, lines, duplicates);
        return new LocatedJson(node, lines, duplicates);
    }

    JsonNode node() {
        return node;
    }

    List<DuplicateField> duplicates() {
        return List.copyOf(duplicates);
    }

    /** The line of the value at {@code path}, or of the nearest enclosing value that has one. */
    int lineOf(String path) {
        String at = path;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            int cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault(at, 0);
            }
            at = at.substring(0, cut);
        }
    }

    private static JsonNode value(
            JsonParser parser, String path, Map<String, Integer> lines, List<DuplicateField> duplicates)
            throws IOException {
        lines.putIfAbsent(path, line(parser));
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = path + "." + name;
                    int fieldLine = line(parser);
                    parser.nextToken();
                    if (object.has(name)) {
                        duplicates.add(new DuplicateField(child, fieldLine));
                    }
                    // The field's name is where an author looks for it, so it gives the line.
                    lines.put(child, fieldLine);
                    object.set(name, value(parser, child, lines, duplicates));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, path + "[" + index + "]", lines, duplicates));
                    index++;
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected JSON token " + token + " at " + path);
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}

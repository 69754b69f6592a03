package org.readroom.server.bank.io;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Jackson reports while building an item into one line naming the field path. The item records validate
 * themselves and their messages already name the item and the field ("item sc-7: marks must be > 0 …"); this finds
 * the field those messages mean, so the line number points at it.
 */
final class ItemErrors {

    /** One problem: the field path ({@code items[3].options[1].id}) and the message. */
    record Problem(String field, String message) {}

    private static final Pattern SUBJECT =
            Pattern.compile("^(item|option|question|rubric point|series) ([^ :]+): (.*)$");
    private static final Pattern ID_RULE = Pattern.compile("^(item|option|question|rubric point|series) id: .*$");
    private static final Pattern LEADING_FIELD = Pattern.compile("^([A-Za-z]+)(?:\\.([A-Za-z]+))?[ :]");
    private static final Pattern DUPLICATE_QUESTION = Pattern.compile("^duplicate question id (\\S+)$");
    private static final Pattern SOURCE = Pattern.compile(" ?\\(?(at )?\\[Source: [^\\]]*\\]\\)?");

    private ItemErrors() {}

    static Problem describe(JsonMappingException e, JsonNode item, String itemPath) {
        String at = itemPath + pathOf(e);
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            Throwable cause = e.getCause();
            if (cause instanceof NullPointerException && cause.getMessage() != null) {
                return new Problem(at + "." + cause.getMessage(), "is required");
            }
            String message = firstLine(cause.getMessage());
            return new Problem(refine(at, message, item, itemPath), message);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem(at, "unknown field \"" + unknown.getPropertyName() + "\"");
        }
        if (e instanceof InvalidTypeIdException type) {
            return new Problem(at, "unknown type \"" + type.getTypeId() + "\"");
        }
        if (e instanceof MismatchedInputException) {
            return new Problem(
                    at,
                    "cannot read " + ItemShapes.describe(nodeAt(item, at.substring(itemPath.length()))) + ": "
                            + firstLine(e.getOriginalMessage()));
        }
        return new Problem(at, firstLine(e.getOriginalMessage()));
    }

    /** The path Jackson was at, as {@code .options[1].text}. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The field a record's message is about, below {@code at} (the object being built) when it can be told. */
    static String refine(String at, String message, JsonNode item, String itemPath) {
        JsonNode here = nodeAt(item, at.substring(itemPath.length()));
        if (here == null) {
            return at;
        }
        if (ID_RULE.matcher(message).matches()) {
            return at + (message.startsWith("series") ? ".seriesId" : ".id");
        }
        String rest = message;
        Matcher subject = SUBJECT.matcher(message);
        if (subject.matches()) {
            rest = subject.group(3);
            // A B1 set checks its questions' keys and names the question: point at that question.
            int question = questionIndex(here, subject.group(2), false);
            if (question >= 0 && !subject.group(2).equals(here.path("id").asText())) {
                at = at + ".questions[" + question + "]";
                here = here.get("questions").get(question);
            }
        }
        Matcher duplicate = DUPLICATE_QUESTION.matcher(rest);
        if (duplicate.matches()) {
            int question = questionIndex(here, duplicate.group(1), true);
            return question >= 0 ? at + ".questions[" + question + "].id" : at + ".questions";
        }
        if (rest.startsWith("answer key names unknown option")) {
            return at + (here.has("correctOptions") ? ".correctOptions" : ".correctOption");
        }
        Matcher leading = LEADING_FIELD.matcher(rest);
        if (leading.find()) {
            if (here.has(leading.group(1))) {
                return at + "." + leading.group(1);
            }
            if (leading.group(2) != null && here.has(leading.group(2))) {
                return at + "." + leading.group(2);
            }
        }
        return at;
    }

    private static int questionIndex(JsonNode group, String id, boolean last) {
        JsonNode questions = group.get("questions");
        int found = -1;
        if (questions != null && questions.isArray()) {
            for (int i = 0; i < questions.size(); i++) {
                if (id.equals(questions.get(i).path("id").asText(null))) {
                    found = i;
                    if (!last) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    /** The node at a relative path such as {@code .options[1].text}, or null. */
    static JsonNode nodeAt(JsonNode root, String path) {
        JsonNode node = root;
        Matcher step = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)\\]").matcher(path);
        while (node != null && step.find()) {
            node = step.group(1) != null ? node.get(step.group(1)) : node.get(Integer.parseInt(step.group(2)));
        }
        return node;
    }

    /** Jackson's syntax message without the source description it appends. */
    static String syntaxMessage(String message) {
        return SOURCE.matcher(firstLine(message)).replaceAll("").strip();
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "cannot be read";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package org.readroom.core.bank;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.readroom.core.text.LocalizedText;

/** Validation shared by the item records; every message names the item and the field. */
final class Items {

    private Items() {}

    static void requireId(String field, String id) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException(field + ": must be 1-64 letters, digits, '_', '.' or '-', was " + id);
        }
    }

    static void requireStem(String itemId, LocalizedText stem) {
        if (stem == null) {
            throw new IllegalArgumentException("item " + itemId + ": stem is missing");
        }
    }

    static void requireMarks(String itemId, double marks) {
        if (!(marks > 0) || marks > 1000) {
            throw new IllegalArgumentException("item " + itemId + ": marks must be > 0 and <= 1000, was " + marks);
        }
    }

    static List<SeriesRef> images(String itemId, List<SeriesRef> images) {
        List<SeriesRef> copy = List.copyOf(images == null ? List.of() : images);
        Set<String> seen = new HashSet<>();
        for (SeriesRef series : copy) {
            if (!seen.add(series.seriesId())) {
                throw new IllegalArgumentException(
                        "item " + itemId + ": images: series " + series.seriesId() + " appears twice");
            }
        }
        return copy;
    }

    static List<ChoiceOption> requireOptions(String itemId, List<ChoiceOption> options, int minimum) {
        List<ChoiceOption> copy = List.copyOf(options == null ? List.of() : options);
        if (copy.size() < minimum) {
            throw new IllegalArgumentException(
                    "item " + itemId + ": options: needs at least " + minimum + " options, has " + copy.size());
        }
        if (copy.size() > 26) {
            throw new IllegalArgumentException("item " + itemId + ": options: at most 26, has " + copy.size());
        }
        Set<String> seen = new HashSet<>();
        for (ChoiceOption option : copy) {
            if (!seen.add(option.id())) {
                throw new IllegalArgumentException("item " + itemId + ": options: duplicate option id " + option.id());
            }
        }
        return copy;
    }

    static void requireKnownOption(String itemId, List<ChoiceOption> options, String optionId) {
        if (options.stream().noneMatch(o -> o.id().equals(optionId))) {
            throw new IllegalArgumentException("item " + itemId + ": answer key names unknown option " + optionId);
        }
    }

    static List<RubricPoint> rubric(String itemId, List<RubricPoint> rubric, double marks, boolean required) {
        List<RubricPoint> copy = List.copyOf(rubric == null ? List.of() : rubric);
        if (copy.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("item " + itemId + ": rubric: at least one key finding is needed");
            }
            return copy;
        }
        Set<String> seen = new HashSet<>();
        double sum = 0;
        for (RubricPoint point : copy) {
            if (!seen.add(point.id())) {
                throw new IllegalArgumentException("item " + itemId + ": rubric: duplicate point id " + point.id());
            }
            sum += point.marks();
        }
        if (Math.abs(sum - marks) > 1e-6) {
            throw new IllegalArgumentException(
                    "item " + itemId + ": rubric: points add up to " + sum + " but the item is worth " + marks);
        }
        return copy;
    }

    /** A group's questions must be single questions with ids unique within the group. */
    static void requireSingleQuestions(String groupId, List<Item> questions) {
        Set<String> seen = new HashSet<>();
        for (Item question : questions) {
            if (question.isGroup()) {
                throw new IllegalArgumentException(
                        "item " + groupId + ": questions: " + question.id() + " is itself a group");
            }
            if (!seen.add(question.id()) || question.id().equals(groupId)) {
                throw new IllegalArgumentException("item " + groupId + ": duplicate question id " + question.id());
            }
        }
    }
}

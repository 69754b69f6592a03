package org.readroom.core.bank;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation shared by the item records. */
final class Items {

    private Items() {}

    static void requireId(String field, String id) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException(field + ": must be 1-64 letters, digits, '_', '.' or '-', was " + id);
        }
    }

    static void requireMarks(String itemId, double marks) {
        if (!(marks > 0) || marks > 1000) {
            throw new IllegalArgumentException("item " + itemId + ": marks must be > 0 and <= 1000, was " + marks);
        }
    }

    static List<ChoiceOption> requireOptions(String itemId, List<ChoiceOption> options, int minimum) {
        List<ChoiceOption> copy = List.copyOf(options == null ? List.of() : options);
        if (copy.size() < minimum) {
            throw new IllegalArgumentException(
                    "item " + itemId + ": needs at least " + minimum + " options, has " + copy.size());
        }
        Set<String> seen = new HashSet<>();
        for (ChoiceOption option : copy) {
            if (!seen.add(option.id())) {
                throw new IllegalArgumentException("item " + itemId + ": duplicate option id " + option.id());
            }
        }
        return copy;
    }

    static void requireKnownOption(String itemId, List<ChoiceOption> options, String optionId) {
        if (options.stream().noneMatch(o -> o.id().equals(optionId))) {
            throw new IllegalArgumentException("item " + itemId + ": answer key names unknown option " + optionId);
        }
    }
}

package org.readroom.core.paper;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.readroom.core.bank.Item;
import org.readroom.core.text.LocalizedText;

/**
 * A paper: its items in authoring order (single questions, case clusters and B1 sets) and the time allowed. Ids are
 * unique across items and the questions inside groups, because answers and scores are keyed by question id.
 */
public record Paper(String id, LocalizedText title, int durationMinutes, List<Item> items) {

    public Paper {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("paper id: must not be blank");
        }
        if (title == null) {
            throw new IllegalArgumentException("paper " + id + ": title is missing");
        }
        if (durationMinutes < 1 || durationMinutes > 24 * 60) {
            throw new IllegalArgumentException(
                    "paper " + id + ": duration must be 1..1440 minutes, was " + durationMinutes);
        }
        items = List.copyOf(items == null ? List.of() : items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("paper " + id + ": has no items");
        }
        Set<String> seen = new HashSet<>();
        for (Item item : items) {
            if (!seen.add(item.id())) {
                throw new IllegalArgumentException("paper " + id + ": item " + item.id() + " appears twice");
            }
            if (item.isGroup()) {
                for (Item part : item.parts()) {
                    if (!seen.add(part.id())) {
                        throw new IllegalArgumentException(
                                "paper " + id + ": question id " + part.id() + " of " + item.id() + " is used twice");
                    }
                }
            }
        }
    }

    public double totalMarks() {
        return items.stream().mapToDouble(Item::marks).sum();
    }

    /** The questions candidates answer, in authoring order: groups opened into their questions. */
    public List<Item> questions() {
        return items.stream().flatMap(item -> item.parts().stream()).toList();
    }

    /** A question by id (a group's question included). */
    public Item item(String itemId) {
        return questions().stream()
                .filter(i -> i.id().equals(itemId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("paper " + id + ": no question " + itemId));
    }
}

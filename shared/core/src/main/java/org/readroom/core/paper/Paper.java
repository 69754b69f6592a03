package org.readroom.core.paper;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.readroom.core.bank.Item;
import org.readroom.core.text.LocalizedText;

/** A fixed paper: its items in authoring order and the time allowed. */
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
        }
    }

    public double totalMarks() {
        return items.stream().mapToDouble(Item::marks).sum();
    }

    public Item item(String itemId) {
        return items.stream()
                .filter(i -> i.id().equals(itemId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("paper " + id + ": no item " + itemId));
    }
}

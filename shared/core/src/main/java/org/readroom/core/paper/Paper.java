package org.readroom.core.paper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.readroom.core.bank.Item;
import org.readroom.core.text.LocalizedText;

/**
 * A paper: its items (single questions, case clusters and B1 sets), the sections they are in and the time allowed.
 * Items are kept in section order, and in each section's authoring order. Ids are unique across items and the
 * questions inside groups, because answers and scores are keyed by question id. A paper written without sections
 * (older JSON, older callers) has one section holding every item.
 */
public record Paper(
        String id, LocalizedText title, int durationMinutes, List<Item> items, List<PaperSection> sections) {

    public Paper {
        PaperChecks.requireHead(id, title, durationMinutes);
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
        sections = sections == null
                ? List.of(PaperSection.whole(title, items.stream().map(Item::id).toList()))
                : List.copyOf(sections);
        List<String> problems = PaperChecks.sectionProblems(id, durationMinutes, items, sections);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        items = inSectionOrder(items, sections);
    }

    /** A paper with one section holding every item. */
    public Paper(String id, LocalizedText title, int durationMinutes, List<Item> items) {
        this(id, title, durationMinutes, items, null);
    }

    private static List<Item> inSectionOrder(List<Item> items, List<PaperSection> sections) {
        Map<String, Item> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        List<Item> ordered = new ArrayList<>(items.size());
        for (PaperSection section : sections) {
            section.itemIds().forEach(itemId -> ordered.add(byId.get(itemId)));
        }
        return List.copyOf(ordered);
    }

    public double totalMarks() {
        return items.stream().mapToDouble(Item::marks).sum();
    }

    /** The marks of one section's items. */
    public double marks(PaperSection section) {
        return section.itemIds().stream()
                .mapToDouble(itemId -> topItem(itemId).marks())
                .sum();
    }

    /** The section an item (a group, or a single question) is in. */
    public PaperSection sectionOf(String itemId) {
        return sections.stream()
                .filter(s -> s.itemIds().contains(itemId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("paper " + id + ": no item " + itemId));
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

    private Item topItem(String itemId) {
        return items.stream()
                .filter(i -> i.id().equals(itemId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("paper " + id + ": no item " + itemId));
    }
}

package org.readroom.core.scoring;

import java.util.Set;

/** A candidate's answer to one item: chosen option ids for choice items, text for written ones. */
public record Answer(String itemId, Set<String> choices, String text) {

    public Answer {
        if (itemId == null || itemId.isBlank()) {
            throw new IllegalArgumentException("answer: item id is missing");
        }
        choices = Set.copyOf(choices == null ? Set.of() : choices);
        text = text == null ? "" : text;
        if (text.length() > 20_000) {
            throw new IllegalArgumentException("answer to " + itemId + ": text longer than 20000 characters");
        }
    }

    public boolean isBlank() {
        return choices.isEmpty() && text.isBlank();
    }
}

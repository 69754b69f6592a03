package org.readroom.core.bank;

import org.readroom.core.text.LocalizedText;

/** One question of a B1 set: its stem, the option of the shared list that answers it, and its marks. */
public record MatchingQuestion(String id, LocalizedText stem, String correctOption, double marks) {

    public MatchingQuestion {
        Items.requireId("question id", id);
        Items.requireStem(id, stem);
        Items.requireMarks(id, marks);
    }
}

package org.readroom.core.bank;

import org.readroom.core.text.LocalizedText;

/** One option of a choice item; the id is stable, the letter shown to a candidate depends on their order. */
public record ChoiceOption(String id, LocalizedText text) {

    public ChoiceOption {
        Items.requireId("option id", id);
        if (text == null) {
            throw new IllegalArgumentException("option " + id + ": text is missing");
        }
    }
}

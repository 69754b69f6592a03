package org.readroom.core.bank;

import java.util.List;
import java.util.Set;
import org.readroom.core.text.LocalizedText;

/** Multiple answers (X-type), scored all-or-nothing until the bank issue adds partial-credit rules. */
public record MultipleChoiceItem(
        String id,
        LocalizedText stem,
        List<ChoiceOption> options,
        Set<String> correctOptions,
        double marks,
        List<SeriesRef> images)
        implements Item {

    public MultipleChoiceItem {
        Items.requireId("item id", id);
        options = Items.requireOptions(id, options, 3);
        correctOptions = Set.copyOf(correctOptions == null ? Set.of() : correctOptions);
        if (correctOptions.size() < 2) {
            throw new IllegalArgumentException(
                    "item " + id + ": an X-type item needs at least 2 correct options, has " + correctOptions.size());
        }
        for (String key : correctOptions) {
            Items.requireKnownOption(id, options, key);
        }
        Items.requireMarks(id, marks);
        images = List.copyOf(images == null ? List.of() : images);
    }
}

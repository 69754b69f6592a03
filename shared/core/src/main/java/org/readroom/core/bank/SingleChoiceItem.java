package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/** Single best answer (A1/A2). */
public record SingleChoiceItem(
        String id,
        LocalizedText stem,
        List<ChoiceOption> options,
        String correctOption,
        double marks,
        List<SeriesRef> images)
        implements Item {

    public SingleChoiceItem {
        Items.requireId("item id", id);
        options = Items.requireOptions(id, options, 2);
        Items.requireKnownOption(id, options, correctOption);
        Items.requireMarks(id, marks);
        images = List.copyOf(images == null ? List.of() : images);
    }
}

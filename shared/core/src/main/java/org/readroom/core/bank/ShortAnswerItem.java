package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/** A short answer marked by a teacher against the model answer. */
public record ShortAnswerItem(
        String id, LocalizedText stem, LocalizedText modelAnswer, double marks, List<SeriesRef> images)
        implements Item {

    public ShortAnswerItem {
        Items.requireId("item id", id);
        if (modelAnswer == null) {
            throw new IllegalArgumentException("item " + id + ": model answer is missing");
        }
        Items.requireMarks(id, marks);
        images = List.copyOf(images == null ? List.of() : images);
    }

    @Override
    public boolean needsMarking() {
        return true;
    }
}

package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/** A short answer a teacher marks against the model answer and, when given, a rubric whose points add up to the marks. */
public record ShortAnswerItem(
        String id,
        LocalizedText stem,
        LocalizedText modelAnswer,
        List<RubricPoint> rubric,
        double marks,
        List<SeriesRef> images,
        ItemInfo info)
        implements Item {

    public ShortAnswerItem {
        Items.requireId("item id", id);
        Items.requireStem(id, stem);
        if (modelAnswer == null) {
            throw new IllegalArgumentException("item " + id + ": modelAnswer is missing");
        }
        Items.requireMarks(id, marks);
        rubric = Items.rubric(id, rubric, marks, false);
        images = Items.images(id, images);
        info = ItemInfo.orNone(info);
    }

    public ShortAnswerItem(
            String id, LocalizedText stem, LocalizedText modelAnswer, double marks, List<SeriesRef> images) {
        this(id, stem, modelAnswer, List.of(), marks, images, ItemInfo.NONE);
    }

    @Override
    public boolean needsMarking() {
        return true;
    }

    @Override
    public ItemType type() {
        return ItemType.SHORT_ANSWER;
    }
}

package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/** Single best answer (A1 short stem, A2 with a case vignette). */
public record SingleChoiceItem(
        String id,
        LocalizedText stem,
        List<ChoiceOption> options,
        String correctOption,
        double marks,
        List<SeriesRef> images,
        ItemInfo info)
        implements Item {

    public SingleChoiceItem {
        Items.requireId("item id", id);
        Items.requireStem(id, stem);
        options = Items.requireOptions(id, options, 2);
        Items.requireKnownOption(id, options, correctOption);
        Items.requireMarks(id, marks);
        images = Items.images(id, images);
        info = ItemInfo.orNone(info);
    }

    public SingleChoiceItem(
            String id,
            LocalizedText stem,
            List<ChoiceOption> options,
            String correctOption,
            double marks,
            List<SeriesRef> images) {
        this(id, stem, options, correctOption, marks, images, ItemInfo.NONE);
    }

    @Override
    public ItemType type() {
        return ItemType.SINGLE_CHOICE;
    }
}

package org.readroom.core.bank;

import java.util.List;
import java.util.Set;
import org.readroom.core.text.LocalizedText;

/** Multiple answers (X-type): two or more options are correct; {@link PartialCredit} says how marks are given. */
public record MultipleChoiceItem(
        String id,
        LocalizedText stem,
        List<ChoiceOption> options,
        Set<String> correctOptions,
        PartialCredit partialCredit,
        double marks,
        List<SeriesRef> images,
        ItemInfo info)
        implements Item {

    public MultipleChoiceItem {
        Items.requireId("item id", id);
        Items.requireStem(id, stem);
        options = Items.requireOptions(id, options, 3);
        correctOptions = Set.copyOf(correctOptions == null ? Set.of() : correctOptions);
        if (correctOptions.size() < 2) {
            throw new IllegalArgumentException(
                    "item " + id + ": correctOptions: an X-type item needs at least 2 correct options, has "
                            + correctOptions.size());
        }
        for (String key : correctOptions) {
            Items.requireKnownOption(id, options, key);
        }
        partialCredit = partialCredit == null ? PartialCredit.ALL_OR_NOTHING : partialCredit;
        Items.requireMarks(id, marks);
        images = Items.images(id, images);
        info = ItemInfo.orNone(info);
    }

    public MultipleChoiceItem(
            String id,
            LocalizedText stem,
            List<ChoiceOption> options,
            Set<String> correctOptions,
            double marks,
            List<SeriesRef> images) {
        this(id, stem, options, correctOptions, PartialCredit.ALL_OR_NOTHING, marks, images, ItemInfo.NONE);
    }

    @Override
    public ItemType type() {
        return ItemType.MULTIPLE_CHOICE;
    }
}

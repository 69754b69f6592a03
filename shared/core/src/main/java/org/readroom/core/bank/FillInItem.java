package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/** Fill-in-the-blank; an answer is right when, normalised by {@link FillInRules}, it equals an accepted answer. */
public record FillInItem(
        String id,
        LocalizedText stem,
        List<String> acceptedAnswers,
        FillInRules rules,
        double marks,
        List<SeriesRef> images,
        ItemInfo info)
        implements Item {

    public FillInItem {
        Items.requireId("item id", id);
        Items.requireStem(id, stem);
        acceptedAnswers = List.copyOf(acceptedAnswers == null ? List.of() : acceptedAnswers);
        if (acceptedAnswers.isEmpty() || acceptedAnswers.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                    "item " + id + ": acceptedAnswers: at least one must be given and none may be blank");
        }
        rules = FillInRules.orDefault(rules);
        Items.requireMarks(id, marks);
        images = Items.images(id, images);
        info = ItemInfo.orNone(info);
    }

    public FillInItem(
            String id, LocalizedText stem, List<String> acceptedAnswers, double marks, List<SeriesRef> images) {
        this(id, stem, acceptedAnswers, FillInRules.DEFAULT, marks, images, ItemInfo.NONE);
    }

    @Override
    public ItemType type() {
        return ItemType.FILL_IN;
    }
}

package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/** A statement the candidate judges true or false; answered with option {@code T} or {@code F}. */
public record TrueFalseItem(
        String id, LocalizedText stem, boolean correct, double marks, List<SeriesRef> images, ItemInfo info)
        implements Item {

    public static final String TRUE = "T";
    public static final String FALSE = "F";
    private static final List<ChoiceOption> OPTIONS = List.of(
            new ChoiceOption(TRUE, LocalizedText.of("正确", "True")),
            new ChoiceOption(FALSE, LocalizedText.of("错误", "False")));

    public TrueFalseItem {
        Items.requireId("item id", id);
        Items.requireStem(id, stem);
        Items.requireMarks(id, marks);
        images = Items.images(id, images);
        info = ItemInfo.orNone(info);
    }

    @Override
    public List<ChoiceOption> options() {
        return OPTIONS;
    }

    public String correctOption() {
        return correct ? TRUE : FALSE;
    }

    @Override
    public ItemType type() {
        return ItemType.TRUE_FALSE;
    }
}

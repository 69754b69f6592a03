package org.readroom.core.protocol;

import java.util.List;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.text.LocalizedText;

/** An item as a candidate receives it: numbered in their order, options in their order, and no answer key. */
public record DeliveredItem(
        String id,
        int number,
        ItemKind kind,
        LocalizedText stem,
        List<ChoiceOption> options,
        double marks,
        List<SeriesRef> images) {

    public DeliveredItem {
        options = List.copyOf(options == null ? List.of() : options);
        images = List.copyOf(images == null ? List.of() : images);
    }
}

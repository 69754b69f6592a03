package org.readroom.core.protocol;

import java.util.List;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.text.LocalizedText;

/**
 * A question as a candidate receives it: numbered in their order, options in their order, and no answer key. A
 * question of a case cluster or B1 set carries its {@code group} (null otherwise); a numeric question its
 * {@code unit} (empty otherwise); every question of a paper with sections its {@code section} (null in packages
 * built before sections, which read as one section).
 */
public record DeliveredItem(
        String id,
        int number,
        ItemKind kind,
        LocalizedText stem,
        List<ChoiceOption> options,
        double marks,
        List<SeriesRef> images,
        DeliveredGroup group,
        String unit,
        DeliveredSection section) {

    public DeliveredItem {
        options = List.copyOf(options == null ? List.of() : options);
        images = List.copyOf(images == null ? List.of() : images);
        unit = unit == null ? "" : unit;
    }

    public DeliveredItem(
            String id,
            int number,
            ItemKind kind,
            LocalizedText stem,
            List<ChoiceOption> options,
            double marks,
            List<SeriesRef> images,
            DeliveredGroup group,
            String unit) {
        this(id, number, kind, stem, options, marks, images, group, unit, null);
    }

    public DeliveredItem(
            String id,
            int number,
            ItemKind kind,
            LocalizedText stem,
            List<ChoiceOption> options,
            double marks,
            List<SeriesRef> images) {
        this(id, number, kind, stem, options, marks, images, null, "", null);
    }

    /** The same question with another number and option order. */
    public DeliveredItem renumbered(int newNumber, List<ChoiceOption> newOptions) {
        return new DeliveredItem(id, newNumber, kind, stem, newOptions, marks, images, group, unit, section);
    }
}

package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/**
 * A number with a tolerance and a unit ("measure the nodule's long axis": 18 mm ± 2 mm). An answer within
 * {@code value ± tolerance} (inclusive) is right; the candidate may type the unit or leave it out.
 */
public record NumericItem(
        String id,
        LocalizedText stem,
        double value,
        double tolerance,
        String unit,
        double marks,
        List<SeriesRef> images,
        ItemInfo info)
        implements Item {

    public NumericItem {
        Items.requireId("item id", id);
        Items.requireStem(id, stem);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("item " + id + ": value must be a finite number, was " + value);
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("item " + id + ": tolerance must be >= 0, was " + tolerance);
        }
        unit = unit == null ? "" : unit.strip();
        if (unit.length() > 20) {
            throw new IllegalArgumentException("item " + id + ": unit must be at most 20 characters, was " + unit);
        }
        Items.requireMarks(id, marks);
        images = Items.images(id, images);
        info = ItemInfo.orNone(info);
    }

    @Override
    public ItemType type() {
        return ItemType.NUMERIC;
    }
}

package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/**
 * Report writing: the candidate writes findings and an impression for the images; a teacher marks it against the
 * model report and a rubric of key findings whose marks add up to the item's marks.
 */
public record ReportItem(
        String id,
        LocalizedText stem,
        LocalizedText modelFindings,
        LocalizedText modelImpression,
        List<RubricPoint> rubric,
        double marks,
        List<SeriesRef> images,
        ItemInfo info)
        implements Item {

    public ReportItem {
        Items.requireId("item id", id);
        Items.requireStem(id, stem);
        if (modelFindings == null) {
            throw new IllegalArgumentException("item " + id + ": modelFindings is missing");
        }
        if (modelImpression == null) {
            throw new IllegalArgumentException("item " + id + ": modelImpression is missing");
        }
        Items.requireMarks(id, marks);
        rubric = Items.rubric(id, rubric, marks, true);
        images = Items.images(id, images);
        info = ItemInfo.orNone(info);
    }

    @Override
    public boolean needsMarking() {
        return true;
    }

    @Override
    public ItemType type() {
        return ItemType.REPORT;
    }
}

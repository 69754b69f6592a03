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

    /** The heading lines a report answer's two parts are written under, as the marker reads them. */
    public static final String FINDINGS_HEADING = "【所见 Findings】";

    public static final String IMPRESSION_HEADING = "【印象 Impression】";

    /** A candidate's report as one answer text: findings, then impression, each under its heading. */
    public static String answerText(String findings, String impression) {
        return FINDINGS_HEADING + "\n" + findings.strip() + "\n" + IMPRESSION_HEADING + "\n" + impression.strip();
    }

    /** The findings and impression of an answer text written by {@link #answerText}; other text is all findings. */
    public static String[] answerParts(String text) {
        String body = text == null ? "" : text;
        int findings = body.indexOf(FINDINGS_HEADING + "\n");
        int impression = body.indexOf("\n" + IMPRESSION_HEADING + "\n");
        if (findings != 0 || impression < 0) {
            return new String[] {body.strip(), ""};
        }
        return new String[] {
            body.substring(FINDINGS_HEADING.length() + 1, impression).strip(),
            body.substring(impression + IMPRESSION_HEADING.length() + 2).strip()
        };
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

package org.readroom.core.bank;

import org.readroom.core.text.LocalizedText;

/** One point of a marking rubric (a key finding, a correct impression…) and the marks it is worth. */
public record RubricPoint(String id, LocalizedText text, double marks) {

    public RubricPoint {
        Items.requireId("rubric point id", id);
        if (text == null) {
            throw new IllegalArgumentException("rubric point " + id + ": text is missing");
        }
        if (!(marks > 0) || marks > 1000) {
            throw new IllegalArgumentException("rubric point " + id + ": marks must be > 0 and <= 1000, was " + marks);
        }
    }
}

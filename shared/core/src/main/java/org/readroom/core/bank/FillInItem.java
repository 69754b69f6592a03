package org.readroom.core.bank;

import java.util.List;
import org.readroom.core.text.LocalizedText;

/** Fill-in-the-blank; an answer is right when its normalised form equals a normalised accepted answer. */
public record FillInItem(
        String id, LocalizedText stem, List<String> acceptedAnswers, double marks, List<SeriesRef> images)
        implements Item {

    public FillInItem {
        Items.requireId("item id", id);
        acceptedAnswers = List.copyOf(acceptedAnswers == null ? List.of() : acceptedAnswers);
        if (acceptedAnswers.isEmpty() || acceptedAnswers.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("item " + id + ": accepted answers must be given and not blank");
        }
        Items.requireMarks(id, marks);
        images = List.copyOf(images == null ? List.of() : images);
    }
}

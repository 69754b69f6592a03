package org.readroom.core.bank;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.readroom.core.text.LocalizedText;

/**
 * A case cluster (A3/A4): one case history and its images shared by several questions, kept together and in order
 * for every candidate. With {@code locksOnceAnswered} (A4, as in the computer-based national exams) a question cannot
 * be changed once the candidate moves past it, because the next step reveals more of the case.
 */
public record CaseClusterItem(
        String id,
        LocalizedText stem,
        List<SeriesRef> images,
        List<Item> questions,
        boolean locksOnceAnswered,
        ItemInfo info)
        implements Item {

    public CaseClusterItem {
        Items.requireId("item id", id);
        Items.requireStem(id, stem);
        images = Items.images(id, images);
        questions = List.copyOf(questions == null ? List.of() : questions);
        if (questions.size() < 2 || questions.size() > 12) {
            throw new IllegalArgumentException(
                    "item " + id + ": questions: a case cluster needs 2..12 questions, has " + questions.size());
        }
        Items.requireSingleQuestions(id, questions);
        info = ItemInfo.orNone(info);
    }

    @Override
    public double marks() {
        return questions.stream().mapToDouble(Item::marks).sum();
    }

    @Override
    public List<Item> parts() {
        return questions;
    }

    @Override
    public boolean needsMarking() {
        return questions.stream().anyMatch(Item::needsMarking);
    }

    @Override
    @JsonIgnore
    public boolean isGroup() {
        return true;
    }

    @Override
    public ItemType type() {
        return ItemType.CASE_CLUSTER;
    }
}

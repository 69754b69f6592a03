package org.readroom.core.bank;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.readroom.core.text.LocalizedText;

/**
 * A B1 set: one shared option list (usually A-E) and several questions, each answered by one option; an option may
 * answer one question, several or none. Each question is delivered and scored as a single-choice question over the
 * shared list, whose order is the same for all questions of the set.
 */
public record MatchingItem(
        String id,
        LocalizedText stem,
        List<ChoiceOption> options,
        List<MatchingQuestion> questions,
        List<SeriesRef> images,
        ItemInfo info)
        implements Item {

    public MatchingItem {
        Items.requireId("item id", id);
        Items.requireStem(id, stem);
        options = Items.requireOptions(id, options, 2);
        questions = List.copyOf(questions == null ? List.of() : questions);
        if (questions.size() < 2) {
            throw new IllegalArgumentException(
                    "item " + id + ": questions: a B1 set needs at least 2 questions, has " + questions.size());
        }
        Set<String> seen = new HashSet<>();
        for (MatchingQuestion question : questions) {
            if (!seen.add(question.id()) || question.id().equals(id)) {
                throw new IllegalArgumentException("item " + id + ": duplicate question id " + question.id());
            }
            Items.requireKnownOption(question.id(), options, question.correctOption());
        }
        images = Items.images(id, images);
        info = ItemInfo.orNone(info);
    }

    @Override
    public double marks() {
        return questions.stream().mapToDouble(MatchingQuestion::marks).sum();
    }

    @Override
    public List<Item> parts() {
        List<Item> parts = new ArrayList<>(questions.size());
        for (MatchingQuestion question : questions) {
            parts.add(new SingleChoiceItem(
                    question.id(),
                    question.stem(),
                    options,
                    question.correctOption(),
                    question.marks(),
                    List.of(),
                    info));
        }
        return List.copyOf(parts);
    }

    @Override
    @JsonIgnore
    public boolean isGroup() {
        return true;
    }

    @Override
    public ItemType type() {
        return ItemType.MATCHING;
    }
}

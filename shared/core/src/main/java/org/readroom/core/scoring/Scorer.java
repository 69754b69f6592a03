package org.readroom.core.scoring;

import java.util.Set;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.SingleChoiceItem;

/** Scores objective items; subjective ones are reported as awaiting marking. Pure and thread-safe. */
public final class Scorer {

    private Scorer() {}

    public static ItemScore score(Item item, Answer answer) {
        if (answer != null && !answer.itemId().equals(item.id())) {
            throw new IllegalArgumentException("answer for " + answer.itemId() + " given to item " + item.id());
        }
        if (item.needsMarking()) {
            return new ItemScore(item.id(), 0, item.marks(), ScoreStatus.AWAITING_MARKING);
        }
        boolean right = answer != null && !answer.isBlank() && isRight(item, answer);
        return new ItemScore(item.id(), right ? item.marks() : 0, item.marks(), ScoreStatus.AUTO_SCORED);
    }

    private static boolean isRight(Item item, Answer answer) {
        if (item instanceof SingleChoiceItem single) {
            return answer.choices().equals(Set.of(single.correctOption()));
        }
        if (item instanceof MultipleChoiceItem multiple) {
            return answer.choices().equals(multiple.correctOptions());
        }
        if (item instanceof FillInItem fill) {
            String given = TextNormalizer.normalize(answer.text());
            return fill.acceptedAnswers().stream()
                    .map(TextNormalizer::normalize)
                    .anyMatch(given::equals);
        }
        throw new IllegalStateException(
                "no objective rule for " + item.getClass().getSimpleName());
    }
}

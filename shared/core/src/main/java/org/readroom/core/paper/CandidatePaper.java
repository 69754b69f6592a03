package org.readroom.core.paper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.ItemKind;

/**
 * Turns a paper into what one candidate sees: item and option order derived from the candidate's seed, and no answer
 * keys. The same seed always gives the same order, so one package can serve every candidate.
 */
public final class CandidatePaper {

    private CandidatePaper() {}

    public static List<DeliveredItem> deliver(Paper paper, long seed) {
        return inCandidateOrder(inAuthoringOrder(paper), seed);
    }

    /**
     * One candidate's order of a paper's items (as a package carries them, in authoring order): items shuffled, then
     * each item's options, all from the candidate's seed; items are numbered 1..n in the new order. The kiosk does
     * this after opening the package.
     */
    public static List<DeliveredItem> inCandidateOrder(List<DeliveredItem> authoringOrder, long seed) {
        Random random = new Random(seed);
        List<DeliveredItem> items = new ArrayList<>(authoringOrder);
        Collections.shuffle(items, random);
        List<DeliveredItem> ordered = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            DeliveredItem item = items.get(i);
            ordered.add(new DeliveredItem(
                    item.id(),
                    i + 1,
                    item.kind(),
                    item.stem(),
                    shuffled(item.options(), random),
                    item.marks(),
                    item.images()));
        }
        return List.copyOf(ordered);
    }

    /** The paper without keys and without shuffling (what a package carries). */
    public static List<DeliveredItem> inAuthoringOrder(Paper paper) {
        List<DeliveredItem> items = new ArrayList<>(paper.items().size());
        for (int i = 0; i < paper.items().size(); i++) {
            items.add(withoutKey(paper.items().get(i), i + 1));
        }
        return List.copyOf(items);
    }

    private static DeliveredItem withoutKey(Item item, int number) {
        // Java 17 has no pattern switch; the sealed hierarchy keeps this list complete.
        List<ChoiceOption> options = List.of();
        ItemKind kind;
        if (item instanceof SingleChoiceItem single) {
            kind = ItemKind.SINGLE_CHOICE;
            options = single.options();
        } else if (item instanceof MultipleChoiceItem multiple) {
            kind = ItemKind.MULTIPLE_CHOICE;
            options = multiple.options();
        } else if (item instanceof FillInItem) {
            kind = ItemKind.FILL_IN;
        } else if (item instanceof ShortAnswerItem) {
            kind = ItemKind.SHORT_ANSWER;
        } else {
            throw new IllegalStateException(
                    "unknown item type " + item.getClass().getName());
        }
        return new DeliveredItem(item.id(), number, kind, item.stem(), options, item.marks(), item.images());
    }

    private static List<ChoiceOption> shuffled(List<ChoiceOption> options, Random random) {
        List<ChoiceOption> copy = new ArrayList<>(options);
        Collections.shuffle(copy, random);
        return List.copyOf(copy);
    }
}

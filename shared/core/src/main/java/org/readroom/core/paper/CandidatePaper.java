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
        Random random = new Random(seed);
        List<Item> items = new ArrayList<>(paper.items());
        Collections.shuffle(items, random);
        List<DeliveredItem> delivered = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            delivered.add(deliver(items.get(i), i + 1, random));
        }
        return List.copyOf(delivered);
    }

    /** The paper without keys and without shuffling (what a package carries). */
    public static List<DeliveredItem> inAuthoringOrder(Paper paper) {
        List<DeliveredItem> items = new ArrayList<>(paper.items().size());
        for (int i = 0; i < paper.items().size(); i++) {
            items.add(deliver(paper.items().get(i), i + 1, null));
        }
        return List.copyOf(items);
    }

    private static DeliveredItem deliver(Item item, int number, Random random) {
        // Java 17 has no pattern switch; the sealed hierarchy keeps this list complete.
        List<ChoiceOption> options = List.of();
        ItemKind kind;
        if (item instanceof SingleChoiceItem single) {
            kind = ItemKind.SINGLE_CHOICE;
            options = shuffled(single.options(), random);
        } else if (item instanceof MultipleChoiceItem multiple) {
            kind = ItemKind.MULTIPLE_CHOICE;
            options = shuffled(multiple.options(), random);
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
        if (random == null) {
            return options;
        }
        List<ChoiceOption> copy = new ArrayList<>(options);
        Collections.shuffle(copy, random);
        return List.copyOf(copy);
    }
}

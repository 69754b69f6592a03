package org.readroom.core.paper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.NumericItem;
import org.readroom.core.protocol.DeliveredGroup;
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
     * One candidate's order of a paper's questions (as a package carries them, in authoring order): the units
     * (single questions, and the questions of one group kept together in their order) are shuffled, then each
     * question's options, all from the candidate's seed; questions are numbered 1..n in the new order. True/false
     * options keep their order, and a B1 set's shared list gets one order for all its questions. The kiosk does this
     * after opening the package.
     */
    public static List<DeliveredItem> inCandidateOrder(List<DeliveredItem> authoringOrder, long seed) {
        Random random = new Random(seed);
        List<List<DeliveredItem>> units = units(authoringOrder);
        Collections.shuffle(units, random);
        List<DeliveredItem> ordered = new ArrayList<>(authoringOrder.size());
        for (List<DeliveredItem> unit : units) {
            List<ChoiceOption> sharedOrder = null;
            for (DeliveredItem item : unit) {
                List<ChoiceOption> options;
                if (item.kind() == ItemKind.TRUE_FALSE) {
                    options = item.options();
                } else if (item.group() != null && item.group().kind() == DeliveredGroup.Kind.MATCHING) {
                    if (sharedOrder == null) {
                        sharedOrder = shuffled(item.options(), random);
                    }
                    options = sharedOrder;
                } else {
                    options = shuffled(item.options(), random);
                }
                ordered.add(item.renumbered(ordered.size() + 1, options));
            }
        }
        return List.copyOf(ordered);
    }

    private static List<List<DeliveredItem>> units(List<DeliveredItem> items) {
        List<List<DeliveredItem>> units = new ArrayList<>();
        for (DeliveredItem item : items) {
            List<DeliveredItem> last = units.isEmpty() ? null : units.get(units.size() - 1);
            boolean sameGroup = last != null
                    && item.group() != null
                    && last.get(0).group() != null
                    && last.get(0).group().id().equals(item.group().id());
            if (sameGroup) {
                last.add(item);
            } else {
                units.add(new ArrayList<>(List.of(item)));
            }
        }
        return units;
    }

    /** The paper's questions without keys and without shuffling (what a package carries). */
    public static List<DeliveredItem> inAuthoringOrder(Paper paper) {
        List<DeliveredItem> items = new ArrayList<>();
        for (Item item : paper.items()) {
            DeliveredGroup group = group(item);
            for (Item part : item.parts()) {
                items.add(withoutKey(part, items.size() + 1, group));
            }
        }
        return List.copyOf(items);
    }

    private static DeliveredGroup group(Item item) {
        if (item instanceof CaseClusterItem cluster) {
            return new DeliveredGroup(cluster.id(), DeliveredGroup.Kind.CASE, cluster.stem(), cluster.images(),
                    cluster.locksOnceAnswered(), cluster.questions().size());
        }
        if (item instanceof MatchingItem matching) {
            return new DeliveredGroup(matching.id(), DeliveredGroup.Kind.MATCHING, matching.stem(), matching.images(),
                    false, matching.questions().size());
        }
        return null;
    }

    private static DeliveredItem withoutKey(Item item, int number, DeliveredGroup group) {
        String unit = item instanceof NumericItem numeric ? numeric.unit() : "";
        return new DeliveredItem(
                item.id(), number, kind(item), item.stem(), item.options(), item.marks(), item.images(), group, unit);
    }

    private static ItemKind kind(Item item) {
        // Java 17 has no pattern switch; the enum switch over the sealed hierarchy's type keeps this complete.
        switch (item.type()) {
            case SINGLE_CHOICE:
                return ItemKind.SINGLE_CHOICE;
            case MULTIPLE_CHOICE:
                return ItemKind.MULTIPLE_CHOICE;
            case TRUE_FALSE:
                return ItemKind.TRUE_FALSE;
            case FILL_IN:
                return ItemKind.FILL_IN;
            case NUMERIC:
                return ItemKind.NUMERIC;
            case HOTSPOT:
                return ItemKind.HOTSPOT;
            case SHORT_ANSWER:
                return ItemKind.SHORT_ANSWER;
            case REPORT:
                return ItemKind.REPORT;
            default:
                throw new IllegalStateException("item " + item.id() + " of type " + item.type() + " is a group");
        }
    }

    private static List<ChoiceOption> shuffled(List<ChoiceOption> options, Random random) {
        List<ChoiceOption> copy = new ArrayList<>(options);
        Collections.shuffle(copy, random);
        return List.copyOf(copy);
    }
}

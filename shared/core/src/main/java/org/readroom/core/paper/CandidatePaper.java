package org.readroom.core.paper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.NumericItem;
import org.readroom.core.protocol.DeliveredGroup;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.DeliveredSection;
import org.readroom.core.protocol.ItemKind;

/**
 * Turns a paper into what one candidate sees: item and option order derived from the candidate's seed (within each
 * section), and no answer keys. The same seed always gives the same order, so one package can serve every candidate.
 */
public final class CandidatePaper {

    private CandidatePaper() {}

    public static List<DeliveredItem> deliver(Paper paper, long seed) {
        return inCandidateOrder(inAuthoringOrder(paper), seed);
    }

    /**
     * One candidate's order of a paper's questions (as a package carries them, in authoring order): sections keep
     * their order; within each section the units (single questions, and the questions of one group kept together in
     * their order) are shuffled, unless the section keeps its order; then each question's options are shuffled, all
     * from the candidate's seed; questions are numbered 1..n in the new order. True/false options keep their order,
     * and a B1 set's shared list gets one order for all its questions. The kiosk does this after opening the package.
     */
    public static List<DeliveredItem> inCandidateOrder(List<DeliveredItem> authoringOrder, long seed) {
        Random random = new Random(seed);
        List<List<DeliveredItem>> units = new ArrayList<>();
        for (List<DeliveredItem> section : bySection(authoringOrder)) {
            List<List<DeliveredItem>> sectionUnits = units(section);
            DeliveredSection delivered = section.get(0).section();
            if (delivered == null || !delivered.keepOrder()) {
                Collections.shuffle(sectionUnits, random);
            }
            units.addAll(sectionUnits);
        }
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

    /**
     * The sections of delivered questions, in order (what a kiosk needs to know where a section starts and ends, its
     * time limit and whether it is irreversible). Questions from a package built before sections form one section
     * {@value PaperSection#WHOLE} without a title.
     */
    public static List<DeliveredSection> sections(List<DeliveredItem> items) {
        List<DeliveredSection> sections = new ArrayList<>();
        for (List<DeliveredItem> section : bySection(items)) {
            DeliveredSection first = section.get(0).section();
            sections.add(
                    first != null
                            ? first
                            : new DeliveredSection(PaperSection.WHOLE, null, null, false, false, section.size()));
        }
        return List.copyOf(sections);
    }

    /** Runs of consecutive questions of the same section (questions without a section form one run). */
    private static List<List<DeliveredItem>> bySection(List<DeliveredItem> items) {
        List<List<DeliveredItem>> runs = new ArrayList<>();
        String current = null;
        for (DeliveredItem item : items) {
            String section = item.section() == null ? null : item.section().id();
            if (runs.isEmpty() || !Objects.equals(current, section)) {
                runs.add(new ArrayList<>());
                current = section;
            }
            runs.get(runs.size() - 1).add(item);
        }
        return runs;
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

    /** The paper's questions without keys and without shuffling (what a package carries), each with its section. */
    public static List<DeliveredItem> inAuthoringOrder(Paper paper) {
        Map<String, Item> byId = new HashMap<>();
        paper.items().forEach(item -> byId.put(item.id(), item));
        List<DeliveredItem> items = new ArrayList<>();
        for (PaperSection section : paper.sections()) {
            List<Item> sectionItems = section.itemIds().stream().map(byId::get).toList();
            DeliveredSection delivered = new DeliveredSection(
                    section.id(),
                    section.title(),
                    section.timeLimitMinutes(),
                    section.irreversible(),
                    section.keepOrder(),
                    sectionItems.stream().mapToInt(item -> item.parts().size()).sum());
            for (Item item : sectionItems) {
                DeliveredGroup group = group(item);
                for (Item part : item.parts()) {
                    items.add(withoutKey(part, items.size() + 1, group, delivered));
                }
            }
        }
        return List.copyOf(items);
    }

    private static DeliveredGroup group(Item item) {
        if (item instanceof CaseClusterItem cluster) {
            return new DeliveredGroup(
                    cluster.id(),
                    DeliveredGroup.Kind.CASE,
                    cluster.stem(),
                    cluster.images(),
                    cluster.locksOnceAnswered(),
                    cluster.questions().size());
        }
        if (item instanceof MatchingItem matching) {
            return new DeliveredGroup(
                    matching.id(),
                    DeliveredGroup.Kind.MATCHING,
                    matching.stem(),
                    matching.images(),
                    false,
                    matching.questions().size());
        }
        return null;
    }

    private static DeliveredItem withoutKey(Item item, int number, DeliveredGroup group, DeliveredSection section) {
        String unit = item instanceof NumericItem numeric ? numeric.unit() : "";
        return new DeliveredItem(
                item.id(),
                number,
                kind(item),
                item.stem(),
                item.options(),
                item.marks(),
                item.images(),
                group,
                unit,
                section);
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

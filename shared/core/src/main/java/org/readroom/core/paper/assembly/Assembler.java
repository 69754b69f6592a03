package org.readroom.core.paper.assembly;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.readroom.core.bank.Item;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.PaperChecks;
import org.readroom.core.paper.PaperSection;

/**
 * Assembles a paper from a blueprint and the bank. Fixed items come first in their section, then each rule's draws.
 * Draws are reproducible: the bank is sorted by id and shuffled once with the blueprint's seed, and every rule takes
 * the first free items that fit it in that order, so the same seed and bank give the same paper whatever order the
 * bank came in. No item is used twice. Rules that share items are solved together (a rule whose items were taken by
 * another rule makes that rule move to other items it fits when it can), so a blueprint that can be met is met; one
 * that cannot is refused with every reason.
 */
public final class Assembler {

    private Assembler() {}

    /** The paper, or an {@link AssemblyException} listing every rule and check that cannot be met. */
    public static Paper assemble(PaperBlueprint blueprint, List<Item> bank) {
        Map<String, Item> byId = new TreeMap<>();
        bank.forEach(item -> byId.putIfAbsent(item.id(), item));
        List<String> problems = new ArrayList<>();
        Set<String> fixed = fixedItems(blueprint, byId, problems);

        List<Slot> slots = new ArrayList<>();
        List<Item> shuffled = new ArrayList<>(byId.values());
        Collections.shuffle(shuffled, new Random(blueprint.seed()));
        for (SectionBlueprint section : blueprint.sections()) {
            for (int r = 0; r < section.rules().size(); r++) {
                DrawRule rule = section.rules().get(r);
                List<Item> eligible = shuffled.stream()
                        .filter(item -> !fixed.contains(item.id()) && rule.matches(item))
                        .toList();
                slots.add(new Slot(section, r, rule, eligible));
            }
        }
        new Draw(slots).run();
        for (Slot slot : slots) {
            if (slot.picks.size() < slot.rule.count()) {
                problems.add(shortfall(slot, slots));
            }
        }
        int timeLimits = blueprint.sections().stream()
                .mapToInt(s -> s.timeLimitMinutes() == null ? 0 : s.timeLimitMinutes())
                .sum();
        String timeProblem = PaperChecks.timeLimitProblem(blueprint.id(), blueprint.durationMinutes(), timeLimits);
        if (!problems.isEmpty()) {
            if (timeProblem != null) {
                problems.add(timeProblem);
            }
            throw new AssemblyException(blueprint.id(), problems);
        }
        return paper(blueprint, byId, slots);
    }

    private static Set<String> fixedItems(PaperBlueprint blueprint, Map<String, Item> byId, List<String> problems) {
        Map<String, String> placed = new HashMap<>();
        for (SectionBlueprint section : blueprint.sections()) {
            for (String itemId : section.fixedItemIds()) {
                String earlier = placed.putIfAbsent(itemId, section.id());
                if (!byId.containsKey(itemId)) {
                    if (earlier == null) {
                        problems.add("section " + section.id() + ": item " + itemId + " is not in the bank");
                    }
                } else if (earlier != null) {
                    problems.add(
                            earlier.equals(section.id())
                                    ? "section " + section.id() + ": item " + itemId + " is listed twice"
                                    : "section " + section.id() + ": item " + itemId + " is already in section "
                                            + earlier);
                }
            }
        }
        return placed.keySet();
    }

    private static Paper paper(PaperBlueprint blueprint, Map<String, Item> byId, List<Slot> slots) {
        List<Item> items = new ArrayList<>();
        List<PaperSection> sections = new ArrayList<>();
        for (SectionBlueprint section : blueprint.sections()) {
            List<String> ids = new ArrayList<>(section.fixedItemIds());
            for (Slot slot : slots) {
                if (slot.section == section) {
                    // Picks in the seed's order, not in the order augmenting paths left them.
                    slot.eligible.stream()
                            .map(Item::id)
                            .filter(slot.picks::contains)
                            .forEach(ids::add);
                }
            }
            ids.forEach(itemId -> items.add(byId.get(itemId)));
            sections.add(new PaperSection(
                    section.id(),
                    section.title(),
                    ids,
                    section.timeLimitMinutes(),
                    section.irreversible(),
                    section.expectedMarks(),
                    section.keepOrder()));
        }
        List<String> problems = new ArrayList<>(
                PaperChecks.sectionProblems(blueprint.id(), blueprint.durationMinutes(), items, sections));
        if (!problems.isEmpty()) {
            throw new AssemblyException(blueprint.id(), problems);
        }
        Paper paper;
        try {
            paper = new Paper(blueprint.id(), blueprint.title(), blueprint.durationMinutes(), items, sections);
        } catch (IllegalArgumentException e) {
            // e.g. two drawn groups whose questions share an id
            throw new AssemblyException(blueprint.id(), List.of(e.getMessage()));
        }
        String total = PaperChecks.totalProblem(paper, blueprint.expectedTotalMarks());
        if (total != null) {
            throw new AssemblyException(blueprint.id(), List.of(total));
        }
        return paper;
    }

    private static String shortfall(Slot slot, List<Slot> slots) {
        String name = slot.section.ruleName(slot.index);
        int available = slot.eligible.size();
        int needs = slot.rule.count();
        if (available < needs) {
            return name + ": the bank has " + items(available) + " not already used (needs " + needs + ")";
        }
        List<Slot> rivals = slots.stream()
                .filter(other ->
                        other != slot && slot.eligible.stream().anyMatch(item -> other.picks.contains(item.id())))
                .toList();
        long taken = slot.eligible.stream()
                .filter(item -> rivals.stream().anyMatch(other -> other.picks.contains(item.id())))
                .count();
        return name + ": the bank has " + items(available) + " not already used, but " + taken
                + (taken == 1 ? " of them is drawn by " : " of them are drawn by ")
                + rivals.stream()
                        .map(other -> other.section.ruleName(other.index))
                        .collect(Collectors.joining(", "))
                + " (needs " + needs + ")";
    }

    private static String items(int count) {
        return count + (count == 1 ? " such item" : " such items");
    }

    /** One rule's place in the draw: the items it may take (in the seed's order) and the ids of those it took. */
    private static final class Slot {
        final SectionBlueprint section;
        final int index;
        final DrawRule rule;
        final List<Item> eligible;
        final Set<String> picks = new HashSet<>();
        /** Every eligible item before this one is taken (items are never given back, only passed between rules). */
        int firstMaybeFree;

        Slot(SectionBlueprint section, int index, DrawRule rule, List<Item> eligible) {
            this.section = section;
            this.index = index;
            this.rule = rule;
            this.eligible = eligible;
        }
    }

    /**
     * The draw as a bipartite matching (rules with their counts on one side, items on the other): each rule takes
     * the first free item it fits; when none is free it takes one from another rule that can move to an item of its
     * own (an augmenting path). A rule that finds no path this way cannot get more, whatever order the rules ran in.
     * Specific rules run first so that, usually, no moving is needed at all.
     */
    private static final class Draw {
        private final List<Slot> slots;
        private final Map<String, Slot> owner = new HashMap<>();

        Draw(List<Slot> slots) {
            this.slots = slots;
        }

        void run() {
            List<Slot> order = IntStream.range(0, slots.size())
                    .boxed()
                    .sorted(Comparator.comparingInt(
                                    (Integer i) -> -slots.get(i).rule.specificity())
                            .thenComparingInt(i -> i))
                    .map(slots::get)
                    .toList();
            for (Slot slot : order) {
                while (slot.picks.size() < slot.rule.count() && augment(slot, new HashSet<>())) {
                    // each round adds one item to the slot
                }
            }
        }

        private boolean augment(Slot slot, Set<String> visited) {
            for (; slot.firstMaybeFree < slot.eligible.size(); slot.firstMaybeFree++) {
                String itemId = slot.eligible.get(slot.firstMaybeFree).id();
                if (!owner.containsKey(itemId)) {
                    take(slot, itemId);
                    return true;
                }
            }
            for (Item item : slot.eligible) {
                Slot holder = owner.get(item.id());
                if (holder != slot && visited.add(item.id()) && augment(holder, visited)) {
                    holder.picks.remove(item.id());
                    take(slot, item.id());
                    return true;
                }
            }
            return false;
        }

        private void take(Slot slot, String itemId) {
            owner.put(itemId, slot);
            slot.picks.add(itemId);
        }
    }
}

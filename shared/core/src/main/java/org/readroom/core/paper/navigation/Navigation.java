package org.readroom.core.paper.navigation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.readroom.core.protocol.DeliveredItem;

/**
 * Where a candidate may go and what they may still change, as the computer-based national exams do it: a question of
 * a case that locks once answered (A4, {@code DeliveredGroup.locksOnceAnswered}) can be looked at but not changed
 * after the candidate has answered it and moved to another question; and once the candidate moves on from an
 * irreversible section ({@code DeliveredSection.irreversible}) they cannot go back to it. Not thread-safe: the kiosk's
 * UI thread owns it.
 */
public final class Navigation {

    private final List<DeliveredItem> items;
    private final Set<String> locked = new HashSet<>();
    /** The position (in paper order) of the furthest section the candidate has entered. */
    private int furthestSection;

    private final int[] sectionPositions;

    public Navigation(List<DeliveredItem> items) {
        this.items = List.copyOf(items);
        // Sections arrive in paper order with their questions together: a section's position counts the changes.
        this.sectionPositions = new int[this.items.size()];
        for (int i = 1; i < this.items.size(); i++) {
            boolean same = sectionId(this.items.get(i - 1)).equals(sectionId(this.items.get(i)));
            sectionPositions[i] = sectionPositions[i - 1] + (same ? 0 : 1);
        }
    }

    /**
     * The candidate leaves question {@code from} for question {@code to}: an answered question of a locking case
     * becomes read-only. Returns the index the candidate may go to ({@code to}, clamped to the paper).
     */
    public int move(int from, int to, Predicate<String> answered) {
        int target = Math.max(0, Math.min(items.size() - 1, to));
        if (isClosed(target)) {
            return from >= 0 && from < items.size() ? from : firstOpen();
        }
        furthestSection = Math.max(furthestSection, sectionOf(target));
        if (from >= 0 && from < items.size() && from != target) {
            DeliveredItem leaving = items.get(from);
            if (locksOnceAnswered(leaving) && answered.test(leaving.id())) {
                locked.add(leaving.id());
            }
        }
        return target;
    }

    /**
     * After a restart the candidate has left every answered question: lock those of locking cases; and they had
     * reached at least the furthest section holding an answer.
     */
    public void resume(Predicate<String> answered) {
        for (int i = 0; i < items.size(); i++) {
            if (answered.test(items.get(i).id())) {
                furthestSection = Math.max(furthestSection, sectionOf(i));
            }
        }
        for (DeliveredItem item : items) {
            if (locksOnceAnswered(item) && answered.test(item.id())) {
                locked.add(item.id());
            }
        }
    }

    /** True when the candidate may no longer change the answer to this question. */
    public boolean isLocked(String itemId) {
        if (locked.contains(itemId)) {
            return true;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(itemId)) {
                return isClosed(i);
            }
        }
        return false;
    }

    /**
     * True when moving from question {@code from} to {@code to} leaves an irreversible section for good: the kiosk asks
     * the candidate to confirm first.
     */
    public boolean leavesForGood(int from, int to) {
        if (from < 0 || from >= items.size() || to < 0 || to >= items.size()) {
            return false;
        }
        // Every irreversible section from the one being left up to (not including) the target's closes.
        for (int i = from; i < items.size() && sectionOf(i) < sectionOf(to); i++) {
            DeliveredItem passed = items.get(i);
            if (passed.section() != null && passed.section().irreversible()) {
                return true;
            }
        }
        return false;
    }

    /** The first question the candidate may still go to (the start of the furthest section reached). */
    public int firstOpen() {
        for (int i = 0; i < items.size(); i++) {
            if (!isClosed(i)) {
                return i;
            }
        }
        return 0;
    }

    /** A question in an irreversible section the candidate has already moved beyond. */
    private boolean isClosed(int index) {
        DeliveredItem item = items.get(index);
        return item.section() != null && item.section().irreversible() && sectionOf(index) < furthestSection;
    }

    private int sectionOf(int index) {
        return sectionPositions[index];
    }

    private static String sectionId(DeliveredItem item) {
        return item.section() == null ? "" : item.section().id();
    }

    private static boolean locksOnceAnswered(DeliveredItem item) {
        return item.group() != null && item.group().locksOnceAnswered();
    }
}

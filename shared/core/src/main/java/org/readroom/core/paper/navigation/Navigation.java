package org.readroom.core.paper.navigation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.readroom.core.protocol.DeliveredItem;

/**
 * Where a candidate may go and what they may still change, as the computer-based national exams do it: a question of
 * a case that locks once answered (A4, {@code DeliveredGroup.locksOnceAnswered}) can be looked at but not changed
 * after the candidate has answered it and moved to another question. Not thread-safe: the kiosk's UI thread owns it.
 */
public final class Navigation {

    private final List<DeliveredItem> items;
    private final Set<String> locked = new HashSet<>();

    public Navigation(List<DeliveredItem> items) {
        this.items = List.copyOf(items);
    }

    /**
     * The candidate leaves question {@code from} for question {@code to}: an answered question of a locking case
     * becomes read-only. Returns the index the candidate may go to ({@code to}, clamped to the paper).
     */
    public int move(int from, int to, Predicate<String> answered) {
        int target = Math.max(0, Math.min(items.size() - 1, to));
        if (from >= 0 && from < items.size() && from != target) {
            DeliveredItem leaving = items.get(from);
            if (locksOnceAnswered(leaving) && answered.test(leaving.id())) {
                locked.add(leaving.id());
            }
        }
        return target;
    }

    /** After a restart the candidate has left every answered question: lock those of locking cases. */
    public void resume(Predicate<String> answered) {
        for (DeliveredItem item : items) {
            if (locksOnceAnswered(item) && answered.test(item.id())) {
                locked.add(item.id());
            }
        }
    }

    /** True when the candidate may no longer change the answer to this question. */
    public boolean isLocked(String itemId) {
        return locked.contains(itemId);
    }

    private static boolean locksOnceAnswered(DeliveredItem item) {
        return item.group() != null && item.group().locksOnceAnswered();
    }
}

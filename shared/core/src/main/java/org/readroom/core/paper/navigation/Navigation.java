package org.readroom.core.paper.navigation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.Messages.SavedAnswer;

/**
 * Where a candidate may go and what they may still change, as the computer-based national exams do it:
 *
 * <ul>
 *   <li>the steps of a case that locks once answered (A4, {@code DeliveredGroup.locksOnceAnswered}) open one at a
 *       time: a later step is shown only once every earlier one is answered, and an answered step can be looked at
 *       but not changed after the candidate has moved to another question;
 *   <li>once the candidate moves on from an irreversible section ({@code DeliveredSection.irreversible}) they cannot
 *       go back to it;
 *   <li>a section with its own time limit ({@code DeliveredSection.timeLimitMinutes}) runs from the candidate's first
 *       entry into it; when its time is over ({@link #closeSection}) it closes like a section left for good.
 * </ul>
 *
 * <p>The kiosk moves the candidate with {@link #move}; a move that locks a step or closes a section is journalled in
 * the answer chain as a {@link Moves move event} (and so is the first entry into a timed section, which starts its time), so the server (and a kiosk after a restart) rebuilds the same state
 * from the record with {@link #resume} and {@link #refusal} refuses a change the rules forbid. Not thread-safe: the
 * kiosk's UI thread, or one server check, owns an instance.
 */
public final class Navigation {

    /**
     * One entry of a candidate's record as it matters here: the answered question or the move event's id
     * ({@link Moves#eventId}), whether the answer is blank, and its sequence number. The record may hold only the
     * latest entry per id, as the server's saved answers do: that is enough.
     */
    public record Visit(String id, boolean blank, long sequence) {}

    /** The visits of a candidate's saved answers (the latest entry per question or move event). */
    public static List<Visit> visits(List<SavedAnswer> saved) {
        return saved.stream()
                .map(a -> new Visit(
                        a.itemId(),
                        (a.choices() == null || a.choices().isEmpty())
                                && (a.text() == null || a.text().isBlank()),
                        a.sequence()))
                .toList();
    }

    /** Where a move ended, and whether it changed what the candidate may do (then the kiosk journals it). */
    public record Move(int index, boolean journalled) {}

    /** Why a change is refused: the error code and a sentence naming the question. */
    public record Refusal(ErrorCode code, String reason) {}

    private final List<DeliveredItem> items;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Set<String> locked = new HashSet<>();
    /** Timed sections the candidate has entered (their time runs), and those whose time is over. */
    private final Set<String> entered = new HashSet<>();

    private final Set<String> timedOut = new HashSet<>();
    /** The position (in paper order) of the furthest section the candidate has entered. */
    private int furthestSection;

    private final int[] sectionPositions;

    public Navigation(List<DeliveredItem> items) {
        this.items = List.copyOf(items);
        // Sections arrive in paper order with their questions together: a section's position counts the changes.
        this.sectionPositions = new int[this.items.size()];
        for (int i = 0; i < this.items.size(); i++) {
            positions.put(this.items.get(i).id(), i);
            if (i > 0) {
                boolean same = sectionId(this.items.get(i - 1)).equals(sectionId(this.items.get(i)));
                sectionPositions[i] = sectionPositions[i - 1] + (same ? 0 : 1);
            }
        }
    }

    /** True when the paper has a locking case, an irreversible or a timed section: otherwise every move is free. */
    public static boolean hasRules(List<DeliveredItem> items) {
        return items.stream().anyMatch(Navigation::isRuled);
    }

    /**
     * The questions whose answers and moves the rules may refuse: the steps of locking cases and the questions of
     * irreversible sections. A change to any other question is always allowed.
     */
    public static Set<String> ruledQuestions(List<DeliveredItem> items) {
        Set<String> ruled = new HashSet<>();
        items.stream().filter(Navigation::isRuled).forEach(item -> ruled.add(item.id()));
        return Set.copyOf(ruled);
    }

    private static boolean isRuled(DeliveredItem item) {
        return locksOnceAnswered(item)
                || (item.section() != null && (item.section().irreversible() || isTimed(item)));
    }

    /**
     * The candidate leaves question {@code from} for question {@code to} ({@code from} -1 when opening the paper): an
     * answered step of a locking case becomes read-only. A closed question keeps the candidate where they are; a step
     * of a locking case whose earlier steps are not all answered leads to the first unanswered one. Moves are clamped
     * to the paper.
     */
    public Move move(int from, int to, Predicate<String> answered) {
        int target = Math.max(0, Math.min(items.size() - 1, to));
        boolean here = from >= 0 && from < items.size();
        if (isClosed(target)) {
            return new Move(here ? from : firstOpen(), false);
        }
        target = firstUnansweredStep(target, answered);
        boolean changed = isTimed(items.get(target)) && entered.add(sectionId(items.get(target)));
        if (sectionOf(target) > furthestSection) {
            furthestSection = sectionOf(target);
            changed = true;
        }
        if (here && from != target) {
            DeliveredItem leaving = items.get(from);
            if (locksOnceAnswered(leaving) && answered.test(leaving.id())) {
                changed |= locked.add(leaving.id());
            }
        }
        return new Move(target, changed);
    }

    /**
     * Rebuilds the state from a candidate's record (answers and move events): they reached the furthest section any
     * entry names, and left every answered step of a locking case that a later entry names another question. Returns
     * where the candidate was last (the question of the last entry), or the first open question when the record is
     * empty.
     */
    public int resume(List<Visit> record) {
        List<Visit> ordered = new ArrayList<>(record);
        ordered.sort(Comparator.comparingLong(Visit::sequence));
        int last = -1;
        if (!items.isEmpty()) {
            entered.add(sectionId(items.get(0))); // every candidate starts in the first section
        }
        for (Visit visit : ordered) {
            Integer position = positions.get(Moves.questionOf(visit.id()));
            if (position != null) {
                furthestSection = Math.max(furthestSection, sectionOf(position));
                entered.add(sectionId(items.get(position)));
                last = position;
            }
        }
        Map<String, Visit> latest = new HashMap<>();
        // The last entry, and the last one naming another question than it: for any question, the last entry that
        // names something else is one of these two.
        Visit lastEntry = null;
        Visit lastOther = null;
        for (Visit visit : ordered) {
            latest.put(visit.id(), visit);
            if (lastEntry != null && !Moves.questionOf(lastEntry.id()).equals(Moves.questionOf(visit.id()))) {
                lastOther = lastEntry;
            }
            lastEntry = visit;
        }
        for (Visit visit : latest.values()) {
            Integer position = positions.get(visit.id());
            if (position == null || visit.blank() || !locksOnceAnswered(items.get(position))) {
                continue;
            }
            Visit leftFor = Moves.questionOf(lastEntry.id()).equals(visit.id()) ? lastOther : lastEntry;
            if (leftFor != null && leftFor.sequence() > visit.sequence()) {
                locked.add(visit.id());
            }
        }
        return last >= 0 && !isClosed(last) ? last : firstOpen();
    }

    /**
     * Why the rules refuse an entry the candidate's record is about to get (an answer to {@code id}, or the move event
     * {@code id}), given the state {@link #resume} rebuilt; empty when it is allowed. Unknown questions are not judged
     * here.
     */
    public Optional<Refusal> refusal(String id, Predicate<String> answered) {
        boolean isMove = Moves.isMove(id);
        String question = Moves.questionOf(id);
        Integer position = positions.get(question);
        if (position == null) {
            return Optional.empty();
        }
        DeliveredItem item = items.get(position);
        if (isClosed(position)) {
            return Optional.of(new Refusal(
                    ErrorCode.SECTION_CLOSED,
                    "question " + question + " is in section " + item.section().id()
                            + ", which the candidate has left"));
        }
        if (!isMove && locked.contains(question)) {
            return Optional.of(new Refusal(
                    ErrorCode.QUESTION_LOCKED,
                    "question " + question + " of case " + item.group().id()
                            + " was answered and left; it can no longer change"));
        }
        int open = firstUnansweredStep(position, answered);
        if (open != position) {
            return Optional.of(new Refusal(
                    ErrorCode.STEP_NOT_OPEN,
                    "question " + question + " of case " + item.group().id() + " opens after "
                            + items.get(open).id() + " is answered"));
        }
        return Optional.empty();
    }

    /**
     * The time of this timed section is over: it closes, whether or not it is irreversible. The kiosk calls it when
     * the section's countdown reaches zero; the server checks section time itself.
     */
    public void closeSection(String sectionId) {
        timedOut.add(sectionId);
    }

    /** The first question the candidate may go to after {@code index}, else the first open one anywhere, else -1. */
    public int nextOpenAfter(int index, Predicate<String> answered) {
        for (int i = index + 1; i < items.size(); i++) {
            if (isOpen(i, answered)) {
                return i;
            }
        }
        for (int i = 0; i < items.size(); i++) {
            if (isOpen(i, answered)) {
                return i;
            }
        }
        return -1;
    }

    /** True when the candidate may no longer change the answer to this question. */
    public boolean isLocked(String itemId) {
        if (locked.contains(itemId)) {
            return true;
        }
        Integer position = positions.get(itemId);
        return position != null && isClosed(position);
    }

    /** True when the candidate may go to question {@code index} now (the question list greys out the others). */
    public boolean isOpen(int index, Predicate<String> answered) {
        return index >= 0 && index < items.size() && !isClosed(index) && firstUnansweredStep(index, answered) == index;
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

    /**
     * The question at {@code index}, or, when it is a step of a locking case, the first of its earlier steps that is
     * not answered yet.
     */
    private int firstUnansweredStep(int index, Predicate<String> answered) {
        DeliveredItem item = items.get(index);
        if (!locksOnceAnswered(item)) {
            return index;
        }
        int start = index;
        while (start > 0 && sameGroup(items.get(start - 1), item)) {
            start--;
        }
        for (int i = start; i < index; i++) {
            if (!answered.test(items.get(i).id())) {
                return i;
            }
        }
        return index;
    }

    /** A question in an irreversible section the candidate has already moved beyond, or in a section out of time. */
    private boolean isClosed(int index) {
        DeliveredItem item = items.get(index);
        if (item.section() == null) {
            return false;
        }
        return (item.section().irreversible() && sectionOf(index) < furthestSection)
                || timedOut.contains(item.section().id());
    }

    private static boolean isTimed(DeliveredItem item) {
        return item.section() != null
                && item.section().timeLimitMinutes() != null
                && item.section().timeLimitMinutes() > 0;
    }

    private int sectionOf(int index) {
        return sectionPositions[index];
    }

    private static boolean sameGroup(DeliveredItem a, DeliveredItem b) {
        return a.group() != null
                && b.group() != null
                && a.group().id().equals(b.group().id());
    }

    private static String sectionId(DeliveredItem item) {
        return item.section() == null ? "" : item.section().id();
    }

    private static boolean locksOnceAnswered(DeliveredItem item) {
        return item.group() != null && item.group().locksOnceAnswered();
    }
}

package org.readroom.core.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.readroom.core.protocol.Messages.AnswerSave;

class AnswerChainTest {

    private static final String GENESIS = AnswerChain.genesis(42, "C-0007");

    /** Events 1..n chained from {@link #GENESIS}, each carrying its correct hash. */
    private static List<AnswerSave> chain(AnswerSave... unhashed) {
        List<AnswerSave> events = new ArrayList<>();
        String hash = GENESIS;
        for (AnswerSave event : unhashed) {
            hash = AnswerChain.next(hash, event);
            events.add(withHash(event, hash));
        }
        return events;
    }

    private static AnswerSave withHash(AnswerSave event, String hash) {
        return new AnswerSave(event.sequence(), event.itemId(), event.choices(), event.text(), hash);
    }

    private static AnswerSave save(long sequence, String itemId, Set<String> choices, String text) {
        return new AnswerSave(sequence, itemId, choices, text, null);
    }

    private static List<AnswerSave> fourAnswers() {
        return chain(
                save(1, "q1", Set.of("A"), ""),
                save(2, "q2", Set.of("B", "D"), ""),
                save(3, "q3", Set.of(), "右肺上叶结节"),
                save(4, "q1", Set.of("C"), ""));
    }

    private static String head(List<AnswerSave> events) {
        return events.get(events.size() - 1).hash();
    }

    @Test
    void theGenesisDiffersPerSessionAndPerCandidate() {
        assertTrue(AnswerChain.isHash(GENESIS));
        assertEquals(GENESIS, AnswerChain.genesis(42, "C-0007"));
        assertNotEquals(GENESIS, AnswerChain.genesis(43, "C-0007"));
        assertNotEquals(GENESIS, AnswerChain.genesis(42, "C-0008"));
    }

    @Test
    void theNextHashDependsOnEveryFieldButTheHash() {
        AnswerSave base = save(5, "q1", Set.of("A"), "text");
        String hash = AnswerChain.next(GENESIS, base);
        assertTrue(AnswerChain.isHash(hash));
        assertEquals(hash, AnswerChain.next(GENESIS, withHash(base, "anything")));
        assertNotEquals(hash, AnswerChain.next(GENESIS, save(6, "q1", Set.of("A"), "text")));
        assertNotEquals(hash, AnswerChain.next(GENESIS, save(5, "q2", Set.of("A"), "text")));
        assertNotEquals(hash, AnswerChain.next(GENESIS, save(5, "q1", Set.of("B"), "text")));
        assertNotEquals(hash, AnswerChain.next(GENESIS, save(5, "q1", Set.of("A", "B"), "text")));
        assertNotEquals(hash, AnswerChain.next(GENESIS, save(5, "q1", Set.of(), "text")));
        assertNotEquals(hash, AnswerChain.next(GENESIS, save(5, "q1", Set.of("A"), "text!")));
        assertNotEquals(hash, AnswerChain.next(AnswerChain.genesis(42, "C-0008"), base));
    }

    @Test
    void theOrderOfTheChoicesDoesNotMatter() {
        Set<String> abc = new LinkedHashSet<>(List.of("A", "B", "C"));
        Set<String> cba = new LinkedHashSet<>(List.of("C", "B", "A"));
        assertEquals(
                AnswerChain.next(GENESIS, save(1, "q1", abc, "")), AnswerChain.next(GENESIS, save(1, "q1", cba, "")));
    }

    @Test
    void fieldsAreLengthPrefixedSoShiftedTextHashesDifferently() {
        assertNotEquals(
                AnswerChain.next(GENESIS, save(1, "ab", Set.of(), "c")),
                AnswerChain.next(GENESIS, save(1, "a", Set.of(), "bc")));
        assertNotEquals(
                AnswerChain.next(GENESIS, save(1, "q1", Set.of("AB"), "")),
                AnswerChain.next(GENESIS, save(1, "q1", Set.of("A", "B"), "")));
        assertNotEquals(AnswerChain.genesis(1, "23"), AnswerChain.genesis(12, "3"));
    }

    @Test
    void aCorrectChainHasNoBrokenLink() {
        List<AnswerSave> events = fourAnswers();
        assertEquals(Optional.empty(), AnswerChain.firstBrokenLink(GENESIS, events, head(events)));
        assertEquals(Optional.empty(), AnswerChain.firstBrokenLink(GENESIS, List.of(), GENESIS));
    }

    @Test
    void anEditedAnswerIsFoundBySequence() {
        List<AnswerSave> events = new ArrayList<>(fourAnswers());
        String head = head(events);
        AnswerSave third = events.get(2);
        events.set(2, new AnswerSave(3, "q3", Set.of(), "正常", third.hash()));
        assertEquals(Optional.of(3L), AnswerChain.firstBrokenLink(GENESIS, events, head));
    }

    @Test
    void anEditedAnswerWithItsHashesRecomputedStillFailsTheHead() {
        List<AnswerSave> original = fourAnswers();
        List<AnswerSave> forged = chain(
                save(1, "q1", Set.of("A"), ""),
                save(2, "q2", Set.of("B", "D"), ""),
                save(3, "q3", Set.of(), "正常"),
                save(4, "q1", Set.of("C"), ""));
        assertEquals(Optional.of(4L), AnswerChain.firstBrokenLink(GENESIS, forged, head(original)));
    }

    @Test
    void aRemovedAnswerIsFoundAsTheGap() {
        List<AnswerSave> events = new ArrayList<>(fourAnswers());
        String head = head(events);
        events.remove(1);
        assertEquals(Optional.of(2L), AnswerChain.firstBrokenLink(GENESIS, events, head));
    }

    @Test
    void reorderedAnswersAreFound() {
        List<AnswerSave> events = new ArrayList<>(fourAnswers());
        String head = head(events);
        AnswerSave second = events.get(1);
        events.set(1, events.get(2));
        events.set(2, second);
        assertEquals(Optional.of(2L), AnswerChain.firstBrokenLink(GENESIS, events, head));
    }

    @Test
    void renumberedReorderedAnswersAreFound() {
        List<AnswerSave> events = fourAnswers();
        AnswerSave two = events.get(1);
        AnswerSave three = events.get(2);
        List<AnswerSave> swapped = List.of(
                events.get(0),
                new AnswerSave(2, three.itemId(), three.choices(), three.text(), three.hash()),
                new AnswerSave(3, two.itemId(), two.choices(), two.text(), two.hash()),
                events.get(3));
        assertEquals(Optional.of(2L), AnswerChain.firstBrokenLink(GENESIS, swapped, head(events)));
    }

    @Test
    void aWrongHeadIsReportedAtTheLastAnswer() {
        List<AnswerSave> events = fourAnswers();
        assertEquals(
                Optional.of(4L),
                AnswerChain.firstBrokenLink(GENESIS, events, events.get(2).hash()));
        assertEquals(Optional.of(4L), AnswerChain.firstBrokenLink(GENESIS, events, GENESIS));
    }

    @Test
    void anotherCandidatesChainDoesNotVerify() {
        List<AnswerSave> events = fourAnswers();
        assertEquals(
                Optional.of(1L), AnswerChain.firstBrokenLink(AnswerChain.genesis(42, "C-0008"), events, head(events)));
    }

    @Test
    void onlyLowercaseSixtyFourHexDigitsAreAHash() {
        assertTrue(AnswerChain.isHash("0".repeat(64)));
        assertFalse(AnswerChain.isHash("0".repeat(63)));
        assertFalse(AnswerChain.isHash("A".repeat(64)));
        assertFalse(AnswerChain.isHash("g".repeat(64)));
        assertFalse(AnswerChain.isHash(null));
    }
}

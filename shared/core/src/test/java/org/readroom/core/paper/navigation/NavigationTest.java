package org.readroom.core.paper.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.readroom.core.bank.SampleItems;
import org.readroom.core.errors.ErrorCode;
import org.readroom.core.paper.CandidatePaper;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.PaperSection;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.text.LocalizedText;

class NavigationTest {

    // Authoring order: s1, then the locking case c1 (c1-1, c1-2), then the B1 set b1 (b1-1..3, not locking).
    private final List<DeliveredItem> items = CandidatePaper.inAuthoringOrder(new Paper(
            "p",
            LocalizedText.of("卷", "paper"),
            60,
            List.of(SampleItems.single("s1"), SampleItems.cluster("c1"), SampleItems.matching("b1"))));

    @Test
    void anAnsweredCaseQuestionLocksWhenTheCandidateMovesOn() {
        Navigation navigation = new Navigation(items);
        Set<String> answered = Set.of("c1-1");
        assertEquals(2, at(navigation, 1, 2, answered::contains));
        assertTrue(navigation.isLocked("c1-1"));
        assertEquals(1, at(navigation, 2, 1, answered::contains), "the candidate may still look at it");
        assertTrue(navigation.isLocked("c1-1"));
    }

    @Test
    void anUnansweredCaseQuestionAndOtherQuestionsStayOpen() {
        Navigation navigation = new Navigation(items);
        at(navigation, 1, 2, id -> false);
        assertFalse(navigation.isLocked("c1-1"));
        Set<String> answered = Set.of("s1", "b1-1");
        at(navigation, 0, 1, answered::contains);
        at(navigation, 3, 4, answered::contains);
        assertFalse(navigation.isLocked("s1"));
        assertFalse(navigation.isLocked("b1-1"));
    }

    @Test
    void stayingOnTheQuestionDoesNotLockIt() {
        Navigation navigation = new Navigation(items);
        assertEquals(1, at(navigation, 1, 1, id -> true));
        assertFalse(navigation.isLocked("c1-1"));
        assertEquals(items.size() - 1, at(navigation, 1, 99, id -> true), "moves are clamped to the paper");
    }

    @Test
    void aRestartLocksTheCaseStepsTheCandidateAnsweredAndLeft() {
        Navigation navigation = new Navigation(items);
        // c1-1 answered, then c1-2 answered (leaving c1-1), then s1 answered (leaving c1-2).
        int at = navigation.resume(List.of(answer("c1-1", 1), answer("c1-2", 2), answer("s1", 3), blank("c1-1", 0)));
        assertTrue(navigation.isLocked("c1-1"));
        assertTrue(navigation.isLocked("c1-2"));
        assertFalse(navigation.isLocked("s1"));
        assertEquals(0, at, "the paper opens where the record ends");
    }

    @Test
    void aRestartOnAnAnsweredStepLeavesItOpenAndOpensThere() {
        Navigation navigation = new Navigation(items);
        int at = navigation.resume(List.of(answer("c1-1", 1), answer("c1-2", 3), answer("s1", 2)));
        assertTrue(navigation.isLocked("c1-1"));
        assertFalse(navigation.isLocked("c1-2"), "the candidate never left it");
        assertEquals(2, at);
    }

    @Test
    void aJournalledMoveLocksTheStepItLeft() {
        Navigation navigation = new Navigation(items);
        Set<String> answered = Set.of("c1-1");
        Navigation.Move move = navigation.move(1, 0, answered::contains);
        assertTrue(move.journalled(), "leaving an answered A4 step is journalled");
        assertFalse(navigation.move(0, 1, answered::contains).journalled(), "looking back changes nothing");

        Navigation server = new Navigation(items);
        server.resume(List.of(answer("c1-1", 1), new Navigation.Visit(Moves.eventId("s1"), true, 2)));
        assertTrue(server.isLocked("c1-1"));
        assertEquals(
                ErrorCode.QUESTION_LOCKED,
                server.refusal("c1-1", answered::contains).orElseThrow().code());
        assertTrue(server.refusal(Moves.eventId("c1-1"), answered::contains).isEmpty(), "looking is allowed");
        assertTrue(server.refusal("s1", answered::contains).isEmpty());
    }

    @Test
    void theStepsOfALockingCaseOpenOneAtATime() {
        Navigation navigation = new Navigation(items);
        assertFalse(navigation.isOpen(2, id -> false), "c1-2 waits for c1-1");
        assertEquals(1, at(navigation, 0, 2, id -> false), "a jump to c1-2 lands on c1-1");
        assertEquals(1, at(navigation, 1, 2, id -> false), "next stays on the unanswered step");
        assertTrue(navigation.isOpen(2, "c1-1"::equals));
        assertEquals(2, at(navigation, 1, 2, "c1-1"::equals));
        assertTrue(navigation.isOpen(4, id -> false), "a B1 set does not lock");

        Navigation server = new Navigation(items);
        server.resume(List.of());
        Navigation.Refusal refusal = server.refusal("c1-2", id -> false).orElseThrow();
        assertEquals(ErrorCode.STEP_NOT_OPEN, refusal.code());
        assertTrue(refusal.reason().contains("c1-1"), refusal.reason());
        assertEquals(
                ErrorCode.STEP_NOT_OPEN,
                server.refusal(Moves.eventId("c1-2"), id -> false).orElseThrow().code());
        assertTrue(server.refusal("c1-2", "c1-1"::equals).isEmpty());
    }

    // Two sections: A (irreversible) holds s1 and t1, B holds s2.
    private final List<DeliveredItem> sectioned = CandidatePaper.inAuthoringOrder(new Paper(
            "p2",
            LocalizedText.of("卷", "paper"),
            60,
            List.of(SampleItems.single("s1"), SampleItems.trueFalse("t1"), SampleItems.single("s2")),
            List.of(
                    new PaperSection(
                            "A", LocalizedText.of("第一部分", "Part A"), List.of("s1", "t1"), null, true, null, false),
                    new PaperSection(
                            "B", LocalizedText.of("第二部分", "Part B"), List.of("s2"), null, false, null, false))));

    @Test
    void anIrreversibleSectionCannotBeReenteredOnceLeft() {
        Navigation navigation = new Navigation(sectioned);
        assertEquals(1, at(navigation, 0, 1, id -> false), "moving inside the section is free");
        assertEquals(0, at(navigation, 1, 0, id -> false));
        assertTrue(navigation.leavesForGood(1, 2));
        assertFalse(navigation.leavesForGood(0, 1));
        assertEquals(2, at(navigation, 1, 2, id -> false));
        assertEquals(2, at(navigation, 2, 0, id -> false), "the way back is closed");
        assertTrue(navigation.isLocked("s1"));
        assertTrue(navigation.isLocked("t1"));
        assertFalse(navigation.isLocked("s2"));
        assertEquals(2, navigation.firstOpen());
    }

    @Test
    void aRestartKeepsAPassedIrreversibleSectionClosed() {
        Navigation navigation = new Navigation(sectioned);
        Navigation.Move leaving = navigation.move(1, 2, id -> false);
        assertTrue(leaving.journalled(), "entering a later section is journalled");
        assertFalse(navigation.move(2, 2, id -> false).journalled());

        // The record holds only the move: nothing was answered in section B before the restart.
        navigation = new Navigation(sectioned);
        assertEquals(
                2, navigation.resume(List.of(answer("s1", 1), new Navigation.Visit(Moves.eventId("s2"), true, 2))));
        assertTrue(navigation.isLocked("s1"));
        assertEquals(2, navigation.firstOpen());
        Navigation.Refusal refusal = navigation.refusal("t1", id -> false).orElseThrow();
        assertEquals(ErrorCode.SECTION_CLOSED, refusal.code());
        assertTrue(refusal.reason().contains("section A"), refusal.reason());
        assertEquals(
                ErrorCode.SECTION_CLOSED,
                navigation
                        .refusal(Moves.eventId("s1"), id -> false)
                        .orElseThrow()
                        .code());
        assertTrue(navigation.refusal("s2", id -> false).isEmpty());
        assertEquals(2, at(navigation, -1, 0, id -> false), "opening on a closed question goes to the first open one");
    }

    @Test
    void jumpingOverAnIrreversibleSectionAsksFirst() {
        // Sections: A (open) s1, B (irreversible) t1, C (open) s2. A jump from A to C closes B unseen.
        List<DeliveredItem> three = CandidatePaper.inAuthoringOrder(new Paper(
                "p3",
                LocalizedText.of("卷", "paper"),
                60,
                List.of(SampleItems.single("s1"), SampleItems.trueFalse("t1"), SampleItems.single("s2")),
                List.of(
                        new PaperSection("A", LocalizedText.of("甲", "A"), List.of("s1"), null, false, null, false),
                        new PaperSection("B", LocalizedText.of("乙", "B"), List.of("t1"), null, true, null, false),
                        new PaperSection("C", LocalizedText.of("丙", "C"), List.of("s2"), null, false, null, false))));
        Navigation navigation = new Navigation(three);
        assertTrue(navigation.leavesForGood(0, 2));
        assertFalse(navigation.leavesForGood(0, 1));
        assertTrue(navigation.move(0, 2, id -> false).journalled());
        assertTrue(navigation.isLocked("t1"));
        assertFalse(navigation.isLocked("s1"), "an open section stays open");
    }

    @Test
    void aPaperWithoutLockingCasesOrIrreversibleSectionsHasNoRules() {
        assertTrue(Navigation.hasRules(items));
        assertTrue(Navigation.hasRules(sectioned));
        assertEquals(Set.of("c1-1", "c1-2"), Navigation.ruledQuestions(items));
        assertEquals(Set.of("s1", "t1"), Navigation.ruledQuestions(sectioned));
        assertFalse(Navigation.hasRules(CandidatePaper.inAuthoringOrder(new Paper(
                "p4",
                LocalizedText.of("卷", "paper"),
                60,
                List.of(SampleItems.single("s1"), SampleItems.matching("b1"))))));
    }

    @Test
    void moveEventIdsCannotBeQuestionIds() {
        assertTrue(Moves.isMove(Moves.eventId("c1-2")));
        assertEquals("c1-2", Moves.target(Moves.eventId("c1-2")));
        assertFalse(Moves.isMove("c1-2"));
        assertThrows(IllegalArgumentException.class, () -> SampleItems.single(Moves.eventId("x")));
    }

    @Test
    void aTimedSectionOutOfTimeClosesAndItsFirstEntryIsJournalled() {
        // Sections: A (10 minutes) s1, t1; B (5 minutes) s2; neither irreversible.
        List<DeliveredItem> timed = CandidatePaper.inAuthoringOrder(new Paper(
                "p5",
                LocalizedText.of("卷", "paper"),
                60,
                List.of(SampleItems.single("s1"), SampleItems.trueFalse("t1"), SampleItems.single("s2")),
                List.of(
                        new PaperSection("A", LocalizedText.of("甲", "A"), List.of("s1", "t1"), 10, false, null, false),
                        new PaperSection("B", LocalizedText.of("乙", "B"), List.of("s2"), 5, false, null, false))));
        assertEquals(Set.of("s1", "t1", "s2"), Navigation.ruledQuestions(timed));
        Navigation navigation = new Navigation(timed);
        navigation.resume(List.of());
        assertFalse(navigation.move(0, 1, id -> false).journalled(), "the first section runs from the start");
        assertTrue(navigation.move(1, 2, id -> false).journalled(), "entering B starts its time");
        assertFalse(navigation.move(2, 0, id -> false).journalled());
        assertFalse(navigation.move(0, 2, id -> false).journalled(), "only the first entry counts");

        navigation.closeSection("A");
        assertTrue(navigation.isLocked("s1"));
        assertFalse(navigation.isOpen(0, id -> false));
        assertEquals(2, at(navigation, 2, 0, id -> false), "a section out of time cannot be entered");
        assertEquals(2, navigation.nextOpenAfter(0, id -> false));
        navigation.closeSection("B");
        assertEquals(-1, navigation.nextOpenAfter(0, id -> false), "nothing is left open");
    }

    private static int at(Navigation navigation, int from, int to, java.util.function.Predicate<String> answered) {
        return navigation.move(from, to, answered).index();
    }

    private static Navigation.Visit answer(String id, long sequence) {
        return new Navigation.Visit(id, false, sequence);
    }

    private static Navigation.Visit blank(String id, long sequence) {
        return new Navigation.Visit(id, true, sequence);
    }
}

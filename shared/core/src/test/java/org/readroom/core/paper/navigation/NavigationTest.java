package org.readroom.core.paper.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.readroom.core.bank.SampleItems;
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
        assertEquals(2, navigation.move(1, 2, answered::contains));
        assertTrue(navigation.isLocked("c1-1"));
        assertEquals(1, navigation.move(2, 1, answered::contains), "the candidate may still look at it");
        assertTrue(navigation.isLocked("c1-1"));
    }

    @Test
    void anUnansweredCaseQuestionAndOtherQuestionsStayOpen() {
        Navigation navigation = new Navigation(items);
        navigation.move(1, 2, id -> false);
        assertFalse(navigation.isLocked("c1-1"));
        Set<String> answered = Set.of("s1", "b1-1");
        navigation.move(0, 1, answered::contains);
        navigation.move(3, 4, answered::contains);
        assertFalse(navigation.isLocked("s1"));
        assertFalse(navigation.isLocked("b1-1"));
    }

    @Test
    void stayingOnTheQuestionDoesNotLockIt() {
        Navigation navigation = new Navigation(items);
        assertEquals(1, navigation.move(1, 1, id -> true));
        assertFalse(navigation.isLocked("c1-1"));
        assertEquals(items.size() - 1, navigation.move(1, 99, id -> true), "moves are clamped to the paper");
    }

    @Test
    void aRestartLocksEveryAnsweredCaseQuestion() {
        Navigation navigation = new Navigation(items);
        navigation.resume(Set.of("c1-2", "s1")::contains);
        assertTrue(navigation.isLocked("c1-2"));
        assertFalse(navigation.isLocked("c1-1"));
        assertFalse(navigation.isLocked("s1"));
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
        assertEquals(1, navigation.move(0, 1, id -> false), "moving inside the section is free");
        assertEquals(0, navigation.move(1, 0, id -> false));
        assertTrue(navigation.leavesForGood(1, 2));
        assertFalse(navigation.leavesForGood(0, 1));
        assertEquals(2, navigation.move(1, 2, id -> false));
        assertEquals(2, navigation.move(2, 0, id -> false), "the way back is closed");
        assertTrue(navigation.isLocked("s1"));
        assertTrue(navigation.isLocked("t1"));
        assertFalse(navigation.isLocked("s2"));
        assertEquals(2, navigation.firstOpen());
    }

    @Test
    void aRestartKeepsAPassedIrreversibleSectionClosed() {
        Navigation navigation = new Navigation(sectioned);
        navigation.resume(Set.of("s2")::contains);
        assertTrue(navigation.isLocked("s1"));
        assertEquals(2, navigation.firstOpen());
        assertEquals(2, navigation.move(-1, 0, id -> false), "opening on a closed question goes to the first open one");
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
        navigation.move(0, 2, id -> false);
        assertTrue(navigation.isLocked("t1"));
        assertFalse(navigation.isLocked("s1"), "an open section stays open");
    }
}

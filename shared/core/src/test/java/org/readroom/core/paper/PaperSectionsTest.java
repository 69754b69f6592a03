package org.readroom.core.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.SampleItems;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;

class PaperSectionsTest {

    private static final LocalizedText TITLE = LocalizedText.of("试卷", "paper");

    /** s1 and s2 carry 2 marks each, the cluster c1 3 (2 + 1), the B1 set b1 4. */
    private static List<Item> items() {
        return List.of(
                SampleItems.single("s1"),
                SampleItems.single("s2"),
                SampleItems.cluster("c1"),
                SampleItems.matching("b1"));
    }

    private static PaperSection section(String id, List<String> itemIds) {
        return new PaperSection(id, LocalizedText.of("第" + id + "部分", "part " + id), itemIds, null, false, null);
    }

    private static void refused(String expected, List<PaperSection> sections) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Paper("p", TITLE, 60, items(), sections));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aPaperWithoutSectionsHasOneSectionHoldingEveryItemInOrder() {
        Paper paper = new Paper("p", TITLE, 60, items());
        assertEquals(1, paper.sections().size());
        PaperSection whole = paper.sections().get(0);
        assertEquals(List.of("s1", "s2", "c1", "b1"), whole.itemIds());
        assertNull(whole.timeLimitMinutes());
        assertEquals(false, whole.irreversible());
        assertEquals(11.0, paper.marks(whole));
    }

    @Test
    void paperJsonWithoutSectionsStillReadsAsOneSection() {
        String json = new String(Wire.encode(new Paper("p", TITLE, 60, items())), StandardCharsets.UTF_8)
                .replaceFirst(",\"sections\":\\[.*\\]\\}$", "}");
        assertTrue(!json.contains("sections"), json);
        Paper read = Wire.decode(json.getBytes(StandardCharsets.UTF_8), Paper.class);
        assertEquals(new Paper("p", TITLE, 60, items()), read);
    }

    @Test
    void aPaperWithSectionsSurvivesJsonAndKeepsItemsInSectionOrder() {
        Paper paper = new Paper(
                "p",
                TITLE,
                60,
                items(),
                List.of(
                        new PaperSection("A", LocalizedText.of("甲", "A"), List.of("b1", "s2"), 20, true, 6.0, true),
                        section("B", List.of("c1", "s1"))));
        assertEquals(
                List.of("b1", "s2", "c1", "s1"),
                paper.items().stream().map(Item::id).toList());
        assertEquals(paper, Wire.decode(Wire.encode(paper), Paper.class));
        assertEquals("A", paper.sectionOf("s2").id());
    }

    @Test
    void anItemInNoSectionIsRefused() {
        refused("paper p: item b1 is in no section", List.of(section("A", List.of("s1", "s2", "c1"))));
    }

    @Test
    void anItemInTwoSectionsIsRefused() {
        refused(
                "paper p: item s2 is in section A and in section B",
                List.of(section("A", List.of("s1", "s2")), section("B", List.of("s2", "c1", "b1"))));
    }

    @Test
    void anItemListedTwiceInASectionIsRefused() {
        refused("paper p: section A lists item s1 twice", List.of(section("A", List.of("s1", "s2", "c1", "b1", "s1"))));
    }

    @Test
    void aSectionListingAnItemNotOnThePaperIsRefused() {
        refused(
                "paper p: section A lists item x9, which is not on the paper",
                List.of(section("A", List.of("s1", "s2", "c1", "b1", "x9"))));
    }

    @Test
    void anEmptySectionIsRefused() {
        refused(
                "paper p: section B has no items",
                List.of(section("A", List.of("s1", "s2", "c1", "b1")), section("B", List.of())));
    }

    @Test
    void aSectionIdUsedTwiceIsRefused() {
        refused(
                "paper p: section id A is used twice",
                List.of(section("A", List.of("s1", "s2")), section("A", List.of("c1", "b1"))));
    }

    @Test
    void aPaperGivenNoSectionsAtAllIsRefused() {
        refused("paper p: has no sections", List.of());
    }

    @Test
    void sectionTimeLimitsBeyondThePapersDurationAreRefused() {
        refused(
                "paper p: the section time limits add up to 70 minutes, more than the paper's 60",
                List.of(
                        new PaperSection("A", TITLE, List.of("s1", "s2"), 40, true, null),
                        new PaperSection("B", TITLE, List.of("c1", "b1"), 30, false, null)));
    }

    @Test
    void expectedSectionMarksNamingTheSectionAndBothNumbers() {
        refused(
                "paper p: section B is expected to carry 8 marks, but its items carry 7",
                List.of(
                        new PaperSection("A", TITLE, List.of("s1", "s2"), null, false, 4.0),
                        new PaperSection("B", TITLE, List.of("c1", "b1"), null, false, 8.0)));
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Paper(
                        "p",
                        TITLE,
                        60,
                        items(),
                        List.of(new PaperSection("A", TITLE, List.of("s1", "s2", "c1"), 90, false, 1.5))));
        assertTrue(e.getMessage().contains("item b1 is in no section"), e.getMessage());
        assertTrue(e.getMessage().contains("add up to 90 minutes"), e.getMessage());
        assertTrue(e.getMessage().contains("expected to carry 1.5 marks, but its items carry 7"), e.getMessage());
    }

    @Test
    void expectedTotalMarksAreCheckedWithBothNumbers() {
        Paper paper = new Paper("p", TITLE, 60, items());
        assertNull(PaperChecks.totalProblem(paper, 11.0));
        assertNull(PaperChecks.totalProblem(paper, null));
        assertEquals(
                "paper p: expected to carry 100 marks in total, but its items carry 11",
                PaperChecks.totalProblem(paper, 100.0));
    }
}

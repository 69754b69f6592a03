package org.readroom.core.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.SampleItems;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.DeliveredSection;
import org.readroom.core.protocol.Messages.Sitting;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;

/** Per-candidate order on a paper with sections: shuffled within sections only, from the seed, reproducibly. */
class SectionOrderTest {

    /**
     * Section A (reversible, 6 single questions), section B (irreversible, 20 minutes: 2 case clusters that lock once
     * answered, 1 B1 set, 2 single questions), section C (order kept: 4 single questions).
     */
    private static Paper paper() {
        List<Item> items = new ArrayList<>();
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(SampleItems.single("a" + i));
            a.add("a" + i);
        }
        items.add(SampleItems.cluster("case1"));
        items.add(SampleItems.cluster("case2"));
        items.add(SampleItems.matching("b1"));
        items.add(SampleItems.single("bs1"));
        items.add(SampleItems.single("bs2"));
        List<String> c = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.add(SampleItems.single("c" + i));
            c.add("c" + i);
        }
        return new Paper(
                "p",
                LocalizedText.of("试卷", "paper"),
                90,
                items,
                List.of(
                        new PaperSection("A", LocalizedText.of("A1型题", "A1"), a, null, false, null),
                        new PaperSection(
                                "B",
                                LocalizedText.of("病例题", "cases"),
                                List.of("case1", "case2", "b1", "bs1", "bs2"),
                                20,
                                true,
                                null),
                        new PaperSection("C", LocalizedText.of("按序", "in order"), c, null, false, null, true)));
    }

    private static List<String> sectionsOf(List<DeliveredItem> items) {
        return items.stream().map(i -> i.section().id()).toList();
    }

    @Test
    void sectionsKeepTheirOrderAndQuestionsStayInTheirSectionForEverySeed() {
        List<String> authoring = sectionsOf(CandidatePaper.inAuthoringOrder(paper()));
        for (long seed = 0; seed < 200; seed++) {
            assertEquals(authoring, sectionsOf(CandidatePaper.deliver(paper(), seed)), "seed " + seed);
        }
    }

    @Test
    void theSameSeedGivesTheSameOrderAndManySeedsGiveManyOrdersWithinASection() {
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            List<DeliveredItem> delivered = CandidatePaper.deliver(paper(), seed);
            assertEquals(delivered, CandidatePaper.deliver(paper(), seed));
            orders.add(delivered.subList(0, 6).stream().map(DeliveredItem::id).toList());
        }
        // 6! = 720 orders of section A: 100 seeds give nearly 100 different ones.
        assertTrue(orders.size() > 80, "orders of section A over 100 seeds: " + orders.size());
    }

    @Test
    void aGroupStaysTogetherInItsOrderInsideItsSection() {
        for (long seed = 0; seed < 100; seed++) {
            List<String> ids = CandidatePaper.deliver(paper(), seed).stream()
                    .map(DeliveredItem::id)
                    .toList();
            int first = ids.indexOf("case1-1");
            assertEquals("case1-2", ids.get(first + 1), "seed " + seed);
            int b1 = ids.indexOf("b1-1");
            assertEquals(List.of("b1-1", "b1-2", "b1-3"), ids.subList(b1, b1 + 3), "seed " + seed);
        }
    }

    @Test
    void aSectionThatKeepsItsOrderIsNotShuffledButItsOptionsAre() {
        Set<List<String>> optionOrders = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            List<DeliveredItem> delivered = CandidatePaper.deliver(paper(), seed);
            List<DeliveredItem> sectionC = delivered.subList(delivered.size() - 4, delivered.size());
            assertEquals(
                    List.of("c0", "c1", "c2", "c3"),
                    sectionC.stream().map(DeliveredItem::id).toList());
            optionOrders.add(
                    sectionC.get(0).options().stream().map(ChoiceOption::id).toList());
        }
        assertTrue(optionOrders.size() > 1);
    }

    @Test
    void theKioskGetsSectionBoundariesTimeLimitsIrreversibilityAndCaseLocksThroughThePackage() {
        PaperContent packaged = Wire.decode(Wire.encode(PaperContent.of(paper())), PaperContent.class);
        List<DeliveredSection> sections = packaged.sections();
        assertEquals(
                List.of("A", "B", "C"),
                sections.stream().map(DeliveredSection::id).toList());
        assertEquals(
                List.of(6, 9, 4), sections.stream().map(DeliveredSection::size).toList());
        DeliveredSection cases = sections.get(1);
        assertTrue(cases.irreversible());
        assertEquals(20, cases.timeLimitMinutes());
        assertEquals("病例题", cases.title().zh());
        assertNull(sections.get(0).timeLimitMinutes());
        assertTrue(sections.get(2).keepOrder());
        DeliveredItem caseQuestion = packaged.items().stream()
                .filter(i -> i.id().equals("case2-1"))
                .findFirst()
                .orElseThrow();
        assertTrue(caseQuestion.group().locksOnceAnswered());
        assertTrue(caseQuestion.section().irreversible());

        for (long seed : new long[] {3, 99, -1}) {
            OpenedPaper opened =
                    OpenedPaper.of(packaged, new Sitting("p", "pkg", seed, List.of(), 0, null, null, List.of()));
            assertEquals(CandidatePaper.deliver(paper(), seed), opened.items(), "seed " + seed);
            assertEquals(sections, CandidatePaper.sections(opened.items()));
        }
    }

    @Test
    void aPackageBuiltBeforeSectionsReadsAsOneShuffledSection() {
        String json = new String(
                        Wire.encode(
                                PaperContent.of(new Paper("old", LocalizedText.of("旧", "old"), 30, paper().items()))),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll(",\"section\":\\{[^{}]*\\{[^{}]*\\}[^{}]*\\}", "");
        assertTrue(!json.contains("\"section\""), json);
        PaperContent old = Wire.decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), PaperContent.class);
        assertEquals(1, old.sections().size());
        assertEquals(PaperSection.WHOLE, old.sections().get(0).id());
        assertEquals(19, old.sections().get(0).size());
        List<DeliveredItem> ordered = CandidatePaper.inCandidateOrder(old.items(), 5);
        assertEquals(19, ordered.size());
        assertTrue(!ordered.get(0).id().equals("a0") || !ordered.get(1).id().equals("a1"), "shuffled across the paper");
    }
}

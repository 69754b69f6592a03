package org.readroom.core.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.protocol.DeliveredItem;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;

class CandidatePaperTest {

    private static Paper paper() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<ChoiceOption> options = List.of(
                    new ChoiceOption("A", LocalizedText.of("甲" + i, "a")),
                    new ChoiceOption("B", LocalizedText.of("乙" + i, "b")),
                    new ChoiceOption("C", LocalizedText.of("丙" + i, "c")),
                    new ChoiceOption("D", LocalizedText.of("丁" + i, "d")));
            items.add(new SingleChoiceItem("q" + i, LocalizedText.of("题" + i, "q" + i), options, "C", 1, List.of()));
        }
        return new Paper("p", LocalizedText.of("试卷", "paper"), 30, items);
    }

    @Test
    void theSameSeedGivesTheSameOrder() {
        assertEquals(CandidatePaper.deliver(paper(), 42), CandidatePaper.deliver(paper(), 42));
    }

    @Test
    void aKioskOrderingThePackagedPaperGetsWhatTheCandidatesSeedGivesAndOptionsMoveToo() {
        // The package travels through JSON in authoring order; the kiosk orders it with the seed alone.
        PaperContent packaged = Wire.decode(Wire.encode(PaperContent.of(paper())), PaperContent.class);
        for (long seed : new long[] {1, 7, 42, -5, Long.MAX_VALUE}) {
            OpenedPaper opened = OpenedPaper.of(
                    packaged,
                    new org.readroom.core.protocol.Messages.Sitting(
                            "p", "pkg", seed, List.of(), 0, null, null, List.of()));
            assertEquals(CandidatePaper.deliver(paper(), seed), opened.items(), "seed " + seed);
        }
        Set<List<String>> optionOrders = new java.util.HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            optionOrders.add(CandidatePaper.deliver(paper(), seed).get(0).options().stream()
                    .map(ChoiceOption::id)
                    .toList());
        }
        assertTrue(optionOrders.size() > 1, "option order follows the seed as well");
    }

    @Test
    void aPackageOfAnotherPaperIsRefused() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> OpenedPaper.of(
                        PaperContent.of(paper()),
                        new org.readroom.core.protocol.Messages.Sitting(
                                "other", "pkg", 1, List.of(), 0, null, null, List.of())));
        assertTrue(refused.getMessage().contains("holds paper p,"), refused.getMessage());
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        assertNotEquals(ids(CandidatePaper.deliver(paper(), 1)), ids(CandidatePaper.deliver(paper(), 2)));
    }

    @Test
    void everyItemIsDeliveredOnceAndNumberedInOrder() {
        List<DeliveredItem> delivered = CandidatePaper.deliver(paper(), 7);
        assertEquals(Set.copyOf(ids(paper().items().stream().map(i -> i.id()).toList())), Set.copyOf(ids(delivered)));
        for (int i = 0; i < delivered.size(); i++) {
            assertEquals(i + 1, delivered.get(i).number());
        }
    }

    @Test
    void theDeliveredPaperCarriesNoAnswerKey() {
        String json =
                new String(Wire.encode(CandidatePaper.deliver(paper(), 7)), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(json.contains("correct"), json);
    }

    private static List<String> ids(List<?> items) {
        return items.stream()
                .map(o -> o instanceof DeliveredItem d ? d.id() : o.toString())
                .collect(Collectors.toList());
    }
}

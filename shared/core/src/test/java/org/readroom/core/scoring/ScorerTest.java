package org.readroom.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.text.LocalizedText;

class ScorerTest {

    private static final LocalizedText STEM = LocalizedText.of("题干", "stem");
    private static final List<ChoiceOption> OPTIONS = List.of(
            new ChoiceOption("A", LocalizedText.of("甲", "a")),
            new ChoiceOption("B", LocalizedText.of("乙", "b")),
            new ChoiceOption("C", LocalizedText.of("丙", "c")));

    @Test
    void singleChoiceEarnsFullMarksOnlyForTheKey() {
        SingleChoiceItem item = new SingleChoiceItem("q1", STEM, OPTIONS, "B", 2, List.of());
        assertEquals(2, Scorer.score(item, new Answer("q1", Set.of("B"), "")).awarded());
        assertEquals(0, Scorer.score(item, new Answer("q1", Set.of("A"), "")).awarded());
        assertEquals(0, Scorer.score(item, null).awarded());
    }

    @Test
    void multipleChoiceIsAllOrNothing() {
        MultipleChoiceItem item = new MultipleChoiceItem("q2", STEM, OPTIONS, Set.of("A", "C"), 3, List.of());
        assertEquals(
                3, Scorer.score(item, new Answer("q2", Set.of("C", "A"), "")).awarded());
        assertEquals(0, Scorer.score(item, new Answer("q2", Set.of("A"), "")).awarded());
        assertEquals(
                0,
                Scorer.score(item, new Answer("q2", Set.of("A", "B", "C"), "")).awarded());
    }

    @Test
    void fillInAcceptsFullWidthAndCaseVariantsOfAnAcceptedAnswer() {
        FillInItem item = new FillInItem("q3", STEM, List.of("HU", "Hounsfield unit"), 1, List.of());
        assertEquals(1, Scorer.score(item, new Answer("q3", Set.of(), " ｈｕ ")).awarded());
        assertEquals(
                1,
                Scorer.score(item, new Answer("q3", Set.of(), "hounsfield   UNIT"))
                        .awarded());
        assertEquals(0, Scorer.score(item, new Answer("q3", Set.of(), "mm")).awarded());
    }

    @Test
    void shortAnswerAwaitsMarkingWithNothingAwarded() {
        ShortAnswerItem item = new ShortAnswerItem("q4", STEM, LocalizedText.of("参考", "model"), 4, List.of());
        ItemScore score = Scorer.score(item, new Answer("q4", Set.of(), "右肺结节"));
        assertEquals(ScoreStatus.AWAITING_MARKING, score.status());
        assertEquals(0, score.awarded());
        assertEquals(4, score.max());
    }

    @Test
    void anAnswerForAnotherItemIsRefused() {
        SingleChoiceItem item = new SingleChoiceItem("q1", STEM, OPTIONS, "B", 2, List.of());
        assertThrows(IllegalArgumentException.class, () -> Scorer.score(item, new Answer("q9", Set.of("B"), "")));
    }

    @Test
    void fullWidthLettersAndDigitsEqualTheirHalfWidthLowerCase() {
        assertEquals("abc12", TextNormalizer.normalize("ＡＢＣ１２"));
        assertEquals("a b", TextNormalizer.normalize("Ａ\u3000\u3000B"));
    }
}

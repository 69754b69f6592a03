package org.readroom.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.FillInRules;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.NumericItem;
import org.readroom.core.bank.PartialCredit;
import org.readroom.core.bank.SampleItems;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.text.LocalizedText;

/** The scoring rule of each objective type, as a candidate's answer meets it. */
class ItemRulesTest {

    private static double score(org.readroom.core.bank.Item item, Set<String> choices, String text) {
        return Scorer.score(item, new Answer(item.id(), choices, text)).awarded();
    }

    @Test
    void multipleChoicePerOptionCountsEachOptionJudgedRight() {
        // Key A,C of A-E, worth 4: each of the 5 options is worth 0.8.
        MultipleChoiceItem item = SampleItems.multiple("m", PartialCredit.PER_OPTION);
        assertEquals(4, score(item, Set.of("A", "C"), ""));
        assertEquals(3.2, score(item, Set.of("A"), ""), 1e-9); // C missed
        assertEquals(2.4, score(item, Set.of("A", "B"), ""), 1e-9); // C missed, B wrong
        assertEquals(0, score(item, Set.of(), ""), "a blank answer earns nothing under every rule");
    }

    @Test
    void multipleChoiceRightMinusWrongLeavesNothingForGuessingEverything() {
        MultipleChoiceItem item = SampleItems.multiple("m", PartialCredit.RIGHT_MINUS_WRONG);
        assertEquals(4, score(item, Set.of("A", "C"), ""));
        assertEquals(2, score(item, Set.of("A"), ""), 1e-9);
        assertEquals(4 * (0.5 - 1.0 / 3), score(item, Set.of("A", "B"), ""), 1e-4);
        assertEquals(0, score(item, Set.of("A", "B", "C", "D", "E"), ""));
        assertEquals(0, score(item, Set.of("B", "D"), ""));
    }

    @Test
    void multipleChoiceAllOrNothingNeedsExactlyTheKey() {
        MultipleChoiceItem item = SampleItems.multiple("m", PartialCredit.ALL_OR_NOTHING);
        assertEquals(4, score(item, Set.of("C", "A"), ""));
        assertEquals(0, score(item, Set.of("A"), ""));
        assertEquals(0, score(item, Set.of("A", "C", "D"), ""));
    }

    @Test
    void trueFalseIsScoredByTheChosenOption() {
        TrueFalseItem item = SampleItems.trueFalse("t");
        assertEquals(1, score(item, Set.of(TrueFalseItem.TRUE), ""));
        assertEquals(0, score(item, Set.of(TrueFalseItem.FALSE), ""));
        assertEquals(0, score(item, Set.of(TrueFalseItem.TRUE, TrueFalseItem.FALSE), ""));
    }

    @Test
    void fullWidthAbc12EqualsAbc12() {
        FillInItem item = new FillInItem("f", LocalizedText.of("填", "fill"), List.of("abc12"), 1, List.of());
        assertEquals(1, score(item, Set.of(), "ＡＢＣ１２"));
        assertEquals("abc12", TextNormalizer.normalize("ＡＢＣ１２"));
    }

    @Test
    void fillInIgnoresPunctuationAndSpacesButKeepsDecimalPoints() {
        assertEquals("右肺上叶 结节", TextNormalizer.normalize("右肺上叶，结节。"));
        assertEquals("1.5 cm", TextNormalizer.normalize("1.5 cm."));
        FillInRules noSpaces = new FillInRules(false, false, true, List.of());
        assertEquals("右肺上叶结节", TextNormalizer.normalize(" 右肺 上叶　结节 ", noSpaces));
        FillInRules strict = new FillInRules(true, true, false, List.of());
        assertEquals("HU.", TextNormalizer.normalize("HU.", strict));
        FillInItem caseSensitive = new FillInItem(
                "f", LocalizedText.of("填", "fill"), List.of("T1WI"), strict, 1, List.of(), ItemInfo.NONE);
        assertEquals(0, score(caseSensitive, Set.of(), "t1wi"));
        assertEquals(1, score(caseSensitive, Set.of(), "Ｔ１ＷＩ"));
    }

    @Test
    void synonymsCountAsTheSameTermInsideAnAnswer() {
        FillInRules rules =
                new FillInRules(false, false, true, List.of(List.of("右肺上叶", "右上肺", "rul"), List.of("ct", "计算机断层")));
        FillInItem item = new FillInItem(
                "f", LocalizedText.of("部位", "where"), List.of("右肺上叶结节"), rules, 1, List.of(), ItemInfo.NONE);
        assertEquals(1, score(item, Set.of(), "右上肺 结节"));
        assertEquals(1, score(item, Set.of(), "RUL结节"));
        assertEquals(0, score(item, Set.of(), "左上肺结节"));
        assertEquals(1, score(SampleItems.fillIn("f2"), Set.of(), "Hounsfield Units"));
        // Regression: with synonyms MRI = MR, the accepted "MRI" was read as "MR" + "I" and a right answer failed.
        FillInItem mri = new FillInItem(
                "mri",
                LocalizedText.of("检查", "study"),
                List.of("MRI"),
                new FillInRules(false, false, false, List.of(List.of("MRI", "MR"))),
                1,
                List.of(),
                ItemInfo.NONE);
        assertEquals(1, score(mri, Set.of(), "MR"));
        assertEquals(1, score(mri, Set.of(), "mri"));
    }

    @Test
    void numericAcceptsAnythingWithinTheToleranceWithOrWithoutTheUnit() {
        NumericItem item = SampleItems.numeric("n"); // 18 mm ± 2
        assertEquals(3, score(item, Set.of(), "18"));
        assertEquals(3, score(item, Set.of(), "16 mm"));
        assertEquals(3, score(item, Set.of(), "２０ｍｍ"));
        assertEquals(3, score(item, Set.of(), "19,5"));
        assertEquals(0, score(item, Set.of(), "20.1"));
        assertEquals(0, score(item, Set.of(), "18 cm"));
        assertEquals(0, score(item, Set.of(), "about 18"));
        assertEquals(3, score(item, Set.of(), "18 毫米"));
        assertEquals(3, score(item, Set.of(), "17.5 mm."));
        NumericItem big = new NumericItem("b", LocalizedText.of("测", "m"), 1000, 5, "HU", 1, List.of(), null);
        assertEquals(1, score(big, Set.of(), "1,000 HU"), "a thousands separator, not a decimal comma");
        NumericItem negative = new NumericItem("neg", LocalizedText.of("测", "m"), -50, 5, "HU", 1, List.of(), null);
        assertEquals(1, score(negative, Set.of(), "\u221250"), "the Unicode minus sign");
        NumericItem exact = new NumericItem("e", LocalizedText.of("测", "m"), 17.9, 0.1, "", 1, List.of(), null);
        assertEquals(1, score(exact, Set.of(), "18.0"), "18.0 lies on the edge of 17.9 ± 0.1");
    }

    @Test
    void hotspotNeedsAMarkInsideTheRegionOnTheRightFrame() {
        HotspotItem item = SampleItems.hotspot("h"); // ellipse at (300,200) radii 20x15 on frame 1
        assertEquals(2, score(item, Set.of(), HotspotItem.answerText(1, 300, 200)));
        assertEquals(2, score(item, Set.of(), HotspotItem.answerText(1, 320, 200)), "boundary counts as inside");
        assertEquals(0, score(item, Set.of(), HotspotItem.answerText(0, 300, 200)), "wrong frame");
        assertEquals(0, score(item, Set.of(), HotspotItem.answerText(1, 321, 200)));
        assertEquals(0, score(item, Set.of(), "somewhere"));
        HotspotItem polygon = new HotspotItem(
                "p",
                LocalizedText.of("标", "mark"),
                "CT-0001",
                0,
                512,
                512,
                new HotspotRegion.PolygonRegion(List.of(new Point(10, 10), new Point(50, 10), new Point(10, 50))),
                1,
                List.of(SampleItems.CHEST_CT),
                null);
        assertEquals(1, score(polygon, Set.of(), "0:15,15"));
        assertEquals(0, score(polygon, Set.of(), "0:45,45"));
    }

    @Test
    void groupsAreScoredThroughTheirQuestions() {
        MatchingItem b1 = SampleItems.matching("b");
        assertThrows(IllegalArgumentException.class, () -> Scorer.score(b1, null));
        assertEquals(2, score(b1.parts().get(2), Set.of("E"), ""));
        assertEquals(0, score(b1.parts().get(2), Set.of("A"), ""));
    }

    @Test
    void writtenTypesAwaitMarking() {
        assertEquals(
                ScoreStatus.AWAITING_MARKING,
                Scorer.score(SampleItems.report("r"), new Answer("r", Set.of(), "所见"))
                        .status());
        assertEquals(
                ScoreStatus.AWAITING_MARKING,
                Scorer.score(SampleItems.shortAnswer("s"), null).status());
    }
}

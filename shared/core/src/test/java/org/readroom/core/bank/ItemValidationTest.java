package org.readroom.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.readroom.core.imaging.Ellipse;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.imaging.Point;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;

class ItemValidationTest {

    private static final LocalizedText STEM = LocalizedText.of("题干", "stem");

    private static void refused(String expectedPart, Supplier<?> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    }

    @Test
    void everyTypeRoundTripsThroughTheWireFormat() {
        List<Item> items = SampleItems.everyType();
        assertEquals(
                EnumSet.allOf(ItemType.class),
                EnumSet.copyOf(items.stream().map(Item::type).toList()));
        for (Item item : items) {
            byte[] json = Wire.encode(item);
            assertTrue(new String(json, java.nio.charset.StandardCharsets.UTF_8)
                    .contains("\"type\":\"" + item.type().wireName() + "\""));
            assertEquals(item, Wire.decode(json, Item.class), item.type().name());
            assertTrue(
                    !new String(json, java.nio.charset.StandardCharsets.UTF_8).contains("\"group\""),
                    "isGroup() is not a field of the bank format");
        }
    }

    @Test
    void duplicateOptionIdsAreRefusedNamingTheItem() {
        refused(
                "item q1: options: duplicate option id A",
                () -> new SingleChoiceItem("q1", STEM, SampleItems.options("A", "A", "B"), "A", 1, List.of()));
    }

    @Test
    void aKeyNamingAnUnknownOptionIsRefused() {
        refused(
                "item q1: answer key names unknown option F",
                () -> new SingleChoiceItem("q1", STEM, SampleItems.options("A", "B"), "F", 1, List.of()));
        refused(
                "answer key names unknown option Z",
                () -> new MultipleChoiceItem(
                        "q2", STEM, SampleItems.options("A", "B", "C"), Set.of("A", "Z"), 1, List.of()));
    }

    @Test
    void aMissingKeyIsRefused() {
        refused(
                "answer key names unknown option null",
                () -> new SingleChoiceItem("q1", STEM, SampleItems.options("A", "B"), null, 1, List.of()));
        refused("acceptedAnswers", () -> new FillInItem("q3", STEM, List.of(), 1, List.of()));
        refused(
                "needs at least 2 correct options",
                () -> new MultipleChoiceItem(
                        "q2", STEM, SampleItems.options("A", "B", "C"), Set.of("A"), 1, List.of()));
    }

    @Test
    void marksMustBePositive() {
        refused("marks must be > 0", () -> new TrueFalseItem("t", STEM, true, 0, List.of(), null));
    }

    @Test
    void aNegativeToleranceIsRefused() {
        refused(
                "item n: tolerance must be >= 0, was -1.0",
                () -> new NumericItem("n", STEM, 18, -1, "mm", 1, List.of(), null));
    }

    @Test
    void aHotspotOutsideTheImageIsRefused() {
        refused(
                "region lies outside the 512x512 image",
                () -> new HotspotItem(
                        "h",
                        STEM,
                        "CT-0001",
                        0,
                        512,
                        512,
                        new HotspotRegion.EllipseRegion(new Ellipse(new Point(500, 200), 20, 15)),
                        1,
                        List.of(SampleItems.CHEST_CT),
                        null));
    }

    @Test
    void aHotspotMustNameOneOfItsSeriesAndAnExistingFrame() {
        refused(
                "seriesId MR-9 is not one of the item's images",
                () -> new HotspotItem(
                        "h",
                        STEM,
                        "MR-9",
                        0,
                        512,
                        512,
                        new HotspotRegion.PointRegion(new Point(10, 10)),
                        1,
                        List.of(SampleItems.CHEST_CT),
                        null));
        refused(
                "frame must be 0..1 for series CT-0001, was 2",
                () -> new HotspotItem(
                        "h",
                        STEM,
                        "CT-0001",
                        2,
                        512,
                        512,
                        new HotspotRegion.PointRegion(new Point(10, 10)),
                        1,
                        List.of(SampleItems.CHEST_CT),
                        null));
    }

    @Test
    void aRubricMustAddUpToTheMarks() {
        refused(
                "rubric: points add up to 3.0 but the item is worth 4.0",
                () -> new ShortAnswerItem(
                        "s",
                        STEM,
                        STEM,
                        List.of(new RubricPoint("a", STEM, 1), new RubricPoint("b", STEM, 2)),
                        4,
                        List.of(),
                        null));
        refused(
                "rubric: at least one key finding",
                () -> new ReportItem("r", STEM, STEM, STEM, List.of(), 4, List.of(), null));
    }

    @Test
    void groupsNeedDistinctSingleQuestions() {
        refused(
                "a case cluster needs 2..12 questions, has 1",
                () -> new CaseClusterItem("c", STEM, List.of(), List.of(SampleItems.single("c-1")), false, null));
        refused(
                "duplicate question id x",
                () -> new CaseClusterItem(
                        "c",
                        STEM,
                        List.of(),
                        List.of(SampleItems.single("x"), SampleItems.trueFalse("x")),
                        false,
                        null));
        refused(
                "is itself a group",
                () -> new CaseClusterItem(
                        "c",
                        STEM,
                        List.of(),
                        List.of(SampleItems.single("x"), SampleItems.matching("b")),
                        false,
                        null));
        refused(
                "item m-1: answer key names unknown option Q",
                () -> new MatchingItem(
                        "m",
                        STEM,
                        SampleItems.options("A", "B"),
                        List.of(new MatchingQuestion("m-1", STEM, "Q", 1), new MatchingQuestion("m-2", STEM, "A", 1)),
                        List.of(),
                        null));
    }

    @Test
    void groupsAreWorthTheirQuestionsAndOpenIntoThem() {
        CaseClusterItem cluster = SampleItems.cluster("c1");
        assertEquals(3, cluster.marks());
        assertEquals(
                List.of("c1-1", "c1-2"), cluster.parts().stream().map(Item::id).toList());
        MatchingItem b1 = SampleItems.matching("b1");
        assertEquals(4, b1.marks());
        Item first = b1.parts().get(0);
        assertEquals(b1.options(), first.options());
        assertEquals(ItemType.SINGLE_CHOICE, first.type());
        assertTrue(b1.isGroup());
        assertTrue(!first.isGroup());
    }

    @Test
    void aReportAnswerKeepsFindingsAndImpressionApart() {
        String text = ReportItem.answerText(" 右肺上叶结节，约18 mm。\n边缘毛刺。 ", "考虑肺癌");
        assertTrue(text.contains(ReportItem.IMPRESSION_HEADING));
        String[] parts = ReportItem.answerParts(text);
        assertEquals("右肺上叶结节，约18 mm。\n边缘毛刺。", parts[0]);
        assertEquals("考虑肺癌", parts[1]);
        assertEquals("free text", ReportItem.answerParts("free text")[0]);
        assertEquals("", ReportItem.answerParts("free text")[1]);
    }

    @Test
    void topicsAreReadAsAPathAndMatchTheirSubtree() {
        Topic nodule = Topic.parse("胸部 / 肺 / 肺结节");
        assertEquals("胸部/肺/肺结节", nodule.path());
        assertTrue(nodule.isWithin(Topic.parse("胸部")));
        assertTrue(nodule.isWithin(Topic.parse("胸部/肺")));
        assertTrue(!Topic.parse("胸部").isWithin(nodule));
        assertTrue(!nodule.isWithin(Topic.parse("神经")));
        refused("topic.subspecialty: must be given when diagnosis is", () -> new Topic("胸部", null, "肺结节"));
        refused("at most 3 levels", () -> Topic.parse("a/b/c/d"));
    }

    @Test
    void difficultyAndRulesAreReadFromTeachersWords() {
        assertEquals(Difficulty.HARD, Difficulty.parse("难"));
        assertEquals(Difficulty.EASY, Difficulty.parse(" Easy "));
        assertEquals(null, Difficulty.parse("very hard"));
        assertEquals(PartialCredit.RIGHT_MINUS_WRONG, PartialCredit.parse("right_minus_wrong"));
        assertEquals(ItemType.CASE_CLUSTER, ItemType.parse("case_cluster"));
        assertEquals(null, ItemType.parse("essay"));
    }
}

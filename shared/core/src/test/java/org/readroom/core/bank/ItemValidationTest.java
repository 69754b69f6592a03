package org.readroom.core.bank;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.readroom.core.text.LocalizedText;

class ItemValidationTest {

    private static final LocalizedText STEM = LocalizedText.of("题干", "stem");
    private static final ChoiceOption A = new ChoiceOption("A", LocalizedText.of("甲", "a"));
    private static final ChoiceOption B = new ChoiceOption("B", LocalizedText.of("乙", "b"));

    @Test
    void keyNamingAnUnknownOptionIsRefusedWithTheOptionId() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new SingleChoiceItem("q1", STEM, List.of(A, B), "Z", 1, List.of()));
        assertTrue(e.getMessage().contains("q1") && e.getMessage().contains("Z"), e.getMessage());
    }

    @Test
    void duplicateOptionIdsAreRefused() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new SingleChoiceItem("q1", STEM, List.of(A, A), "A", 1, List.of()));
        assertTrue(e.getMessage().contains("duplicate option id A"), e.getMessage());
    }

    @Test
    void multipleChoiceNeedsAtLeastTwoKeys() {
        ChoiceOption c = new ChoiceOption("C", LocalizedText.of("丙", "c"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MultipleChoiceItem("q2", STEM, List.of(A, B, c), Set.of("A"), 1, List.of()));
    }

    @Test
    void nonPositiveMarksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FillInItem("q3", STEM, List.of("HU"), 0, List.of()));
    }

    @Test
    void seriesAssetsMustBeSha256Digests() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> new SeriesRef("s1", "", List.of("not-a-digest"), null, null));
        assertTrue(e.getMessage().contains("not-a-digest"), e.getMessage());
    }

    @Test
    void textNeedsAtLeastOneLanguage() {
        assertThrows(IllegalArgumentException.class, () -> LocalizedText.of(" ", ""));
    }
}

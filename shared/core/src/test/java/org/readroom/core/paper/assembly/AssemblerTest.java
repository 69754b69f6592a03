package org.readroom.core.paper.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.Difficulty;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.ItemType;
import org.readroom.core.bank.SampleItems;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.bank.Topic;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.paper.Paper;
import org.readroom.core.paper.PaperSection;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;

class AssemblerTest {

    private static final LocalizedText TITLE = LocalizedText.of("模拟考试", "mock exam");
    private static final Topic LUNG = Topic.parse("胸部/肺");
    private static final Topic CHEST = Topic.parse("胸部");

    private static SingleChoiceItem single(String id, String topic, Difficulty difficulty) {
        return new SingleChoiceItem(
                id,
                LocalizedText.of("题" + id, "q " + id),
                SampleItems.options("A", "B", "C", "D"),
                "A",
                1,
                List.of(),
                new ItemInfo(Topic.parse(topic), difficulty, List.of()));
    }

    private static TrueFalseItem trueFalse(String id, String topic, Difficulty difficulty) {
        return new TrueFalseItem(
                id,
                LocalizedText.of("判断" + id, "tf " + id),
                true,
                1,
                List.of(),
                new ItemInfo(Topic.parse(topic), difficulty, List.of()));
    }

    private static CaseClusterItem caseCluster(String id) {
        return new CaseClusterItem(
                id,
                LocalizedText.of("病例" + id, "case " + id),
                List.of(),
                List.of(single(id + "-1", "胸部/肺", Difficulty.HARD), single(id + "-2", "胸部/肺", Difficulty.HARD)),
                true,
                new ItemInfo(LUNG, Difficulty.HARD, List.of()));
    }

    /**
     * 8 hard lung singles, 6 easy lung singles, 5 medium mediastinum singles, 10 easy neuro singles, 6 neuro
     * true/false, 3 case clusters (hard lung, 2 questions each).
     */
    private static List<Item> bank() {
        List<Item> bank = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bank.add(single("lung-hard-" + i, "胸部/肺/肺结节", Difficulty.HARD));
        }
        for (int i = 0; i < 6; i++) {
            bank.add(single("lung-easy-" + i, "胸部/肺", Difficulty.EASY));
        }
        for (int i = 0; i < 5; i++) {
            bank.add(single("medi-" + i, "胸部/纵隔", Difficulty.MEDIUM));
        }
        for (int i = 0; i < 10; i++) {
            bank.add(single("neuro-" + i, "神经/脑血管", Difficulty.EASY));
        }
        for (int i = 0; i < 6; i++) {
            bank.add(trueFalse("tf-" + i, "神经", Difficulty.MEDIUM));
        }
        for (int i = 0; i < 3; i++) {
            bank.add(caseCluster("case-" + i));
        }
        return bank;
    }

    private static SectionBlueprint section(String id, List<String> fixed, DrawRule... rules) {
        return new SectionBlueprint(
                id, LocalizedText.of(id + "部分", "part " + id), null, false, fixed, List.of(rules), null);
    }

    private static PaperBlueprint blueprint(long seed, SectionBlueprint... sections) {
        return new PaperBlueprint("mock", TITLE, 120, List.of(sections), null, seed);
    }

    private static AssemblyException refused(PaperBlueprint blueprint, List<Item> bank) {
        return assertThrows(AssemblyException.class, () -> Assembler.assemble(blueprint, bank));
    }

    private static List<String> ids(Paper paper, String section) {
        return paper.sections().stream()
                .filter(s -> s.id().equals(section))
                .findFirst()
                .orElseThrow()
                .itemIds();
    }

    @Test
    void aSatisfiableBlueprintGivesTheRightCountsPerTypeTopicAndDifficulty() {
        PaperBlueprint blueprint = blueprint(
                7,
                section(
                        "A",
                        List.of(),
                        new DrawRule(3, ItemType.SINGLE_CHOICE, LUNG, Difficulty.HARD),
                        new DrawRule(2, ItemType.SINGLE_CHOICE, CHEST, Difficulty.MEDIUM),
                        new DrawRule(4, ItemType.TRUE_FALSE, null, null)),
                section("B", List.of(), new DrawRule(2, ItemType.CASE_CLUSTER, null, null)));
        Paper paper = Assembler.assemble(blueprint, bank());

        List<Item> a = paper.items().subList(0, 9);
        assertEquals(
                List.of("A", "B"),
                paper.sections().stream().map(PaperSection::id).toList());
        assertEquals(9, ids(paper, "A").size());
        assertEquals(3, a.stream().filter(i -> i.id().startsWith("lung-hard-")).count());
        assertEquals(2, a.stream().filter(i -> i.id().startsWith("medi-")).count());
        assertEquals(4, a.stream().filter(i -> i.type() == ItemType.TRUE_FALSE).count());
        assertTrue(a.stream().limit(5).allMatch(i -> i.info().topic().isWithin(CHEST)));
        assertEquals(2, ids(paper, "B").size());
        assertTrue(ids(paper, "B").stream().allMatch(id -> id.startsWith("case-")));
    }

    @Test
    void anUnmetRuleIsNamedWithItsSectionItsWordsAndWhatTheBankHas() {
        AssemblyException e = refused(
                blueprint(
                        1,
                        section("A", List.of(), new DrawRule(1, ItemType.SINGLE_CHOICE, null, null)),
                        section(
                                "B",
                                List.of(),
                                new DrawRule(2, ItemType.TRUE_FALSE, null, null),
                                new DrawRule(3, ItemType.SINGLE_CHOICE, LUNG, Difficulty.MEDIUM))),
                bank());
        assertEquals(
                List.of("section B rule 2 (3 × single_choice, topic 胸部/肺, medium): the bank has 0 such items not"
                        + " already used (needs 3)"),
                e.problems());
        assertEquals("mock", e.paperId());
    }

    @Test
    void twoUnmetRulesAreBothListedInSectionAndRuleOrder() {
        List<Item> bank = new ArrayList<>(bank());
        bank.add(single("lung-medium-0", "胸部/肺/肺炎", Difficulty.MEDIUM));
        AssemblyException e = refused(
                blueprint(
                        1,
                        section("A", List.of(), new DrawRule(7, ItemType.TRUE_FALSE, null, null)),
                        section("B", List.of(), new DrawRule(3, ItemType.SINGLE_CHOICE, LUNG, Difficulty.MEDIUM))),
                bank);
        assertEquals(
                List.of(
                        "section A rule 1 (7 × true_false): the bank has 6 such items not already used (needs 7)",
                        "section B rule 1 (3 × single_choice, topic 胸部/肺, medium): the bank has 1 such item not"
                                + " already used (needs 3)"),
                e.problems());
    }

    @Test
    void fixedItemsComeFirstAreNeverDrawnAgainAndCountAsUsed() {
        List<String> fixed = List.of("lung-hard-3", "lung-hard-5");
        Paper paper = Assembler.assemble(
                blueprint(3, section("A", fixed, new DrawRule(6, ItemType.SINGLE_CHOICE, LUNG, Difficulty.HARD))),
                bank());
        List<String> ids = ids(paper, "A");
        assertEquals(fixed, ids.subList(0, 2));
        assertEquals(8, new HashSet<>(ids).size());

        AssemblyException e = refused(
                blueprint(3, section("A", fixed, new DrawRule(7, ItemType.SINGLE_CHOICE, LUNG, Difficulty.HARD))),
                bank());
        assertEquals(
                List.of("section A rule 1 (7 × single_choice, topic 胸部/肺, hard): the bank has 6 such items not"
                        + " already used (needs 7)"),
                e.problems());
    }

    @Test
    void unknownAndRepeatedFixedItemsAreReported() {
        AssemblyException e = refused(
                blueprint(1, section("A", List.of("neuro-1", "no-such", "neuro-1")), section("B", List.of("neuro-1"))),
                bank());
        assertEquals(
                List.of(
                        "section A: item no-such is not in the bank",
                        "section A: item neuro-1 is listed twice",
                        "section B: item neuro-1 is already in section A"),
                e.problems());
    }

    @Test
    void theSameSeedGivesTheSamePaperWhateverOrderTheBankIsIn() {
        PaperBlueprint blueprint = blueprint(
                42,
                section("A", List.of(), new DrawRule(5, ItemType.SINGLE_CHOICE, null, null)),
                section("B", List.of(), new DrawRule(1, ItemType.CASE_CLUSTER, null, null)));
        Paper first = Assembler.assemble(blueprint, bank());
        for (int i = 0; i < 10; i++) {
            List<Item> shuffled = new ArrayList<>(bank());
            Collections.shuffle(shuffled, new Random(i));
            assertEquals(first, Assembler.assemble(blueprint, shuffled), "bank order " + i);
        }
    }

    @Test
    void differentSeedsDrawDifferentItems() {
        Set<Set<String>> draws = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            Paper paper = Assembler.assemble(
                    blueprint(seed, section("A", List.of(), new DrawRule(5, ItemType.SINGLE_CHOICE, null, null))),
                    bank());
            draws.add(Set.copyOf(ids(paper, "A")));
        }
        // 5 of 29 single questions: 20 seeds should hardly ever repeat a draw.
        assertTrue(draws.size() >= 18, "different draws over 20 seeds: " + draws.size());
    }

    @Test
    void aTopicRuleMatchesItsWholeSubtreeAndNothingElse() {
        Paper paper = Assembler.assemble(
                blueprint(5, section("A", List.of(), new DrawRule(19, ItemType.SINGLE_CHOICE, CHEST, null))), bank());
        assertEquals(19, ids(paper, "A").size());
        assertTrue(paper.items().stream().allMatch(i -> i.id().startsWith("lung-") || i.id().startsWith("medi-")));

        AssemblyException e = refused(
                blueprint(5, section("A", List.of(), new DrawRule(20, ItemType.SINGLE_CHOICE, CHEST, null))), bank());
        assertTrue(
                e.problems().get(0).endsWith("the bank has 19 such items not already used (needs 20)"),
                e.problems().toString());
    }

    @Test
    void aGenericRuleListedBeforeASpecificOneDoesNotTakeTheSpecificRulesItems() {
        // Every hard lung single is needed by section B; section A's "any single" must draw from the others.
        for (long seed = 0; seed < 30; seed++) {
            Paper paper = Assembler.assemble(
                    blueprint(
                            seed,
                            section("A", List.of(), new DrawRule(21, ItemType.SINGLE_CHOICE, null, null)),
                            section("B", List.of(), new DrawRule(8, ItemType.SINGLE_CHOICE, LUNG, Difficulty.HARD))),
                    bank());
            assertTrue(ids(paper, "B").stream().allMatch(id -> id.startsWith("lung-hard-")), "seed " + seed);
            assertEquals(29, paper.items().size());
        }
    }

    @Test
    void rulesOfEqualSpecificityThatShareItemsAreSolvedTogether() {
        // "1 hard" can only have x; "1 lung" can have x or y. Whichever the seed offers "1 lung" first, both are met.
        List<Item> bank = List.of(
                single("x", "胸部/肺", Difficulty.HARD),
                single("y", "胸部/肺", Difficulty.EASY),
                single("z", "神经", Difficulty.EASY));
        for (long seed = 0; seed < 20; seed++) {
            Paper paper = Assembler.assemble(
                    blueprint(
                            seed,
                            section("A", List.of(), new DrawRule(1, null, CHEST, null)),
                            section("B", List.of(), new DrawRule(1, null, null, Difficulty.HARD))),
                    bank);
            assertEquals(List.of("y"), ids(paper, "A"), "seed " + seed);
            assertEquals(List.of("x"), ids(paper, "B"), "seed " + seed);
        }
    }

    @Test
    void rulesCompetingForTooFewItemsNameEachOther() {
        AssemblyException e = refused(
                blueprint(
                        1,
                        section("A", List.of(), new DrawRule(5, ItemType.SINGLE_CHOICE, LUNG, Difficulty.HARD)),
                        section("B", List.of(), new DrawRule(5, ItemType.SINGLE_CHOICE, LUNG, Difficulty.HARD))),
                bank());
        assertEquals(
                List.of("section B rule 1 (5 × single_choice, topic 胸部/肺, hard): the bank has 8 such items not"
                        + " already used, but 5 of them are drawn by section A rule 1 (5 × single_choice, topic"
                        + " 胸部/肺, hard) (needs 5)"),
                e.problems());
    }

    @Test
    void aCaseClusterCountsAsOneItemAndBringsAllItsQuestions() {
        Paper paper = Assembler.assemble(
                blueprint(
                        2,
                        new SectionBlueprint(
                                "cases",
                                TITLE,
                                30,
                                true,
                                List.of(),
                                List.of(new DrawRule(2, ItemType.CASE_CLUSTER, LUNG, Difficulty.HARD)),
                                4.0)),
                bank());
        assertEquals(2, paper.items().size());
        assertEquals(4, paper.questions().size());
        PaperSection cases = paper.sections().get(0);
        assertTrue(cases.irreversible());
        assertEquals(30, cases.timeLimitMinutes());
        assertTrue(((CaseClusterItem) paper.items().get(0)).locksOnceAnswered());
    }

    @Test
    void expectedMarksThatTheDrawDoesNotGiveAreRefusedWithBothNumbers() {
        SectionBlueprint a = new SectionBlueprint(
                "A", TITLE, null, false, List.of(), List.of(new DrawRule(3, ItemType.TRUE_FALSE, null, null)), 5.0);
        AssemblyException section = refused(new PaperBlueprint("mock", TITLE, 60, List.of(a), null, 1), bank());
        assertEquals(
                List.of("paper mock: section A is expected to carry 5 marks, but its items carry 3"),
                section.problems());

        SectionBlueprint right = new SectionBlueprint(
                "A", TITLE, null, false, List.of(), List.of(new DrawRule(3, ItemType.TRUE_FALSE, null, null)), 3.0);
        AssemblyException total = refused(new PaperBlueprint("mock", TITLE, 60, List.of(right), 100.0, 1), bank());
        assertEquals(
                List.of("paper mock: expected to carry 100 marks in total, but its items carry 3"), total.problems());
        assertEquals(
                3.0,
                Assembler.assemble(new PaperBlueprint("mock", TITLE, 60, List.of(right), 3.0, 1), bank())
                        .totalMarks());
    }

    @Test
    void sectionTimeLimitsBeyondTheDurationAreReportedBesideUnmetRules() {
        SectionBlueprint a = new SectionBlueprint(
                "A", TITLE, 50, true, List.of(), List.of(new DrawRule(9, ItemType.TRUE_FALSE, null, null)), null);
        SectionBlueprint b = new SectionBlueprint("B", TITLE, 20, false, List.of("neuro-0"), List.of(), null);
        AssemblyException e = refused(new PaperBlueprint("mock", TITLE, 60, List.of(a, b), null, 1), bank());
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertEquals(
                "paper mock: the section time limits add up to 70 minutes, more than the paper's 60",
                e.problems().get(1));
    }

    @Test
    void aBlueprintReadsFromJsonWithBankWordsAndAnUnknownTypeIsRefusedByName() {
        String json = "{\"id\":\"mock\",\"title\":{\"zh\":\"模拟\",\"en\":\"mock\"},\"durationMinutes\":90,"
                + "\"seed\":9,\"expectedTotalMarks\":4,\"sections\":[{\"id\":\"A\",\"irreversible\":true,"
                + "\"timeLimitMinutes\":30,\"fixedItemIds\":[\"neuro-0\"],"
                + "\"rules\":[{\"count\":3,\"type\":\"single_choice\",\"topic\":\"胸部/肺\",\"difficulty\":\"难\"}]}]}";
        PaperBlueprint read = Wire.decode(json.getBytes(StandardCharsets.UTF_8), PaperBlueprint.class);
        DrawRule rule = read.sections().get(0).rules().get(0);
        assertEquals(new DrawRule(3, ItemType.SINGLE_CHOICE, LUNG, Difficulty.HARD), rule);
        assertEquals(read, Wire.decode(Wire.encode(read), PaperBlueprint.class));
        assertTrue(new String(Wire.encode(read), StandardCharsets.UTF_8)
                .contains("{\"count\":3,\"type\":\"single_choice\",\"topic\":\"胸部/肺\",\"difficulty\":\"hard\"}"));
        assertEquals(4, Assembler.assemble(read, bank()).items().size());

        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class,
                () -> Wire.decode(
                        json.replace("single_choice", "singel").getBytes(StandardCharsets.UTF_8),
                        PaperBlueprint.class));
        assertTrue(unknown.getMessage().contains("unknown item type 'singel'"), unknown.getMessage());
    }

    @Test
    void aBlueprintWithoutSectionsOrWithAnEmptySectionIsRefusedAtOnce() {
        IllegalArgumentException none = assertThrows(
                IllegalArgumentException.class, () -> new PaperBlueprint("mock", TITLE, 60, List.of(), null, 1));
        assertEquals("paper mock: has no sections", none.getMessage());
        IllegalArgumentException empty = assertThrows(
                IllegalArgumentException.class,
                () -> new SectionBlueprint("A", TITLE, null, false, List.of(), List.of(), null));
        assertEquals("section A: has neither fixed items nor draw rules", empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DrawRule(0, null, null, null));
    }
}

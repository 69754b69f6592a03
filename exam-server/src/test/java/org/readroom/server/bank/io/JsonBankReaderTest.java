package org.readroom.server.bank.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.ItemType;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.TrueFalseItem;

class JsonBankReaderTest {

    static final String HASH = "ab".repeat(32);

    @TempDir
    Path folder;

    /** Reads a bank whose items are the given lines (one item per line, from line 3 on). */
    private static BankReadResult bank(SeriesResolver series, String... items) {
        String text = "{\"format\": \"readroom-bank\", \"version\": 1,\n\"items\": [\n" + String.join(",\n", items)
                + "\n]}\n";
        return read(text, series);
    }

    private static BankReadResult bank(String... items) {
        return bank(SeriesResolver.NONE, items);
    }

    private static BankReadResult read(String text, SeriesResolver series) {
        return JsonBankReader.read(
                "bank.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), series);
    }

    private static List<String> lines(BankReadResult result) {
        return result.problems().stream().map(BankProblem::toString).toList();
    }

    private static String trueFalse(String id, String more) {
        return "{\"type\": \"true_false\", \"id\": \"" + id + "\", \"stem\": {\"zh\": \"题干\"}, \"correct\": true" + more
                + "}";
    }

    @Test
    void aGoodItemIsReadWithoutProblems() {
        BankReadResult result = bank(trueFalse("tf-1", ", \"marks\": 1"));
        assertEquals(List.of(), lines(result));
        assertEquals(
                List.of(new TrueFalseItem(
                        "tf-1", org.readroom.core.text.LocalizedText.of("题干", ""), true, 1, List.of(), null)),
                result.items());
    }

    @Test
    void aTypoInAFieldNameIsNamedWithItsLineAndTheFieldMeant() {
        BankReadResult result = bank(
                trueFalse("tf-1", ", \"marks\": 1"),
                "{\"type\": \"single_choice\", \"id\": \"sc-1\", \"stem\": {\"zh\": \"题\"},"
                        + " \"options\": [{\"id\": \"A\", \"text\": {\"zh\": \"甲\"}}, {\"id\": \"B\", \"text\": {\"zh\": \"乙\"}}],"
                        + " \"corectOption\": \"A\", \"marks\": 1}");
        assertEquals(
                List.of("bank.json:4:items[1].corectOption: unknown field \"corectOption\"; did you mean"
                        + " \"correctOption\"?"),
                lines(result));
        assertEquals(1, result.items().size(), "the good item is still read");
    }

    @Test
    void aMissingRequiredFieldIsReportedInsteadOfReadAsFalse() {
        BankReadResult result =
                bank("{\"type\": \"true_false\", \"id\": \"tf-1\", \"stem\": {\"zh\": \"题\"}," + " \"marks\": 1}");
        assertEquals(List.of("bank.json:3:items[0].correct: is required in a true_false item"), lines(result));
    }

    @Test
    void anUnknownTypeListsTheKnownOnes() {
        BankReadResult result = bank("{\"type\": \"single\", \"id\": \"x\"}");
        assertEquals(
                List.of("bank.json:3:items[0].type: unknown type \"single\"; known types: single_choice,"
                        + " multiple_choice, true_false, case_cluster, matching, fill_in, numeric, hotspot,"
                        + " short_answer, report"),
                lines(result));
        assertEquals(10, ItemType.values().length, "the message lists every type");
    }

    @Test
    void aRuleBrokenInsideAnItemPointsAtTheFieldOnItsOwnLine() {
        String text = "{\"format\": \"readroom-bank\", \"version\": 1, \"items\": [\n"
                + "  {\"type\": \"matching\", \"id\": \"b1\", \"stem\": {\"zh\": \"A-B\"},\n"
                + "   \"options\": [{\"id\": \"A\", \"text\": {\"zh\": \"甲\"}}, {\"id\": \"B\", \"text\": {\"zh\": \"乙\"}}],\n"
                + "   \"questions\": [\n"
                + "     {\"id\": \"q1\", \"stem\": {\"zh\": \"一\"}, \"correctOption\": \"A\", \"marks\": 1},\n"
                + "     {\"id\": \"q2\", \"stem\": {\"zh\": \"二\"}, \"correctOption\": \"F\", \"marks\": 1}\n"
                + "   ]}\n"
                + "]}";
        assertEquals(
                List.of("bank.json:6:items[0].questions[1].correctOption: item q2: answer key names unknown option F"),
                lines(read(text, SeriesResolver.NONE)));
    }

    @Test
    void aFileWithThreeDifferentBadItemsReportsAllThree() {
        BankReadResult result = bank(
                trueFalse("tf-1", ", \"marks\": 0"),
                trueFalse("tf-2", ", \"marks\": \"2\""),
                trueFalse("tf-3", ", \"marks\": 1"),
                "{\"type\": \"numeric\", \"id\": \"n-1\", \"stem\": {\"zh\": \"测量\"}, \"value\": 18, \"tolerance\": -1,"
                        + " \"marks\": 1}");
        assertEquals(
                List.of(
                        "bank.json:3:items[0].marks: item tf-1: marks must be > 0 and <= 1000, was 0.0",
                        "bank.json:4:items[1].marks: expected a number, found text \"2\"",
                        "bank.json:6:items[3].tolerance: item n-1: tolerance must be >= 0, was -1.0"),
                lines(result));
        assertEquals(List.of("tf-3"), result.items().stream().map(i -> i.id()).toList());
    }

    @Test
    void aSyntaxErrorGivesLineAndColumnAndTheItemsBeforeItAreStillChecked() {
        String text = "{\"format\": \"readroom-bank\", \"version\": 1,\n\"items\": [\n"
                + trueFalse("tf-1", ", \"marks\": -1") + ",\n"
                + "{\"type\": \"true_false\" \"id\": \"tf-2\"}\n]}";
        assertEquals(
                List.of(
                        "bank.json:3:items[0].marks: item tf-1: marks must be > 0 and <= 1000, was -1.0",
                        "bank.json:4:: JSON syntax error at column 23: Unexpected character ('\"' (code 34)): was"
                                + " expecting comma to separate Object entries"),
                lines(read(text, SeriesResolver.NONE)));
    }

    @Test
    void theWrongFormatOrVersionAndUnknownTopLevelFieldsAreReported() {
        String text = "{\"format\": \"moodle\",\n\"version\": 2,\n\"itmes\": []}";
        assertEquals(
                List.of(
                        "bank.json:1:format: must be \"readroom-bank\", was \"moodle\"",
                        "bank.json:2:version: version 2 is not supported; this ReadRoom reads version 1",
                        "bank.json:3:itmes: unknown field \"itmes\"; did you mean \"items\"? (a bank file has: format,"
                                + " version, description, items)",
                        "bank.json:1:items: is required; a bank file is {\"format\": \"readroom-bank\", \"version\": 1,"
                                + " \"items\": [ … ]}"),
                lines(read(text, SeriesResolver.NONE)));
    }

    @Test
    void duplicateIdsAreReportedIncludingQuestionsOfGroups() {
        String cluster = "{\"type\": \"case_cluster\", \"id\": \"cc-1\", \"stem\": {\"zh\": \"病例\"}, \"questions\": ["
                + trueFalse("tf-1", ", \"marks\": 1") + ", " + trueFalse("cc-1-q2", ", \"marks\": 1") + "]}";
        BankReadResult result = bank(trueFalse("tf-1", ", \"marks\": 1"), cluster, trueFalse("tf-1", ", \"marks\": 2"));
        assertEquals(
                List.of(
                        "bank.json:4:items[1].questions[0].id: duplicate id \"tf-1\": also used by items[0].id (line 3)",
                        "bank.json:5:items[2].id: duplicate id \"tf-1\": also used by items[0].id (line 3)"),
                lines(result));
    }

    @Test
    void imagesNamedBySeriesIdAreResolvedAndUnknownOnesNamed() {
        SeriesRef ct = new SeriesRef("CT-0001", "chest", List.of(HASH, HASH.replace('a', 'c')), null, null);
        SeriesResolver series = id -> id.equals("CT-0001") ? Optional.of(ct) : Optional.empty();
        String hotspot = "{\"type\": \"hotspot\", \"id\": \"h-1\", \"stem\": {\"zh\": \"标出病灶\"}, \"images\":"
                + " [\"CT-0001\"], \"seriesId\": \"CT-0001\", \"frame\": 1, \"columns\": 512, \"rows\": 512,"
                + " \"region\": {\"shape\": \"point\", \"at\": {\"x\": 10, \"y\": 20}}, \"marks\": 1}";
        BankReadResult result = bank(series, hotspot, trueFalse("tf-1", ", \"marks\": 1, \"images\": [\"MR-9\"]"));
        assertEquals(
                List.of("bank.json:4:items[1].images[0]: unknown series \"MR-9\"; import its case first, or give the"
                        + " whole series object"),
                lines(result));
        assertEquals(ct, ((HotspotItem) result.items().get(0)).images().get(0));
    }

    @Test
    void aMissingFileAndAnUnsupportedExtensionAreOneProblemEach() throws Exception {
        Path csv = Files.writeString(folder.resolve("bank.csv"), "id,type\n");
        assertEquals(
                List.of(csv + "::: unsupported bank file type \".csv\"; use .json, .xlsx or .xml/.zip (QTI)"),
                lines(BankFiles.read(csv, SeriesResolver.NONE)));
        Path missing = folder.resolve("missing.json");
        assertEquals(List.of(missing + "::: file not found"), lines(BankFiles.read(missing, SeriesResolver.NONE)));
    }

    @Test
    void anIdUsedInTwoFilesOfOneBatchIsReported() throws Exception {
        String bank = "{\"format\": \"readroom-bank\", \"version\": 1, \"items\": ["
                + trueFalse("tf-1", ", \"marks\": 1") + "]}";
        Path a = Files.writeString(folder.resolve("a.json"), bank);
        Path b = Files.writeString(folder.resolve("b.json"), bank);
        BankFiles.Batch batch = BankFiles.readAll(List.of(a, b), SeriesResolver.NONE);
        assertEquals(
                List.of(b + "::id: duplicate id \"tf-1\": also used in " + a),
                batch.problems().stream().map(BankProblem::toString).toList());
        assertTrue(BankFiles.readAll(List.of(a), SeriesResolver.NONE).isClean());
    }
}

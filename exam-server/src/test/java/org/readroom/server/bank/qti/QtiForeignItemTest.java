package org.readroom.server.bank.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.FillInRules;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.PartialCredit;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.text.LocalizedText;
import org.readroom.server.bank.io.BankReadResult;
import org.readroom.server.bank.io.SeriesResolver;

/** Items written by other QTI 3.0 systems (no ReadRoom markup) import by their QTI meaning. */
class QtiForeignItemTest {

    @TempDir
    Path dir;

    static Item only(String fixture) {
        BankReadResult result = QtiBankReader.read(QtiProblemsTest.fixture(fixture), SeriesResolver.NONE);
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.items().size());
        return result.items().get(0);
    }

    static LocalizedText en(String text) {
        return LocalizedText.of("", text);
    }

    @Test
    void choiceWithOneCorrectValueIsSingleChoiceWorthOneMark() {
        assertEquals(
                new SingleChoiceItem(
                        "i6011423ba1e83975c19a3f96e48f662",
                        en("A supine chest radiograph of a trauma patient shows a deep lateral costophrenic angle.\n"
                                + "Which diagnosis does this sign suggest?"),
                        List.of(
                                new ChoiceOption("choice_1", en("Pleural effusion")),
                                new ChoiceOption("choice_2", en("Pneumothorax")),
                                new ChoiceOption("choice_3", en("Pulmonary oedema"))),
                        "choice_2",
                        1,
                        List.of()),
                only("foreign-choice.xml"));
    }

    @Test
    void choiceWithSeveralCorrectValuesIsAllOrNothingMultipleChoiceWorthMaxScore() {
        LocalizedText zh = LocalizedText.of("提示肺结节恶性的征象有：", "");
        assertEquals(
                new MultipleChoiceItem(
                        "multi-7",
                        zh,
                        List.of(
                                new ChoiceOption("A", LocalizedText.of("分叶征", "")),
                                new ChoiceOption("B", LocalizedText.of("爆米花样钙化", "")),
                                new ChoiceOption("C", LocalizedText.of("毛刺征", ""))),
                        Set.of("A", "C"),
                        PartialCredit.ALL_OR_NOTHING,
                        2,
                        List.of(),
                        ItemInfo.NONE),
                only("foreign-multiple.xml"));
    }

    @Test
    void textEntryIsFillInWithTheMappedAnswersComparedAsQtiDoes() {
        assertEquals(
                new FillInItem(
                        "te-3",
                        en("Air-filled bronchi seen against opacified alveoli are called an ____."),
                        List.of("air bronchogram", "air bronchogram sign"),
                        new FillInRules(false, true, false, List.of()),
                        1,
                        List.of(),
                        ItemInfo.NONE),
                only("foreign-text-entry.xml"));
    }

    @Test
    void extendedTextIsShortAnswerWithTheScorerRubricAsModelAnswer() {
        assertEquals(
                new ShortAnswerItem(
                        "essay-1",
                        en("Explain the CT halo sign and name one cause."),
                        en("Ground-glass attenuation surrounding a nodule;\nthink of invasive aspergillosis."),
                        4,
                        List.of()),
                only("foreign-extended-text.xml"));
    }

    @Test
    void extendedTextWithoutRubricGetsADashAsModelAnswer() throws IOException {
        Path item = dir.resolve("essay.xml");
        Files.writeString(
                item,
                Files.readString(QtiProblemsTest.fixture("foreign-extended-text.xml"))
                        .replaceAll("(?s)<qti-rubric-block.*</qti-rubric-block>", ""));
        ShortAnswerItem read = (ShortAnswerItem)
                QtiBankReader.read(item, SeriesResolver.NONE).items().get(0);
        assertEquals(QtiInteractionReader.NO_MODEL_ANSWER, read.modelAnswer());
    }

    @Test
    void itemsSharingAStimulusBecomeACaseCluster() throws IOException {
        String choice = Files.readString(QtiProblemsTest.fixture("foreign-choice.xml"));
        String essay = Files.readString(QtiProblemsTest.fixture("foreign-extended-text.xml"));
        String ref = "<qti-assessment-stimulus-ref identifier=\"case\" href=\"../shared/case.xml\" title=\"Case\"/>\n"
                + "  <qti-item-body>";
        Path zip = new QtiProblemsTest() {
            {
                dir = QtiForeignItemTest.this.dir;
            }
        }.zip(
                "foreign.zip",
                java.util.Map.of(
                        "imsmanifest.xml",
                        "<manifest xmlns=\"http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1\""
                                + " identifier=\"m\"><resources>"
                                + "<resource identifier=\"a\" type=\"imsqti_item_xmlv3p0\" href=\"items/a.xml\"/>"
                                + "<resource identifier=\"b\" type=\"imsqti_item_xmlv3p0\" href=\"items/b.xml\"/>"
                                + "<resource identifier=\"s\" type=\"imsqti_stimulus_xmlv3p0\" href=\"shared/case.xml\"/>"
                                + "</resources></manifest>",
                        "items/a.xml",
                        choice.replace("<qti-item-body>", ref),
                        "items/b.xml",
                        essay.replace("<qti-item-body>", ref),
                        "shared/case.xml",
                        "<qti-assessment-stimulus xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\""
                                + " identifier=\"case-12\" title=\"Case\" xml:lang=\"en\"><qti-stimulus-body>"
                                + "<p>A 30-year-old man after a car crash.</p></qti-stimulus-body></qti-assessment-stimulus>"));
        BankReadResult result = QtiBankReader.read(zip, SeriesResolver.NONE);
        assertEquals(List.of(), result.problems());
        CaseClusterItem cluster = (CaseClusterItem) result.items().get(0);
        assertEquals("case-12", cluster.id());
        assertEquals(en("A 30-year-old man after a car crash."), cluster.stem());
        assertEquals(
                List.of("i6011423ba1e83975c19a3f96e48f662", "essay-1"),
                cluster.questions().stream().map(Item::id).toList());
    }
}

package org.readroom.server.bank.qti;

import static org.readroom.server.bank.qti.QtiIds.encode;
import static org.readroom.server.bank.qti.QtiIds.number;

import java.util.List;
import java.util.Objects;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.MatchingQuestion;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.NumericItem;
import org.readroom.core.bank.PartialCredit;
import org.readroom.core.bank.ReportItem;
import org.readroom.core.bank.RubricPoint;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.text.LocalizedText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One ReadRoom item (a single question or a B1 set) as a QTI 3.0 {@code qti-assessment-item}. Scoring is written as
 * QTI response processing that gives the item's marks, so other systems score as ReadRoom does; what QTI cannot say
 * travels in {@code data-readroom-*} attributes (docs/bank-qti.md has the table).
 */
final class QtiItemWriter {

    /** A shared stimulus (a case cluster's history) the item refers to. */
    record StimulusRef(String identifier, String href, String title) {}

    private final QtiDom dom = new QtiDom();
    private final QtiPictures.Shown pictures;
    private Element root;
    private Element body;

    private QtiItemWriter(QtiPictures.Shown pictures) {
        this.pictures = pictures;
    }

    /** The item as QTI; {@code pictures} are the package's pictures of its series (the item file is in items/). */
    static Document write(Item item, String identifier, StimulusRef stimulus, QtiPictures.Shown pictures) {
        QtiItemWriter writer = new QtiItemWriter(pictures);
        writer.start(item, identifier);
        writer.content(item, stimulus);
        return writer.dom.document;
    }

    private void start(Item item, String identifier) {
        root = dom.root("qti-assessment-item");
        root.setAttribute("identifier", identifier);
        root.setAttribute("title", QtiDom.title(item.stem()));
        root.setAttribute("adaptive", "false");
        root.setAttribute("time-dependent", "false");
        root.setAttributeNS(QtiXml.XML_NS, "xml:lang", QtiDom.lang(item.stem()));
    }

    private void content(Item item, StimulusRef stimulus) {
        // Declarations come first in a QTI item (responses, then outcomes), then the stimulus reference, the body.
        if (item instanceof SingleChoiceItem sc) {
            declare(RESPONSE_SINGLE, "identifier", List.of(sc.correctOption()));
            outcomes(sc.marks(), false);
            openBody(item, stimulus);
            choices(sc.options(), 1, true);
            matchCorrectScoresMax(null);
        } else if (item instanceof TrueFalseItem tf) {
            declare(RESPONSE_SINGLE, "identifier", List.of(tf.correctOption()));
            outcomes(tf.marks(), false);
            openBody(item, stimulus);
            choices(tf.options(), 1, false);
            matchCorrectScoresMax(null);
        } else if (item instanceof MultipleChoiceItem mc) {
            multipleChoice(mc, stimulus);
        } else if (item instanceof FillInItem fill) {
            fillIn(fill, stimulus);
        } else if (item instanceof NumericItem numeric) {
            numeric(numeric, stimulus);
        } else if (item instanceof HotspotItem hotspot) {
            hotspot(hotspot, stimulus);
        } else if (item instanceof MatchingItem matching) {
            matching(matching, stimulus);
        } else if (item instanceof ShortAnswerItem shortAnswer) {
            declareOnly(RESPONSE_SINGLE, QtiVocabulary.RESPONSE, "string");
            outcomes(shortAnswer.marks(), true);
            openBody(item, stimulus);
            dom.add(body, "qti-extended-text-interaction", "response-identifier", QtiVocabulary.RESPONSE);
            Element scoring = scorerBlock();
            dom.block(scoring, QtiVocabulary.MODEL_ANSWER, shortAnswer.modelAnswer());
            rubric(scoring, shortAnswer.rubric());
        } else if (item instanceof ReportItem report) {
            report(report, stimulus);
        } else {
            throw new IllegalArgumentException(
                    "item " + item.id() + ": " + item.type().wireName() + " has no single-item QTI form");
        }
        teachingPoints(item.info());
    }

    private static final String RESPONSE_SINGLE = "single";

    /** From an item file (items/…) to the package root. */
    private static final String TO_ROOT = "../";

    // ---- per type ------------------------------------------------------------------------------------------------

    private void multipleChoice(MultipleChoiceItem mc, StimulusRef stimulus) {
        List<String> keys = mc.options().stream()
                .map(ChoiceOption::id)
                .filter(mc.correctOptions()::contains)
                .toList();
        Element declaration = declare("multiple", "identifier", keys);
        int correct = keys.size();
        int wrong = mc.options().size() - correct;
        if (mc.partialCredit() == PartialCredit.RIGHT_MINUS_WRONG) {
            // marks × max(0, right/C − wrong/W): each chosen option adds its share, the sum is floored at 0.
            Element mapping = dom.add(declaration, "qti-mapping", "default-value", "0", "lower-bound", "0");
            for (ChoiceOption option : mc.options()) {
                boolean right = mc.correctOptions().contains(option.id());
                double value = right ? mc.marks() / correct : -mc.marks() / wrong;
                dom.add(mapping, "qti-map-entry", "map-key", encode(option.id()), "mapped-value", number(value));
            }
        } else if (mc.partialCredit() == PartialCredit.PER_OPTION) {
            // marks/n for each option judged right = (right chosen − wrong chosen + W) × marks/n, blank scores 0.
            Element mapping = dom.add(declaration, "qti-mapping", "default-value", "0");
            double share = mc.marks() / mc.options().size();
            for (ChoiceOption option : mc.options()) {
                boolean right = mc.correctOptions().contains(option.id());
                dom.add(
                        mapping,
                        "qti-map-entry",
                        "map-key",
                        encode(option.id()),
                        "mapped-value",
                        number(right ? share : -share));
            }
        }
        outcomes(mc.marks(), false);
        openBody(mc, stimulus);
        choices(mc.options(), 0, true);
        switch (mc.partialCredit()) {
            case RIGHT_MINUS_WRONG:
                dom.add(root, "qti-response-processing", "template", QtiVocabulary.MAP_RESPONSE);
                break;
            case PER_OPTION:
                perOptionProcessing(wrong * (mc.marks() / mc.options().size()));
                break;
            default:
                matchCorrectScoresMax(null);
        }
    }

    private void fillIn(FillInItem fill, StimulusRef stimulus) {
        Element declaration = declare(
                RESPONSE_SINGLE, "string", List.of(fill.acceptedAnswers().get(0)));
        Element mapping = dom.add(declaration, "qti-mapping", "default-value", "0");
        for (String answer : fill.acceptedAnswers()) {
            dom.add(
                    mapping,
                    "qti-map-entry",
                    "map-key",
                    answer,
                    "mapped-value",
                    number(fill.marks()),
                    "case-sensitive",
                    String.valueOf(fill.rules().caseSensitive()));
        }
        outcomes(fill.marks(), false);
        openBody(fill, stimulus);
        Element paragraph = dom.add(body, "p");
        Element entry = dom.add(paragraph, "qti-text-entry-interaction", "response-identifier", QtiVocabulary.RESPONSE);
        entry.setAttribute(
                QtiVocabulary.KEEP_PUNCTUATION, String.valueOf(fill.rules().keepPunctuation()));
        entry.setAttribute(
                QtiVocabulary.IGNORE_SPACES, String.valueOf(fill.rules().ignoreSpaces()));
        if (!fill.rules().synonyms().isEmpty()) {
            entry.setAttribute(QtiVocabulary.SYNONYMS, QtiDom.json(fill.rules().synonyms()));
        }
        dom.add(root, "qti-response-processing", "template", QtiVocabulary.MAP_RESPONSE);
    }

    private void numeric(NumericItem numeric, StimulusRef stimulus) {
        declare(RESPONSE_SINGLE, "float", List.of(number(numeric.value())));
        outcomes(numeric.marks(), false);
        openBody(numeric, stimulus);
        Element paragraph = dom.add(body, "p");
        dom.add(paragraph, "qti-text-entry-interaction", "response-identifier", QtiVocabulary.RESPONSE);
        if (!numeric.unit().isEmpty()) {
            dom.addText(paragraph, "span", numeric.unit(), "class", QtiVocabulary.UNIT);
        }
        String tolerance = number(numeric.tolerance());
        matchCorrectScoresMax(tolerance + " " + tolerance);
    }

    private void hotspot(HotspotItem hotspot, StimulusRef stimulus) {
        Element declaration = declareOnly(RESPONSE_SINGLE, QtiVocabulary.RESPONSE, "point");
        Element mapping =
                dom.add(declaration, "qti-area-mapping", "default-value", "0", "upper-bound", number(hotspot.marks()));
        QtiShapes.Shape shape = QtiShapes.of(hotspot.region());
        dom.add(
                mapping,
                "qti-area-map-entry",
                "shape",
                shape.name(),
                "coords",
                shape.coords(),
                "mapped-value",
                number(hotspot.marks()));
        outcomes(hotspot.marks(), false);
        openBody(hotspot, stimulus);
        Element interaction = dom.add(
                body,
                "qti-select-point-interaction",
                "response-identifier",
                QtiVocabulary.RESPONSE,
                "max-choices",
                "1");
        interaction.setAttribute(QtiVocabulary.SERIES, hotspot.seriesId());
        interaction.setAttribute(QtiVocabulary.FRAME, String.valueOf(hotspot.frame()));
        if (hotspot.region() instanceof HotspotRegion.PointRegion point) {
            interaction.setAttribute(
                    QtiVocabulary.POINT,
                    number(point.at().x()) + "," + number(point.at().y()));
        }
        // Other systems show the frame as a PNG in the package; ReadRoom reads the series and frame back instead.
        QtiPictures.Picture frame = Objects.requireNonNull(pictures.marked(), "the picture of the frame to mark");
        dom.addText(
                interaction,
                "object",
                frame.alt(),
                "type",
                "image/png",
                "data",
                TO_ROOT + frame.path(),
                "width",
                String.valueOf(hotspot.columns()),
                "height",
                String.valueOf(hotspot.rows()));
        dom.add(root, "qti-response-processing", "template", QtiVocabulary.MAP_RESPONSE_POINT);
    }

    private void matching(MatchingItem matching, StimulusRef stimulus) {
        List<String> pairs = matching.questions().stream()
                .map(q -> encode(q.id()) + " " + encode(q.correctOption()))
                .toList();
        Element declaration = declare("multiple", "directedPair", pairs);
        Element mapping = dom.add(declaration, "qti-mapping", "default-value", "0");
        for (MatchingQuestion question : matching.questions()) {
            dom.add(
                    mapping,
                    "qti-map-entry",
                    "map-key",
                    encode(question.id()) + " " + encode(question.correctOption()),
                    "mapped-value",
                    number(question.marks()));
        }
        outcomes(matching.marks(), false);
        openBody(matching, stimulus);
        Element interaction = dom.add(
                body,
                "qti-match-interaction",
                "response-identifier",
                QtiVocabulary.RESPONSE,
                "shuffle",
                "false",
                "max-associations",
                String.valueOf(matching.questions().size()));
        Element questions = dom.add(interaction, "qti-simple-match-set");
        for (MatchingQuestion question : matching.questions()) {
            Element choice = dom.add(
                    questions, "qti-simple-associable-choice", "identifier", encode(question.id()), "match-max", "1");
            dom.localized(choice, "span", question.stem());
        }
        Element options = dom.add(interaction, "qti-simple-match-set");
        for (ChoiceOption option : matching.options()) {
            Element choice = dom.add(
                    options, "qti-simple-associable-choice", "identifier", encode(option.id()), "match-max", "0");
            dom.localized(choice, "span", option.text());
        }
        dom.add(root, "qti-response-processing", "template", QtiVocabulary.MAP_RESPONSE);
    }

    private void report(ReportItem report, StimulusRef stimulus) {
        declareOnly(RESPONSE_SINGLE, QtiVocabulary.FINDINGS, "string");
        declareOnly(RESPONSE_SINGLE, QtiVocabulary.IMPRESSION, "string");
        outcomes(report.marks(), true);
        openBody(report, stimulus);
        Element findings =
                dom.add(body, "qti-extended-text-interaction", "response-identifier", QtiVocabulary.FINDINGS);
        dom.localized(dom.add(findings, "qti-prompt"), "span", LocalizedText.of("影像所见", "Findings"));
        Element impression =
                dom.add(body, "qti-extended-text-interaction", "response-identifier", QtiVocabulary.IMPRESSION);
        dom.localized(dom.add(impression, "qti-prompt"), "span", LocalizedText.of("诊断意见", "Impression"));
        Element scoring = scorerBlock();
        dom.block(scoring, QtiVocabulary.MODEL_FINDINGS, report.modelFindings());
        dom.block(scoring, QtiVocabulary.MODEL_IMPRESSION, report.modelImpression());
        rubric(scoring, report.rubric());
    }

    // ---- shared parts --------------------------------------------------------------------------------------------

    private Element declare(String cardinality, String baseType, List<String> correctValues) {
        Element declaration = declareOnly(cardinality, QtiVocabulary.RESPONSE, baseType);
        Element correct = dom.add(declaration, "qti-correct-response");
        for (String value : correctValues) {
            dom.addText(correct, "qti-value", baseType.equals("identifier") ? encode(value) : value);
        }
        return declaration;
    }

    private Element declareOnly(String cardinality, String identifier, String baseType) {
        return dom.add(
                root,
                "qti-response-declaration",
                "identifier",
                identifier,
                "cardinality",
                cardinality,
                "base-type",
                baseType);
    }

    private void outcomes(double marks, boolean human) {
        Element score = dom.add(
                root,
                "qti-outcome-declaration",
                "identifier",
                QtiVocabulary.SCORE,
                "cardinality",
                "single",
                "base-type",
                "float",
                "external-scored",
                human ? "human" : null);
        dom.addText(dom.add(score, "qti-default-value"), "qti-value", "0");
        Element max = dom.add(
                root,
                "qti-outcome-declaration",
                "identifier",
                QtiVocabulary.MAXSCORE,
                "cardinality",
                "single",
                "base-type",
                "float");
        dom.addText(dom.add(max, "qti-default-value"), "qti-value", number(marks));
    }

    private void openBody(Item item, StimulusRef stimulus) {
        if (stimulus != null) {
            dom.add(
                    root,
                    "qti-assessment-stimulus-ref",
                    "identifier",
                    stimulus.identifier(),
                    "href",
                    stimulus.href(),
                    "title",
                    stimulus.title());
        }
        body = dom.add(root, "qti-item-body");
        Element marker = dom.add(body, "div", "class", QtiVocabulary.ITEM);
        QtiDom.describe(marker, item.id(), item.type().wireName(), item.info(), item.images());
        dom.block(body, QtiVocabulary.STEM, item.stem());
        dom.pictures(body, pictures.series(), TO_ROOT);
    }

    private void choices(List<ChoiceOption> options, int maxChoices, boolean shuffle) {
        Element interaction = dom.add(
                body,
                "qti-choice-interaction",
                "response-identifier",
                QtiVocabulary.RESPONSE,
                "shuffle",
                String.valueOf(shuffle),
                "max-choices",
                String.valueOf(maxChoices));
        for (ChoiceOption option : options) {
            Element choice = dom.add(interaction, "qti-simple-choice", "identifier", encode(option.id()));
            dom.localized(choice, "span", option.text());
        }
    }

    private Element scorerBlock() {
        Element block = dom.add(body, "qti-rubric-block", "view", "scorer", "use", "scoring");
        return dom.add(block, "qti-content-body");
    }

    private void rubric(Element parent, List<RubricPoint> rubric) {
        if (rubric.isEmpty()) {
            return;
        }
        Element list = dom.add(parent, "ul", "class", QtiVocabulary.RUBRIC);
        for (RubricPoint point : rubric) {
            Element entry =
                    dom.add(list, "li", QtiVocabulary.ID, point.id(), QtiVocabulary.MARKS, number(point.marks()));
            dom.localized(entry, "span", point.text());
        }
    }

    private void teachingPoints(ItemInfo info) {
        if (info.teachingPoints().isEmpty()) {
            return;
        }
        Element block = dom.add(body, "qti-rubric-block", "view", "tutor", "class", QtiVocabulary.TEACHING_POINTS);
        Element content = dom.add(block, "qti-content-body");
        for (LocalizedText point : info.teachingPoints()) {
            dom.block(content, QtiVocabulary.TEACHING_POINT, point);
        }
    }

    /** SCORE = MAXSCORE when the response matches the key (within {@code tolerance} when given), else 0. */
    private void matchCorrectScoresMax(String tolerance) {
        Element processing = dom.add(root, "qti-response-processing");
        Element condition = dom.add(processing, "qti-response-condition");
        Element branch = dom.add(condition, "qti-response-if");
        Element test = tolerance == null
                ? dom.add(branch, "qti-match")
                : dom.add(
                        branch,
                        "qti-equal",
                        "tolerance-mode",
                        "absolute",
                        "tolerance",
                        tolerance,
                        "include-lower-bound",
                        "true",
                        "include-upper-bound",
                        "true");
        dom.add(test, "qti-variable", "identifier", QtiVocabulary.RESPONSE);
        dom.add(test, "qti-correct", "identifier", QtiVocabulary.RESPONSE);
        Element full = dom.add(branch, "qti-set-outcome-value", "identifier", QtiVocabulary.SCORE);
        dom.add(full, "qti-variable", "identifier", QtiVocabulary.MAXSCORE);
        Element otherwise = dom.add(condition, "qti-response-else");
        Element zero = dom.add(otherwise, "qti-set-outcome-value", "identifier", QtiVocabulary.SCORE);
        dom.addText(zero, "qti-base-value", "0", "base-type", "float");
    }

    /** Blank scores 0; otherwise the mapped sum plus the marks of the wrong options left out. */
    private void perOptionProcessing(double offset) {
        Element processing = dom.add(root, "qti-response-processing");
        Element condition = dom.add(processing, "qti-response-condition");
        Element blank = dom.add(condition, "qti-response-if");
        Element isNull = dom.add(blank, "qti-is-null");
        dom.add(isNull, "qti-variable", "identifier", QtiVocabulary.RESPONSE);
        Element zero = dom.add(blank, "qti-set-outcome-value", "identifier", QtiVocabulary.SCORE);
        dom.addText(zero, "qti-base-value", "0", "base-type", "float");
        Element otherwise = dom.add(condition, "qti-response-else");
        Element set = dom.add(otherwise, "qti-set-outcome-value", "identifier", QtiVocabulary.SCORE);
        Element sum = dom.add(set, "qti-sum");
        dom.add(sum, "qti-map-response", "identifier", QtiVocabulary.RESPONSE);
        dom.addText(sum, "qti-base-value", number(offset), "base-type", "float");
    }
}

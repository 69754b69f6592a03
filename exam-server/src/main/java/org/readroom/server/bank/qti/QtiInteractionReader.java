package org.readroom.server.bank.qti;

import static org.readroom.server.bank.qti.QtiXml.attr;
import static org.readroom.server.bank.qti.QtiXml.byClass;
import static org.readroom.server.bank.qti.QtiXml.child;
import static org.readroom.server.bank.qti.QtiXml.children;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.FillInItem;
import org.readroom.core.bank.FillInRules;
import org.readroom.core.bank.HotspotItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.MatchingQuestion;
import org.readroom.core.bank.MultipleChoiceItem;
import org.readroom.core.bank.NumericItem;
import org.readroom.core.bank.PartialCredit;
import org.readroom.core.bank.ReportItem;
import org.readroom.core.bank.RubricPoint;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.ShortAnswerItem;
import org.readroom.core.bank.SingleChoiceItem;
import org.readroom.core.bank.TrueFalseItem;
import org.readroom.core.imaging.HotspotRegion;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;
import org.w3c.dom.Element;

/** Turns an item's supported interaction(s) into the matching ReadRoom item type. */
final class QtiInteractionReader {

    /** A foreign extended-text item without a scorer rubric gets this model answer (the marker sees it). */
    static final LocalizedText NO_MODEL_ANSWER = LocalizedText.of("—", "—");

    private final QtiItemReader item;
    private final QtiProblems problems;

    QtiInteractionReader(QtiItemReader item) {
        this.item = item;
        this.problems = item.problems;
    }

    Item read(List<Element> interactions) {
        Element interaction = interactions.get(0);
        switch (interaction.getLocalName()) {
            case "qti-choice-interaction":
                return choice(interaction);
            case "qti-text-entry-interaction":
                return textEntry(interaction);
            case "qti-extended-text-interaction":
                return interactions.size() == 2 ? report() : shortAnswer();
            case "qti-match-interaction":
                return match(interaction);
            default:
                return hotspot(interaction);
        }
    }

    // ---- choice --------------------------------------------------------------------------------------------------

    private Item choice(Element interaction) {
        Element declaration = item.scoring.declaration(interaction);
        List<ChoiceOption> options = new ArrayList<>();
        for (Element choice : children(interaction, "qti-simple-choice")) {
            LocalizedText text = QtiText.localized(choice, item.lang);
            if (text == null) {
                problems.add(
                        choice,
                        "qti-simple-choice",
                        "option " + attr(choice, "identifier") + " has no text; ReadRoom options are text");
                continue;
            }
            options.add(new ChoiceOption(QtiIds.decode(attr(choice, "identifier")), text));
        }
        if (declaration == null) {
            return null;
        }
        Set<String> correct = new LinkedHashSet<>();
        for (String value : item.scoring.correctValues(declaration)) {
            correct.add(QtiIds.decode(value));
        }
        if (correct.isEmpty() || problems.any()) {
            return null;
        }
        String type = item.type();
        if ("true_false".equals(type)) {
            return new TrueFalseItem(
                    item.id(),
                    item.stem(),
                    correct.contains(TrueFalseItem.TRUE),
                    item.marks(1),
                    item.images(),
                    item.info());
        }
        if (correct.size() == 1 && !"multiple_choice".equals(type)) {
            return new SingleChoiceItem(
                    item.id(),
                    item.stem(),
                    options,
                    correct.iterator().next(),
                    item.marks(1),
                    item.images(),
                    item.info());
        }
        List<String> optionIds = options.stream().map(ChoiceOption::id).toList();
        double marks = item.marks(1);
        PartialCredit rule = item.scoring.partialCredit(declaration, optionIds, correct, marks);
        if (rule == null) {
            return null;
        }
        return new MultipleChoiceItem(
                item.id(), item.stem(), options, correct, rule, marks, item.images(), item.info());
    }

    // ---- text entry: fill-in or numeric ----------------------------------------------------------------------------

    private Item textEntry(Element interaction) {
        Element declaration = item.scoring.declaration(interaction);
        if (declaration == null) {
            return null;
        }
        String baseType = String.valueOf(attr(declaration, "base-type"));
        List<String> values = item.scoring.correctValues(declaration);
        if (values.isEmpty()) {
            return null;
        }
        if (baseType.equals("float") || baseType.equals("integer")) {
            double value;
            try {
                value = Double.parseDouble(values.get(0));
            } catch (NumberFormatException e) {
                problems.add(declaration, "qti-correct-response", "must be a number, was " + values.get(0));
                return null;
            }
            double tolerance = item.scoring.tolerance();
            Element unit = byClass(item.body, QtiVocabulary.UNIT);
            return new NumericItem(
                    item.id(),
                    item.stem(),
                    value,
                    tolerance,
                    unit == null ? "" : unit.getTextContent(),
                    item.marks(1),
                    item.images(),
                    item.info());
        }
        Map<String, Double> mapping = item.scoring.mapping(declaration);
        Set<String> accepted = new LinkedHashSet<>(values);
        mapping.forEach((answer, value) -> {
            if (value > 0) {
                accepted.add(answer);
            }
        });
        FillInRules rules = fillInRules(interaction, declaration);
        return new FillInItem(
                item.id(), item.stem(), List.copyOf(accepted), rules, item.marks(1), item.images(), item.info());
    }

    private FillInRules fillInRules(Element interaction, Element declaration) {
        boolean caseSensitive = true;
        for (Element entry : children(item.scoring.mappingElement(declaration), "qti-map-entry")) {
            if ("false".equals(attr(entry, "case-sensitive"))) {
                caseSensitive = false;
            }
        }
        if (!item.ours()) {
            // QTI compares strings exactly: keep punctuation too, so the item scores as it did before.
            return new FillInRules(caseSensitive, true, false, List.of());
        }
        List<List<String>> synonyms = List.of();
        String json = attr(interaction, QtiVocabulary.SYNONYMS);
        if (json != null) {
            try {
                synonyms = Wire.mapper().readValue(json, new TypeReference<List<List<String>>>() {});
            } catch (Exception e) {
                problems.add(interaction, QtiVocabulary.SYNONYMS, "must be a JSON list of term lists");
            }
        }
        return new FillInRules(
                caseSensitive,
                "true".equals(attr(interaction, QtiVocabulary.KEEP_PUNCTUATION)),
                "true".equals(attr(interaction, QtiVocabulary.IGNORE_SPACES)),
                synonyms);
    }

    // ---- extended text: short answer or report -------------------------------------------------------------------

    private Item shortAnswer() {
        Element scoring = scorerRubric();
        LocalizedText model;
        if (item.ours()) {
            model = QtiText.localized(byClass(scoring, QtiVocabulary.MODEL_ANSWER), item.lang);
        } else {
            model = scoring == null ? null : QtiText.of(item.lang, QtiText.visibleText(scoring));
        }
        return new ShortAnswerItem(
                item.id(),
                item.stem(),
                model == null ? NO_MODEL_ANSWER : model,
                rubric(scoring),
                item.marks(1),
                item.images(),
                item.info());
    }

    private Item report() {
        Element scoring = scorerRubric();
        return new ReportItem(
                item.id(),
                item.stem(),
                QtiText.localized(byClass(scoring, QtiVocabulary.MODEL_FINDINGS), item.lang),
                QtiText.localized(byClass(scoring, QtiVocabulary.MODEL_IMPRESSION), item.lang),
                rubric(scoring),
                item.marks(1),
                item.images(),
                item.info());
    }

    private Element scorerRubric() {
        for (Element block : QtiXml.descendants(item.body, "qti-rubric-block")) {
            if (String.valueOf(attr(block, "view")).contains("scorer")) {
                return block;
            }
        }
        return null;
    }

    private List<RubricPoint> rubric(Element scoring) {
        List<RubricPoint> points = new ArrayList<>();
        Element list = byClass(scoring, QtiVocabulary.RUBRIC);
        for (Element entry : children(list, "li")) {
            Double marks = item.scoring.number(entry, QtiVocabulary.MARKS);
            if (marks != null) {
                points.add(new RubricPoint(attr(entry, QtiVocabulary.ID), QtiText.localized(entry, item.lang), marks));
            }
        }
        return points;
    }

    // ---- match: B1 set --------------------------------------------------------------------------------------------

    private Item match(Element interaction) {
        Element declaration = item.scoring.declaration(interaction);
        List<Element> sets = children(interaction, "qti-simple-match-set");
        if (sets.size() != 2) {
            problems.add(
                    interaction,
                    "qti-simple-match-set",
                    "a match interaction needs two match sets (questions," + " then the shared options), has "
                            + sets.size());
            return null;
        }
        if (declaration == null) {
            return null;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (String pair : item.scoring.correctValues(declaration)) {
            String[] ends = pair.strip().split("\\s+");
            if (ends.length != 2) {
                problems.add(declaration, "qti-correct-response", "a directed pair is two identifiers, was " + pair);
            } else if (answers.put(ends[0], ends[1]) != null) {
                problems.add(
                        declaration,
                        "qti-correct-response",
                        "question " + QtiIds.decode(ends[0])
                                + " has more than one answer; in a B1 set each question has one");
            }
        }
        Map<String, Double> mapping = item.scoring.mapping(declaration);
        Double max = item.scoring.maxScore();
        List<MatchingQuestion> questions = new ArrayList<>();
        List<Element> sources = children(sets.get(0), "qti-simple-associable-choice");
        for (Element source : sources) {
            String id = attr(source, "identifier");
            String answer = answers.get(id);
            if (answer == null) {
                problems.add(
                        source,
                        "qti-simple-associable-choice",
                        "question " + QtiIds.decode(id) + " has no answer in the correct response");
                continue;
            }
            Double marks = mapping.get(id + " " + answer);
            if (marks == null) {
                marks = max != null && !item.ours() ? max / sources.size() : 1.0;
            }
            questions.add(new MatchingQuestion(
                    QtiIds.decode(id), QtiText.localized(source, item.lang), QtiIds.decode(answer), marks));
        }
        List<ChoiceOption> options = new ArrayList<>();
        for (Element target : children(sets.get(1), "qti-simple-associable-choice")) {
            options.add(
                    new ChoiceOption(QtiIds.decode(attr(target, "identifier")), QtiText.localized(target, item.lang)));
        }
        if (problems.any()) {
            return null;
        }
        // The match sets' texts are the questions and options; the rest of the body is the set's instruction.
        LocalizedText stem = item.stem();
        if (stem == null) {
            return null;
        }
        return new MatchingItem(item.id(), stem, options, questions, item.images(), item.info());
    }

    // ---- select point / hotspot ----------------------------------------------------------------------------------

    private Item hotspot(Element interaction) {
        Element declaration = item.scoring.declaration(interaction);
        String seriesId = attr(interaction, QtiVocabulary.SERIES);
        if (seriesId == null) {
            problems.add(
                    interaction,
                    interaction.getLocalName(),
                    "the image is not a ReadRoom series: ReadRoom scores"
                            + " marks on DICOM frames from its case library; add " + QtiVocabulary.SERIES + " (and "
                            + QtiVocabulary.FRAME + ") naming the series");
            return null;
        }
        Element image = child(interaction, "object");
        image = image == null ? child(interaction, "img") : image;
        Integer columns = size(image, "width", interaction);
        Integer rows = size(image, "height", interaction);
        int frame = 0;
        String frameText = attr(interaction, QtiVocabulary.FRAME);
        if (frameText != null) {
            try {
                frame = Integer.parseInt(frameText.strip());
            } catch (NumberFormatException e) {
                problems.add(interaction, QtiVocabulary.FRAME, "must be a frame number, was " + frameText);
            }
        }
        if (declaration == null) {
            return null;
        }
        HotspotRegion region = interaction.getLocalName().equals("qti-hotspot-interaction")
                ? hotspotChoiceRegion(interaction, declaration)
                : areaRegion(interaction, declaration);
        List<SeriesRef> images = item.ours() ? item.images() : new ArrayList<>();
        if (!item.ours()) {
            SeriesRef ref = item.seriesRef(interaction, QtiVocabulary.SERIES, seriesId);
            if (ref != null) {
                images.add(ref);
            }
        }
        if (region == null || columns == null || rows == null || problems.any()) {
            return null;
        }
        return new HotspotItem(
                item.id(), item.stem(), seriesId, frame, columns, rows, region, item.marks(1), images, item.info());
    }

    private HotspotRegion areaRegion(Element interaction, Element declaration) {
        List<Element> areas = children(child(declaration, "qti-area-mapping"), "qti-area-map-entry");
        if (areas.size() != 1) {
            problems.add(
                    declaration,
                    "qti-area-mapping",
                    areas.isEmpty()
                            ? "no qti-area-mapping entry: ReadRoom needs the region a mark must fall in to score"
                            : "ReadRoom scores one region per hotspot item, this item maps " + areas.size());
            return null;
        }
        return region(areas.get(0), attr(interaction, QtiVocabulary.POINT));
    }

    private HotspotRegion hotspotChoiceRegion(Element interaction, Element declaration) {
        List<String> correct = item.scoring.correctValues(declaration);
        if (correct.size() > 1) {
            problems.add(
                    declaration,
                    "qti-correct-response",
                    "ReadRoom scores one region per hotspot item, this" + " item has " + correct.size()
                            + " correct hotspots");
            return null;
        }
        for (Element choice : children(interaction, "qti-hotspot-choice")) {
            if (!correct.isEmpty() && correct.get(0).equals(attr(choice, "identifier"))) {
                return region(choice, null);
            }
        }
        if (!correct.isEmpty()) {
            problems.add(
                    declaration,
                    "qti-correct-response",
                    "names hotspot " + correct.get(0) + ", which the interaction does not have");
        }
        return null;
    }

    private HotspotRegion region(Element shaped, String exactPoint) {
        try {
            return QtiShapes.region(attr(shaped, "shape"), attr(shaped, "coords"), exactPoint);
        } catch (IllegalArgumentException e) {
            problems.add(shaped, "coords", e.getMessage());
            return null;
        }
    }

    private Integer size(Element image, String attribute, Element interaction) {
        String text = attr(image, attribute);
        try {
            int value = Integer.parseInt(String.valueOf(text).strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(
                image == null ? interaction : image,
                attribute,
                "the image needs its " + attribute + " in pixels (the size the region's coords refer to), was " + text);
        return null;
    }
}

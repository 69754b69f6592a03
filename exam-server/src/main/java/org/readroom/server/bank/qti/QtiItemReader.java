package org.readroom.server.bank.qti;

import static org.readroom.server.bank.qti.QtiXml.attr;
import static org.readroom.server.bank.qti.QtiXml.byClass;
import static org.readroom.server.bank.qti.QtiXml.child;
import static org.readroom.server.bank.qti.QtiXml.children;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.readroom.core.bank.Difficulty;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.bank.Topic;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;
import org.readroom.server.bank.io.SeriesResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads one {@code qti-assessment-item} into a ReadRoom item, reporting every problem at its line. Items ReadRoom
 * wrote (they carry a {@code readroom-item} marker) come back exactly; other systems' items are read by their QTI
 * meaning (see docs/bank-qti.md). The interactions themselves are read by {@link QtiInteractionReader}.
 */
final class QtiItemReader {

    static final Set<String> SUPPORTED = Set.of(
            "qti-choice-interaction",
            "qti-text-entry-interaction",
            "qti-extended-text-interaction",
            "qti-select-point-interaction",
            "qti-hotspot-interaction",
            "qti-match-interaction");
    static final String UNSUPPORTED = "interaction not supported; ReadRoom imports choice, text entry, extended text,"
            + " select point/hotspot and match";

    /** An item read, and the shared stimulus it refers to (null when none). */
    record Read(Item item, Element stimulusRef) {}

    final Element root;
    final QtiProblems problems;
    final SeriesResolver series;
    final QtiScoring scoring;
    final Element body;
    /** ReadRoom's marker with id, type and metadata; null for items from other systems. */
    final Element marker;

    final String lang;

    private QtiItemReader(Element root, QtiProblems problems, SeriesResolver series) {
        this.root = root;
        this.problems = problems;
        this.series = series;
        this.scoring = new QtiScoring(root, problems);
        this.body = child(root, "qti-item-body");
        Element found = byClass(body, QtiVocabulary.ITEM);
        this.marker = found != null && found.hasAttribute(QtiVocabulary.TYPE) ? found : null;
        String language = QtiXml.xmlLang(root);
        this.lang = language == null ? "en" : language;
    }

    /** The item in {@code document}, or null when it has problems (all of them reported). */
    static Read read(Document document, QtiProblems problems, SeriesResolver series) {
        Element root = document.getDocumentElement();
        if (!isQti3(root, "qti-assessment-item", problems)) {
            return null;
        }
        QtiItemReader reader = new QtiItemReader(root, problems, series);
        Item item = reader.item();
        return item == null || problems.any() ? null : new Read(item, child(root, "qti-assessment-stimulus-ref"));
    }

    /** True when {@code root} is the QTI 3.0 element expected; otherwise says what it is instead. */
    static boolean isQti3(Element root, String expected, QtiProblems problems) {
        String namespace = root.getNamespaceURI();
        if (expected.equals(root.getLocalName()) && QtiXml.QTI_NS.equals(namespace)) {
            return true;
        }
        if (namespace != null && namespace.startsWith("http://www.imsglobal.org/xsd/imsqti_v2")) {
            problems.add(
                    root,
                    root.getLocalName(),
                    "this is QTI 2.x (" + namespace + "); ReadRoom reads QTI 3.0 (" + QtiXml.QTI_NS + ")");
        } else if (expected.equals(root.getLocalName())) {
            problems.add(
                    root,
                    "xmlns",
                    "namespace must be " + QtiXml.QTI_NS + ", was " + (namespace == null ? "none" : namespace));
        } else {
            problems.add(
                    root,
                    root.getTagName(),
                    "root element must be <" + expected + " xmlns=\"" + QtiXml.QTI_NS + "\">, was <" + root.getTagName()
                            + ">");
        }
        return false;
    }

    private Item item() {
        if (body == null) {
            problems.add(root, "qti-item-body", "the item has no qti-item-body");
            return null;
        }
        List<Element> interactions = interactions(body, new ArrayList<>());
        boolean unsupported = false;
        for (Element interaction : interactions) {
            if (!SUPPORTED.contains(interaction.getLocalName())) {
                problems.add(interaction, interaction.getLocalName(), UNSUPPORTED);
                unsupported = true;
            }
        }
        if (unsupported) {
            return null;
        }
        if (interactions.isEmpty()) {
            problems.add(body, "qti-item-body", "the item has no interaction, so nothing to answer");
            return null;
        }
        boolean report = marker != null && "report".equals(attr(marker, QtiVocabulary.TYPE));
        if (interactions.size() > 1 && !report) {
            problems.add(
                    interactions.get(1),
                    interactions.get(1).getLocalName(),
                    "a ReadRoom question has one" + " interaction; this item has " + interactions.size()
                            + " (split it into one item each)");
            return null;
        }
        try {
            return new QtiInteractionReader(this).read(interactions);
        } catch (IllegalArgumentException e) {
            // The item records validate themselves; their message names the item and field.
            problems.add(root, "qti-assessment-item", e.getMessage());
            return null;
        }
    }

    private static List<Element> interactions(Element parent, List<Element> found) {
        for (Element element : children(parent)) {
            String name = element.getLocalName();
            if (name.endsWith("-interaction")) {
                found.add(element);
            } else if (!name.equals("qti-rubric-block")) {
                interactions(element, found);
            }
        }
        return found;
    }

    // ---- parts every item has ------------------------------------------------------------------------------------

    String id() {
        return marker != null ? attr(marker, QtiVocabulary.ID) : QtiIds.decode(attr(root, "identifier"));
    }

    LocalizedText stem() {
        if (marker != null) {
            return QtiText.localized(byClass(body, QtiVocabulary.STEM), lang);
        }
        LocalizedText stem = QtiText.of(lang, QtiText.visibleText(body));
        if (stem == null) {
            problems.add(body, "qti-item-body", "the item has no question text");
        }
        return stem;
    }

    /** MAXSCORE, or {@code fallback} for foreign items that declare none. */
    double marks(double fallback) {
        Double max = scoring.maxScore();
        return max != null ? max : fallback;
    }

    List<SeriesRef> images() {
        List<SeriesRef> images = new ArrayList<>();
        String ids = marker == null ? null : attr(marker, QtiVocabulary.SERIES);
        if (ids != null && !ids.isBlank()) {
            for (String id : ids.strip().split("\\s+")) {
                SeriesRef ref = seriesRef(marker, QtiVocabulary.SERIES, id);
                if (ref != null) {
                    images.add(ref);
                }
            }
        }
        return images;
    }

    SeriesRef seriesRef(Element at, String field, String seriesId) {
        SeriesRef ref = series.find(seriesId).orElse(null);
        if (ref == null) {
            problems.add(at, field, "series " + seriesId + " is not in the case library; import the case first");
        }
        return ref;
    }

    ItemInfo info() {
        if (marker == null) {
            return ItemInfo.NONE;
        }
        List<LocalizedText> points = new ArrayList<>();
        Element block = byClass(body, QtiVocabulary.TEACHING_POINTS);
        for (Element point : QtiXml.descendants(block, "div")) {
            if (QtiXml.hasClass(point, QtiVocabulary.TEACHING_POINT)) {
                points.add(QtiText.localized(point, lang));
            }
        }
        return info(marker, points, problems);
    }

    /** Topic and difficulty from a ReadRoom marker (item or cluster), with the given teaching points. */
    static ItemInfo info(Element marker, List<LocalizedText> teachingPoints, QtiProblems problems) {
        Topic topic = null;
        String path = attr(marker, QtiVocabulary.TOPIC);
        if (path != null) {
            try {
                topic = Topic.parse(path);
            } catch (IllegalArgumentException e) {
                problems.add(marker, QtiVocabulary.TOPIC, e.getMessage());
            }
        }
        Difficulty difficulty = null;
        String level = attr(marker, QtiVocabulary.DIFFICULTY);
        if (level != null) {
            difficulty = Difficulty.parse(level);
            if (difficulty == null) {
                problems.add(marker, QtiVocabulary.DIFFICULTY, "must be easy, medium or hard, was " + level);
            }
        }
        return new ItemInfo(topic, difficulty, teachingPoints);
    }

    static List<LocalizedText> teachingPointsJson(Element marker, QtiProblems problems) {
        String json = attr(marker, QtiVocabulary.TEACHING_JSON);
        if (json == null) {
            return List.of();
        }
        try {
            return Wire.mapper().readValue(json, new TypeReference<List<LocalizedText>>() {});
        } catch (Exception e) {
            problems.add(marker, QtiVocabulary.TEACHING_JSON, "must be a JSON list of {\"zh\":…,\"en\":…} texts");
            return List.of();
        }
    }

    boolean ours() {
        return marker != null;
    }

    String type() {
        return marker == null ? null : attr(marker, QtiVocabulary.TYPE);
    }
}

package org.readroom.server.bank.qti;

import static org.readroom.server.bank.qti.QtiXml.attr;
import static org.readroom.server.bank.qti.QtiXml.byClass;
import static org.readroom.server.bank.qti.QtiXml.child;

import java.util.ArrayList;
import java.util.List;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.text.LocalizedText;
import org.readroom.server.bank.io.SeriesResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a shared stimulus ({@code qti-assessment-stimulus}) and the questions that refer to it as a case cluster:
 * ReadRoom's own clusters come back with their id, images, lock and metadata; another system's stimulus shared by
 * several items becomes an unlocked cluster whose history is the stimulus text.
 */
final class QtiStimulusReader {

    private QtiStimulusReader() {}

    static CaseClusterItem read(Document document, List<Item> questions, QtiProblems problems, SeriesResolver series) {
        Element root = document.getDocumentElement();
        if (!QtiItemReader.isQti3(root, "qti-assessment-stimulus", problems)) {
            return null;
        }
        Element body = child(root, "qti-stimulus-body");
        String language = QtiXml.xmlLang(root);
        String lang = language == null ? "en" : language;
        Element marker = byClass(body, QtiVocabulary.CLUSTER);
        if (marker == null && questions.size() == 1) {
            problems.add(
                    root,
                    "qti-assessment-stimulus",
                    "only one item refers to this shared stimulus; ReadRoom keeps"
                            + " a shared case as a case cluster of 2 to 12 questions");
            return null;
        }
        try {
            if (marker == null) {
                LocalizedText history = QtiText.of(lang, body == null ? "" : QtiText.visibleText(body));
                if (history == null) {
                    problems.add(root, "qti-stimulus-body", "the shared stimulus has no text");
                    return null;
                }
                return new CaseClusterItem(
                        QtiIds.decode(attr(root, "identifier")), history, List.of(), questions, false, ItemInfo.NONE);
            }
            List<SeriesRef> images = new ArrayList<>();
            String ids = attr(marker, QtiVocabulary.SERIES);
            if (ids != null && !ids.isBlank()) {
                for (String id : ids.strip().split("\\s+")) {
                    series.find(id)
                            .ifPresentOrElse(
                                    images::add,
                                    () -> problems.add(
                                            marker,
                                            QtiVocabulary.SERIES,
                                            "series " + id + " is not in the case library; import the case first"));
                }
            }
            ItemInfo info = QtiItemReader.info(marker, QtiItemReader.teachingPointsJson(marker, problems), problems);
            LocalizedText stem = QtiText.localized(byClass(body, QtiVocabulary.STEM), lang);
            if (problems.any()) {
                return null;
            }
            return new CaseClusterItem(
                    attr(marker, QtiVocabulary.ID),
                    stem,
                    images,
                    questions,
                    "true".equals(attr(marker, QtiVocabulary.LOCKS)),
                    info);
        } catch (IllegalArgumentException e) {
            problems.add(root, "qti-assessment-stimulus", e.getMessage());
            return null;
        }
    }
}

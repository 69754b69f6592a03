package org.readroom.server.bank.qti;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.readroom.core.bank.ItemInfo;
import org.readroom.core.bank.SeriesRef;
import org.readroom.core.protocol.Wire;
import org.readroom.core.text.LocalizedText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds QTI 3.0 elements in one document: plain elements, bilingual texts, ReadRoom's metadata attributes. */
final class QtiDom {

    final Document document;

    QtiDom() {
        this.document = QtiXml.newDocument();
    }

    Element root(String name) {
        Element root = document.createElementNS(QtiXml.QTI_NS, name);
        document.appendChild(root);
        return root;
    }

    /** A child element; {@code attributes} are name/value pairs, a null value leaves the attribute out. */
    Element add(Element parent, String name, String... attributes) {
        Element element = document.createElementNS(parent.getNamespaceURI(), name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                element.setAttribute(attributes[i], attributes[i + 1]);
            }
        }
        parent.appendChild(element);
        return element;
    }

    Element addText(Element parent, String name, String text, String... attributes) {
        Element element = add(parent, name, attributes);
        element.setTextContent(text);
        return element;
    }

    /** One {@code <tag xml:lang="…">} per non-empty language of {@code text}: zh first, then en. */
    void localized(Element parent, String tag, LocalizedText text) {
        if (!text.zh().isEmpty()) {
            addText(parent, tag, text.zh()).setAttributeNS(QtiXml.XML_NS, "xml:lang", "zh");
        }
        if (!text.en().isEmpty()) {
            addText(parent, tag, text.en()).setAttributeNS(QtiXml.XML_NS, "xml:lang", "en");
        }
    }

    /** A block of class {@code cssClass} holding {@code text} as one paragraph per language. */
    Element block(Element parent, String cssClass, LocalizedText text) {
        Element div = add(parent, "div", "class", cssClass);
        localized(div, "p", text);
        return div;
    }

    /**
     * The pictures of an item's or cluster's series, each an {@code <img>} in one {@code div.readroom-images}; {@code
     * toRoot} leads from the file being written to the package root.
     */
    void pictures(Element parent, List<QtiPictures.Picture> pictures, String toRoot) {
        if (pictures.isEmpty()) {
            return;
        }
        Element div = add(parent, "div", "class", QtiVocabulary.IMAGES);
        for (QtiPictures.Picture picture : pictures) {
            add(
                    div,
                    "img",
                    "src",
                    toRoot + picture.path(),
                    "alt",
                    picture.alt(),
                    "width",
                    String.valueOf(picture.columns()),
                    "height",
                    String.valueOf(picture.rows()));
        }
    }

    /** The metadata every ReadRoom item and cluster carries: id, type, topic, difficulty, series. */
    static void describe(Element marker, String id, String type, ItemInfo info, List<SeriesRef> images) {
        marker.setAttribute(QtiVocabulary.ID, id);
        marker.setAttribute(QtiVocabulary.TYPE, type);
        if (info.topic() != null) {
            marker.setAttribute(QtiVocabulary.TOPIC, info.topic().path());
        }
        if (info.difficulty() != null) {
            marker.setAttribute(QtiVocabulary.DIFFICULTY, info.difficulty().wireName());
        }
        if (!images.isEmpty()) {
            marker.setAttribute(
                    QtiVocabulary.SERIES,
                    String.join(" ", images.stream().map(SeriesRef::seriesId).toList()));
        }
    }

    static String json(Object value) {
        try {
            return Wire.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String lang(LocalizedText text) {
        return text.zh().isBlank() ? "en" : "zh";
    }

    static String title(LocalizedText text) {
        String title = (text.zh().isBlank() ? text.en() : text.zh())
                .replaceAll("\\s+", " ")
                .strip();
        return title.length() > 80 ? title.substring(0, 79) + "…" : title;
    }
}

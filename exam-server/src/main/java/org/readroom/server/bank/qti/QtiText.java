package org.readroom.server.bank.qti;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.readroom.core.text.LocalizedText;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads texts out of QTI content. ReadRoom writes each language as its own {@code xml:lang} child and reads those back
 * exactly; other content is read as plain text (white space collapsed) in the item's language.
 */
final class QtiText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "pre",
            "blockquote",
            "tr",
            "table",
            "br",
            "qti-prompt",
            "section",
            "article");
    private static final Set<String> SKIPPED = Set.of(
            "qti-rubric-block",
            "qti-modal-feedback",
            "qti-feedback-block",
            "qti-feedback-inline",
            "qti-template-block",
            "qti-template-inline",
            "script",
            "style");

    private QtiText() {}

    /** The text of {@code holder}: its zh/en children when it has them, else its plain text in {@code lang}. */
    static LocalizedText localized(Element holder, String lang) {
        if (holder == null) {
            return null;
        }
        String zh = null;
        String en = null;
        for (Element child : QtiXml.children(holder)) {
            String childLang = QtiXml.xmlLang(child);
            if (childLang == null) {
                continue;
            }
            if (isChinese(childLang)) {
                zh = child.getTextContent();
            } else {
                en = child.getTextContent();
            }
        }
        if (zh == null && en == null) {
            return of(lang, plain(holder));
        }
        return zh == null && en.isBlank() || en == null && zh.isBlank() ? null : LocalizedText.of(zh, en);
    }

    /**
     * The question text of foreign content: everything but interactions (their prompts kept, a text entry shown as
     * "____"), rubrics and feedback; one line per block element.
     */
    static String visibleText(Element root) {
        StringBuilder text = new StringBuilder();
        collect(root, text);
        List<String> lines = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            String clean = line.replaceAll("\\s+", " ").strip();
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        return String.join("\n", lines);
    }

    private static void collect(Node node, StringBuilder text) {
        NodeList nodes = node.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node child = nodes.item(i);
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                // Source line breaks are layout; only block elements break lines.
                text.append(child.getNodeValue().replaceAll("\\s+", " "));
            } else if (child instanceof Element element) {
                String name = element.getLocalName();
                if (SKIPPED.contains(name) || QtiXml.hasClass(element, QtiVocabulary.ITEM)) {
                    continue;
                }
                if (name.equals("qti-text-entry-interaction")) {
                    text.append("____");
                    continue;
                }
                if (name.endsWith("-interaction")) {
                    Element prompt = QtiXml.child(element, "qti-prompt");
                    if (prompt != null) {
                        text.append('\n');
                        collect(prompt, text);
                        text.append('\n');
                    }
                    continue;
                }
                boolean block = BLOCKS.contains(name);
                if (block) {
                    text.append('\n');
                }
                collect(element, text);
                if (block) {
                    text.append('\n');
                }
            }
        }
    }

    static LocalizedText of(String lang, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return isChinese(lang) ? LocalizedText.of(text, "") : LocalizedText.of("", text);
    }

    static String plain(Element element) {
        return visibleText(element).replace('\n', ' ');
    }

    static boolean isChinese(String lang) {
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh");
    }
}

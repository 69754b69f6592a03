package org.readroom.server.bank.qti;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The XML plumbing of QTI import and export: a hardened parser that builds a DOM whose elements remember their line
 * (so every problem names one), a serializer, and small DOM helpers. Parsing refuses DOCTYPE declarations outright,
 * so no external entity or DTD is ever read (XXE).
 */
final class QtiXml {

    static final String QTI_NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
    /** The content-package namespace the QTI 3.0 package schema uses; the plain IMS CP one is read as well. */
    static final String CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";

    static final String CP_NS_PLAIN = "http://www.imsglobal.org/xsd/imscp_v1p1";
    static final String XML_NS = XMLConstants.XML_NS_URI;

    private static final String LINE = "readroom.line";

    private QtiXml() {}

    /** Well-formedness failure, with the position the parser stopped at. */
    static final class NotWellFormed extends Exception {
        final int line;
        final int column;

        NotWellFormed(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** Parses {@code bytes} into a namespace-aware DOM; every element carries its start line (see {@link #line}). */
    static Document parse(byte[] bytes) throws NotWellFormed {
        try {
            SAXParser parser = secureSaxFactory().newSAXParser();
            Document document =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            parser.parse(new InputSource(new ByteArrayInputStream(bytes)), new DomBuilder(document));
            return document;
        } catch (SAXParseException e) {
            throw new NotWellFormed(e.getLineNumber(), e.getColumnNumber(), explain(e));
        } catch (SAXException e) {
            throw new NotWellFormed(0, 0, "not well-formed XML: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("XML parser could not be set up: " + e.getMessage(), e);
        }
    }

    private static String explain(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "DOCTYPE declarations are refused (they can pull in external files and entities); "
                    + "QTI 3.0 items need none: remove the <!DOCTYPE …>";
        }
        return "not well-formed XML at column " + e.getColumnNumber() + ": " + message;
    }

    private static SAXParserFactory secureSaxFactory() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory;
    }

    /** Builds the DOM from SAX events, storing each element's line as user data. */
    private static final class DomBuilder extends DefaultHandler {
        private final Document document;
        private final Deque<Node> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;

        DomBuilder(Document document) {
            this.document = document;
            open.push(document);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            flushText();
            Element element = document.createElementNS(uri == null || uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < attributes.getLength(); i++) {
                String attributeUri = attributes.getURI(i);
                element.setAttributeNS(
                        attributeUri == null || attributeUri.isEmpty() ? null : attributeUri,
                        attributes.getQName(i),
                        attributes.getValue(i));
            }
            element.setUserData(LINE, locator == null ? 0 : locator.getLineNumber(), null);
            open.peek().appendChild(element);
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            flushText();
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flushText() {
            if (text.length() > 0) {
                if (open.peek() != document) {
                    open.peek().appendChild(document.createTextNode(text.toString()));
                }
                text.setLength(0);
            }
        }
    }

    /** The line an element started on, or 0 for elements not read from a file. */
    static int line(Element element) {
        Object line = element == null ? null : element.getUserData(LINE);
        return line instanceof Integer ? (Integer) line : 0;
    }

    static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a document as indented UTF-8; text-only elements keep their text exactly. */
    static void write(Document document, OutputStream out) throws IOException {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            // Written by hand: the JDK serializer puts the root element on the declaration's line.
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
            transformer.transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("could not write XML: " + e.getMessage(), e);
        }
    }

    // ---- DOM helpers -------------------------------------------------------------------------------------------

    static Element child(Element parent, String localName) {
        for (Element element : children(parent)) {
            if (localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        if (parent == null) {
            return elements;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> elements = new ArrayList<>();
        for (Element element : children(parent)) {
            if (localName.equals(element.getLocalName())) {
                elements.add(element);
            }
        }
        return elements;
    }

    /** Every element below {@code root} (document order) with that local name. */
    static List<Element> descendants(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        if (root != null) {
            NodeList nodes = root.getElementsByTagNameNS("*", localName);
            for (int i = 0; i < nodes.getLength(); i++) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    /** An attribute's value, or null when the attribute is absent. */
    static String attr(Element element, String name) {
        return element != null && element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    static String xmlLang(Element element) {
        return element.hasAttributeNS(XML_NS, "lang") ? element.getAttributeNS(XML_NS, "lang") : null;
    }

    static boolean hasClass(Element element, String name) {
        String classes = attr(element, "class");
        if (classes == null) {
            return false;
        }
        for (String each : classes.trim().split("\\s+")) {
            if (each.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The first element below {@code root} carrying class {@code name}, or null. */
    static Element byClass(Element root, String name) {
        for (Element element : children(root)) {
            if (hasClass(element, name)) {
                return element;
            }
            Element deeper = byClass(element, name);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    /** Text with runs of white space collapsed to one space and trimmed: how foreign content is read. */
    static String plainText(Node node) {
        return node == null ? "" : node.getTextContent().replaceAll("\\s+", " ").strip();
    }
}

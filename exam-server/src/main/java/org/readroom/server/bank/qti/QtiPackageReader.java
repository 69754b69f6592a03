package org.readroom.server.bank.qti;

import static org.readroom.server.bank.qti.QtiXml.attr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.readroom.core.bank.Item;
import org.readroom.server.bank.io.SeriesResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a QTI 3.0 content package: the manifest's item resources in order, each item file, and the shared stimuli
 * that bind questions into case clusters. Problems are reported per file as {@code bank.zip!items/x.xml:line:…}.
 */
final class QtiPackageReader {

    private static final int MAX_ENTRIES = 20_000;
    private static final long MAX_BYTES = 512L * 1024 * 1024;

    private final String label;
    private final QtiProblems problems;
    private final SeriesResolver series;
    private final Map<String, byte[]> files = new HashMap<>();

    private QtiPackageReader(String label, QtiProblems problems, SeriesResolver series) {
        this.label = label;
        this.problems = problems;
        this.series = series;
    }

    /** One item file read: the item, and the package path of the stimulus it refers to (or null). */
    private record Entry(QtiItemReader.Read read, String stimulusPath, QtiProblems problems) {}

    static List<Item> read(String label, byte[] zip, QtiProblems problems, SeriesResolver series) {
        QtiPackageReader reader = new QtiPackageReader(label, problems, series);
        if (!reader.unzip(zip)) {
            return List.of();
        }
        return reader.items();
    }

    private boolean unzip(byte[] zip) {
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() >= MAX_ENTRIES) {
                    problems.addAt("", "zip", "more than " + MAX_ENTRIES + " files; split the package");
                    return false;
                }
                byte[] bytes = readLimited(in, MAX_BYTES - total);
                if (bytes == null) {
                    problems.addAt("", "zip", "unpacks to more than " + (MAX_BYTES >> 20) + " MB; split the package");
                    return false;
                }
                total += bytes.length;
                String name = normalize(entry.getName());
                if (name != null) {
                    files.put(name, bytes);
                }
            }
        } catch (IOException e) {
            problems.addAt("", "zip", "not a readable zip file: " + e.getMessage());
            return false;
        }
        if (files.isEmpty()) {
            problems.addAt("", "zip", "not a zip file, or an empty one");
            return false;
        }
        return true;
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            if (out.size() > limit) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private List<Item> items() {
        byte[] manifestBytes = files.get("imsmanifest.xml");
        if (manifestBytes == null) {
            problems.addAt("", "imsmanifest.xml", "a QTI content package needs imsmanifest.xml at its top level");
            return List.of();
        }
        QtiProblems manifestProblems = problems.forFile(label + "!imsmanifest.xml");
        Document manifest = parse(manifestBytes, manifestProblems);
        if (manifest == null) {
            return List.of();
        }
        Element root = manifest.getDocumentElement();
        String namespace = root.getNamespaceURI();
        if (!"manifest".equals(root.getLocalName())
                || !(QtiXml.CP_NS.equals(namespace) || QtiXml.CP_NS_PLAIN.equals(namespace))) {
            manifestProblems.add(
                    root, root.getTagName(), "root element must be <manifest xmlns=\"" + QtiXml.CP_NS + "\">");
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        int itemResources = 0;
        for (Element resource : QtiXml.descendants(root, "resource")) {
            String type = String.valueOf(attr(resource, "type"));
            if (type.startsWith("imsqti_item_xmlv2")) {
                manifestProblems.add(
                        resource,
                        "type",
                        "a QTI 2.x item (" + type + "); ReadRoom reads QTI 3.0 items (" + QtiVocabulary.ITEM_RESOURCE
                                + ")");
                continue;
            }
            if (!type.equals(QtiVocabulary.ITEM_RESOURCE)) {
                continue; // tests, stimuli (read through their items), web content
            }
            itemResources++;
            String href = attr(resource, "href");
            String path = href == null ? null : resolve(base(resource), href);
            if (path == null || !files.containsKey(path)) {
                manifestProblems.add(
                        resource,
                        "href",
                        href == null
                                ? "the item resource names no file (href)"
                                : "names " + href + ", which is not in the package");
                continue;
            }
            Entry entry = readItem(path);
            if (entry != null) {
                entries.add(entry);
            }
        }
        if (itemResources == 0) {
            manifestProblems.add(
                    root,
                    "resources",
                    "the package lists no QTI 3.0 items (resource type " + QtiVocabulary.ITEM_RESOURCE + ")");
        }
        return assemble(entries);
    }

    private Entry readItem(String path) {
        QtiProblems fileProblems = problems.forFile(label + "!" + path);
        Document document = parse(files.get(path), fileProblems);
        if (document == null) {
            return null;
        }
        QtiItemReader.Read read = QtiItemReader.read(document, fileProblems, series);
        if (read == null) {
            return null;
        }
        String stimulusPath = null;
        if (read.stimulusRef() != null) {
            String href = attr(read.stimulusRef(), "href");
            stimulusPath = href == null ? null : resolve(path, href);
            if (stimulusPath == null || !files.containsKey(stimulusPath)) {
                fileProblems.add(
                        read.stimulusRef(), "href", "names stimulus " + href + ", which is not in the package");
                return null;
            }
        }
        return new Entry(read, stimulusPath, fileProblems);
    }

    /** Items in manifest order; questions sharing a stimulus become one cluster where its first question stood. */
    private List<Item> assemble(List<Entry> entries) {
        Map<String, List<Item>> clusters = new LinkedHashMap<>();
        List<Object> slots = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.stimulusPath() == null) {
                slots.add(entry);
            } else {
                clusters.computeIfAbsent(entry.stimulusPath(), path -> {
                            slots.add(path);
                            return new ArrayList<>();
                        })
                        .add(entry.read().item());
            }
        }
        List<Item> items = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Object slot : slots) {
            Item item;
            QtiProblems at;
            Element where;
            if (slot instanceof Entry entry) {
                item = entry.read().item();
                at = entry.problems();
                where = null;
            } else {
                String path = (String) slot;
                at = problems.forFile(label + "!" + path);
                Document stimulus = parse(files.get(path), at);
                item = stimulus == null ? null : QtiStimulusReader.read(stimulus, clusters.get(path), at, series);
                where = stimulus == null ? null : stimulus.getDocumentElement();
            }
            if (item == null) {
                continue;
            }
            String earlier = seen.putIfAbsent(item.id(), at.file);
            if (earlier != null) {
                at.add(where, "identifier", "item id " + item.id() + " is used already by " + earlier);
            } else {
                items.add(item);
            }
        }
        return items;
    }

    static Document parse(byte[] bytes, QtiProblems problems) {
        try {
            return QtiXml.parse(bytes);
        } catch (QtiXml.NotWellFormed e) {
            problems.addAt(e.line > 0 ? String.valueOf(e.line) : "", "xml", e.getMessage());
            return null;
        }
    }

    private static String base(Element resource) {
        StringBuilder base = new StringBuilder();
        Element resources = (Element) resource.getParentNode();
        for (Element each : new Element[] {resources, resource}) {
            String xmlBase = each.getAttributeNS(QtiXml.XML_NS, "base");
            if (xmlBase != null && !xmlBase.isEmpty()) {
                base.append(xmlBase.endsWith("/") ? xmlBase : xmlBase + "/");
            }
        }
        return base + "x";
    }

    /** {@code href} relative to the file {@code from} (both package paths); null when it leaves the package. */
    static String resolve(String from, String href) {
        String joined = href.startsWith("/") ? href : from.substring(0, from.lastIndexOf('/') + 1) + href;
        return normalize(joined);
    }

    private static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}

package org.readroom.server.bank.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An exported QTI package opened the way another system would: its files by path, XML parsed with the JDK's own
 * parser (not ReadRoom's reader), pictures decoded with ImageIO, and the manifest's resources.
 */
final class ExportedPackage {

    final Map<String, byte[]> files = new LinkedHashMap<>();

    ExportedPackage(Path zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(java.nio.file.Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
    }

    Document xml(String path) throws Exception {
        byte[] bytes = files.get(path);
        assertNotNull(bytes, path + " is in the package " + files.keySet());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** The only file whose path starts with {@code prefix} and contains {@code part}. */
    String file(String prefix, String part) {
        List<String> found = files.keySet().stream()
                .filter(f -> f.startsWith(prefix) && f.contains(part))
                .toList();
        assertEquals(1, found.size(), prefix + "*" + part + "* in " + files.keySet());
        return found.get(0);
    }

    List<String> files(String prefix) {
        return files.keySet().stream().filter(f -> f.startsWith(prefix)).toList();
    }

    /** The picture at {@code href} seen from the file {@code from}, which must be in the package. */
    BufferedImage picture(String from, String href) throws IOException {
        String path = resolve(from, href);
        byte[] bytes = files.get(path);
        assertNotNull(bytes, href + " (from " + from + ") is in the package " + files.keySet());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, path + " is an image ImageIO reads");
        return image;
    }

    static String resolve(String from, String href) {
        return URI.create(from).resolve(href).toString();
    }

    /** The manifest resource whose file is {@code path}. */
    Element resourceOf(String path) throws Exception {
        for (Element resource : elements(xml("imsmanifest.xml").getDocumentElement(), "resource")) {
            for (Element file : elements(resource, "file")) {
                if (path.equals(file.getAttribute("href"))) {
                    return resource;
                }
            }
        }
        throw new AssertionError(path + " is not named in imsmanifest.xml");
    }

    /** The identifiers a manifest resource depends on. */
    static List<String> dependencies(Element resource) {
        return elements(resource, "dependency").stream()
                .map(d -> d.getAttribute("identifierref"))
                .toList();
    }

    static List<Element> elements(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    static Element only(Element root, String localName) {
        List<Element> found = elements(root, localName);
        assertEquals(1, found.size(), "one <" + localName + ">");
        return found.get(0);
    }

    /** Asserts that {@code path} is listed as web content and that the resource of {@code user} depends on it. */
    void assertListedFor(String user, String path) throws Exception {
        Element picture = resourceOf(path);
        assertEquals("webcontent", picture.getAttribute("type"), path);
        assertTrue(
                dependencies(resourceOf(user)).contains(picture.getAttribute("identifier")),
                user + " depends on " + path);
    }
}

package org.readroom.server.bank.qti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.readroom.core.bank.CaseClusterItem;
import org.readroom.core.bank.ChoiceOption;
import org.readroom.core.bank.Item;
import org.readroom.core.bank.MatchingItem;
import org.readroom.core.bank.MatchingQuestion;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes bank items as a QTI 3.0 content package: {@code imsmanifest.xml}, one {@code items/*.xml} per question or B1
 * set, for each case cluster a shared stimulus ({@code stimuli/*.xml}) its questions refer to, in order, and the
 * pictures other systems show ({@code images/*.png}: a hotspot's frame, a view of each series). ReadRoom's {@link
 * QtiBankReader} reads the package back into equal items; docs/bank-qti.md says what other systems get.
 */
public final class QtiBankWriter {

    private final ZipOutputStream zip;
    private final QtiPictures pictures;
    private final QtiDom manifest = new QtiDom();
    private final Element resources;
    private final List<String> warnings = new ArrayList<>();
    private int itemsWritten;
    private int itemFiles;
    private int sequence;

    private QtiBankWriter(ZipOutputStream zip, QtiImages images) {
        this.zip = zip;
        this.pictures = new QtiPictures(images, this::put);
        Element root = manifest.document.createElementNS(QtiXml.CP_NS, "manifest");
        manifest.document.appendChild(root);
        root.setAttribute("identifier", "readroom-bank");
        Element metadata = manifest.add(root, "metadata");
        manifest.addText(metadata, "schema", "QTI Package");
        manifest.addText(metadata, "schemaversion", "3.0.0");
        manifest.add(root, "organizations");
        resources = manifest.add(root, "resources");
    }

    /**
     * Writes {@code items} to {@code zipOut} (replaced if present), with the pictures {@code images} renders; items QTI
     * cannot carry are left out with a warning. Blocking: call off the event loop.
     *
     * @throws QtiExportException when a picture some item needs cannot be made (say its series is not in the case
     *     library): every such problem is named and nothing is written
     */
    public static QtiExport write(List<Item> items, QtiImages images, Path zipOut) throws IOException {
        Path parent = zipOut.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, zipOut.getFileName().toString(), ".part");
        try {
            QtiBankWriter writer;
            try (OutputStream out = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                writer = new QtiBankWriter(zip, images);
                for (Item item : items) {
                    writer.add(item);
                }
                if (!writer.pictures.problems().isEmpty()) {
                    throw new QtiExportException(writer.pictures.problems());
                }
                writer.listPictures();
                writer.put("imsmanifest.xml", bytes(writer.manifest.document));
            }
            Files.move(partial, zipOut, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new QtiExport(zipOut, writer.itemsWritten, writer.itemFiles, writer.warnings);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void put(String path, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(bytes);
        zip.closeEntry();
    }

    private void add(Item item) throws IOException {
        if (item instanceof MatchingItem matching) {
            String clash = matchSetClash(matching);
            if (clash != null) {
                warnings.add("item " + item.id() + ": not exported: question and option share the id " + clash
                        + ", which one QTI match interaction cannot tell apart");
                return;
            }
        }
        if (item instanceof CaseClusterItem cluster) {
            addCluster(cluster);
        } else {
            addItem(item, QtiIds.encode(item.id()), null, "item " + item.id());
        }
        itemsWritten++;
    }

    private void addCluster(CaseClusterItem cluster) throws IOException {
        String name = String.format(Locale.ROOT, "stimulus-%04d", ++sequence);
        String href = "stimuli/" + name + "-" + cluster.id() + ".xml";
        QtiPictures.Shown shown = pictures.of("case cluster " + cluster.id(), cluster);
        if (shown.complete()) { // else the export stops after the last item and writes nothing
            put(href, bytes(stimulus(cluster, shown)));
        }
        Element resource = manifest.add(
                resources, "resource", "identifier", name, "type", QtiVocabulary.STIMULUS_RESOURCE, "href", href);
        manifest.add(resource, "file", "href", href);
        depend(resource, shown);
        QtiItemWriter.StimulusRef ref =
                new QtiItemWriter.StimulusRef(QtiIds.encode(cluster.id()), "../" + href, QtiDom.title(cluster.stem()));
        for (Item question : cluster.questions()) {
            // Question ids are unique only within their cluster, so the QTI identifier names the cluster too.
            Element item = addItem(
                    question,
                    QtiIds.encode(cluster.id() + "." + question.id()),
                    ref,
                    "item " + cluster.id() + ", question " + question.id());
            manifest.add(item, "dependency", "identifierref", name);
        }
    }

    private Element addItem(Item item, String identifier, QtiItemWriter.StimulusRef stimulus, String label)
            throws IOException {
        String name = String.format(Locale.ROOT, "item-%04d", ++sequence);
        String href = "items/" + name + "-" + identifier + ".xml";
        QtiPictures.Shown shown = pictures.of(label, item);
        if (shown.complete()) {
            put(href, bytes(QtiItemWriter.write(item, identifier, stimulus, shown)));
        }
        itemFiles++;
        Element resource = manifest.add(
                resources, "resource", "identifier", name, "type", QtiVocabulary.ITEM_RESOURCE, "href", href);
        manifest.add(resource, "file", "href", href);
        depend(resource, shown);
        return resource;
    }

    private void depend(Element resource, QtiPictures.Shown shown) {
        for (QtiPictures.Picture picture : shown.all()) {
            manifest.add(resource, "dependency", "identifierref", picture.resource());
        }
    }

    /** Each picture file as a web content resource the items and stimuli that show it depend on. */
    private void listPictures() {
        for (QtiPictures.Picture picture : pictures.files()) {
            Element resource = manifest.add(
                    resources,
                    "resource",
                    "identifier",
                    picture.resource(),
                    "type",
                    QtiVocabulary.WEB_CONTENT,
                    "href",
                    picture.path());
            manifest.add(resource, "file", "href", picture.path());
        }
    }

    private static Document stimulus(CaseClusterItem cluster, QtiPictures.Shown shown) {
        QtiDom dom = new QtiDom();
        Element root = dom.root("qti-assessment-stimulus");
        root.setAttribute("identifier", QtiIds.encode(cluster.id()));
        root.setAttribute("title", QtiDom.title(cluster.stem()));
        root.setAttributeNS(QtiXml.XML_NS, "xml:lang", QtiDom.lang(cluster.stem()));
        Element body = dom.add(root, "qti-stimulus-body");
        Element marker = dom.add(body, "div", "class", QtiVocabulary.CLUSTER);
        QtiDom.describe(marker, cluster.id(), cluster.type().wireName(), cluster.info(), cluster.images());
        marker.setAttribute(QtiVocabulary.LOCKS, String.valueOf(cluster.locksOnceAnswered()));
        if (!cluster.info().teachingPoints().isEmpty()) {
            // A stimulus has no rubric block, and teaching points must not show to candidates elsewhere.
            marker.setAttribute(
                    QtiVocabulary.TEACHING_JSON, QtiDom.json(cluster.info().teachingPoints()));
        }
        dom.block(body, QtiVocabulary.STEM, cluster.stem());
        dom.pictures(body, shown.series(), "../");
        return dom.document;
    }

    private static String matchSetClash(MatchingItem matching) {
        Set<String> options = new HashSet<>();
        for (ChoiceOption option : matching.options()) {
            options.add(option.id());
        }
        for (MatchingQuestion question : matching.questions()) {
            if (options.contains(question.id())) {
                return question.id();
            }
        }
        return null;
    }

    private static byte[] bytes(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            QtiXml.write(document, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}

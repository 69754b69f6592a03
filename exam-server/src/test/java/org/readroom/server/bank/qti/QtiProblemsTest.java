package org.readroom.server.bank.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.server.bank.io.BankProblem;
import org.readroom.server.bank.io.BankReadResult;
import org.readroom.server.bank.io.SeriesResolver;

/** The dry-run side of QTI import: every problem, with file, line and element or attribute. */
class QtiProblemsTest {

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(QtiProblemsTest.class.getResource("/qti/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> problems(BankReadResult result) {
        return result.problems().stream().map(BankProblem::toString).toList();
    }

    @Test
    void unknownInteractionsAreEachReportedAtTheirLine() {
        BankReadResult result = QtiBankReader.read(fixture("unknown-slider.xml"), SeriesResolver.NONE);
        assertEquals(
                List.of(
                        fixture("unknown-slider.xml")
                                + ":10:qti-slider-interaction: interaction not supported; ReadRoom imports"
                                + " choice, text entry, extended text, select point/hotspot and match",
                        fixture("unknown-slider.xml")
                                + ":11:qti-graphic-order-interaction: interaction not supported; ReadRoom"
                                + " imports choice, text entry, extended text, select point/hotspot and match"),
                problems(result));
        assertEquals(List.of(), result.items());
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        BankReadResult result = QtiBankReader.read(fixture("malformed.xml"), SeriesResolver.NONE);
        assertEquals(1, result.problems().size());
        BankProblem problem = result.problems().get(0);
        assertEquals("5", problem.where());
        assertEquals("xml", problem.field());
        assertTrue(problem.message().startsWith("not well-formed XML at column "), problem.message());
        assertTrue(problem.message().contains("\"p\""), problem.message());
    }

    @Test
    void externalEntityIsRefusedAndNeverRead() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-ANSWER-KEY");
        Path item = dir.resolve("xxe.xml");
        Files.writeString(
                item,
                "<?xml version=\"1.0\"?>\n"
                        + "<!DOCTYPE qti-assessment-item [<!ENTITY key SYSTEM \"" + secret.toUri() + "\">]>\n"
                        + "<qti-assessment-item xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\" identifier=\"x\">\n"
                        + "<qti-item-body><p>&key;</p></qti-item-body></qti-assessment-item>\n");
        BankReadResult result = QtiBankReader.read(item, SeriesResolver.NONE);
        assertEquals(
                List.of(item + ":2:xml: DOCTYPE declarations are refused (they can pull in external files and"
                        + " entities); QTI 3.0 items need none: remove the <!DOCTYPE …>"),
                problems(result));
        assertEquals(List.of(), result.items());
        assertFalse(result.toString().contains("TOP-SECRET"));
    }

    @Test
    void missingCorrectResponseIsReportedAtTheDeclaration() {
        BankReadResult result = QtiBankReader.read(fixture("missing-correct-response.xml"), SeriesResolver.NONE);
        assertEquals(
                List.of(fixture("missing-correct-response.xml")
                        + ":4:qti-correct-response: response RESPONSE has no correct"
                        + " response; ReadRoom needs the answer key to score the item"),
                problems(result));
    }

    @Test
    void qti2ItemIsRefusedWithTheVersionNamed() {
        BankReadResult result = QtiBankReader.read(fixture("qti2-item.xml"), SeriesResolver.NONE);
        // SAX places an element where its start tag ends: this one spans lines 2-3.
        assertEquals(
                List.of(fixture("qti2-item.xml")
                        + ":3:assessmentItem: this is QTI 2.x (http://www.imsglobal.org/xsd/imsqti_v2p2);"
                        + " ReadRoom reads QTI 3.0 (http://www.imsglobal.org/xsd/imsqtiasi_v3p0)"),
                problems(result));
    }

    @Test
    void wrongRootElementIsNamed() throws IOException {
        Path item = dir.resolve("note.xml");
        Files.writeString(item, "<note xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\"/>");
        assertEquals(
                List.of(item + ":1:note: root element must be <qti-assessment-item"
                        + " xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\">, was <note>"),
                problems(QtiBankReader.read(item, SeriesResolver.NONE)));
    }

    @Test
    void packageWhoseManifestNamesAMissingFileSaysWhichAndWhere() throws IOException {
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\" identifier=\"m\">\n"
                + "  <resources>\n"
                + "    <resource identifier=\"r1\" type=\"imsqti_item_xmlv3p0\" href=\"items/choice.xml\">\n"
                + "      <file href=\"items/choice.xml\"/>\n"
                + "    </resource>\n"
                + "    <resource identifier=\"r2\" type=\"imsqti_item_xmlv3p0\" href=\"items/gone.xml\"/>\n"
                + "  </resources>\n"
                + "</manifest>\n";
        Path zip = zip(
                "pkg.zip",
                Map.of(
                        "imsmanifest.xml",
                        manifest,
                        "items/choice.xml",
                        Files.readString(fixture("foreign-choice.xml"))));
        BankReadResult result = QtiBankReader.read(zip, SeriesResolver.NONE);
        assertEquals(
                List.of(zip + "!imsmanifest.xml:7:href: names items/gone.xml, which is not in the package"),
                problems(result));
        assertEquals(1, result.items().size(), "the readable item is still checked and reported valid");
    }

    @Test
    void problemsInSeveralPackageFilesAreAllReported() throws IOException {
        String manifest = "<manifest xmlns=\"http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1\" identifier=\"m\">"
                + "<resources>"
                + "<resource identifier=\"a\" type=\"imsqti_item_xmlv3p0\" href=\"a.xml\"/>"
                + "<resource identifier=\"b\" type=\"imsqti_item_xmlv3p0\" href=\"b.xml\"/>"
                + "</resources></manifest>";
        Path zip = zip(
                "two.zip",
                Map.of(
                        "imsmanifest.xml", manifest,
                        "a.xml", Files.readString(fixture("unknown-slider.xml")),
                        "b.xml", Files.readString(fixture("malformed.xml"))));
        List<String> problems = problems(QtiBankReader.read(zip, SeriesResolver.NONE));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(zip + "!a.xml:10:qti-slider-interaction: "), problems.get(0));
        assertTrue(problems.get(2).startsWith(zip + "!b.xml:5:xml: not well-formed XML"), problems.get(2));
    }

    @Test
    void zipWithoutManifestIsRefused() throws IOException {
        Path zip = zip("bare.zip", Map.of("item.xml", "<x/>"));
        assertEquals(
                List.of(zip + "::imsmanifest.xml: a QTI content package needs imsmanifest.xml at its top level"),
                problems(QtiBankReader.read(zip, SeriesResolver.NONE)));
    }

    @Test
    void selectPointOnAnImageThatIsNoReadRoomSeriesIsRefused() throws IOException {
        Path item = dir.resolve("point.xml");
        Files.writeString(
                item,
                """
                <qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0" identifier="p1" xml:lang="en">
                  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="point">
                    <qti-area-mapping default-value="0">
                      <qti-area-map-entry shape="circle" coords="191,93,10" mapped-value="1"/>
                    </qti-area-mapping>
                  </qti-response-declaration>
                  <qti-item-body>
                    <qti-select-point-interaction response-identifier="RESPONSE" max-choices="1">
                      <qti-prompt>Mark the lesion.</qti-prompt>
                      <img src="chest.png" width="400" height="300" alt="chest"/>
                    </qti-select-point-interaction>
                  </qti-item-body>
                </qti-assessment-item>
                """);
        List<String> problems = problems(QtiBankReader.read(item, SeriesResolver.NONE));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .startsWith(item + ":8:qti-select-point-interaction: the image is not a ReadRoom" + " series"),
                problems.get(0));
    }

    @Test
    void mappingNoReadRoomRuleExpressesIsRefused() throws IOException {
        String xml = Files.readString(fixture("foreign-multiple.xml"))
                .replace(
                        "</qti-correct-response>",
                        "</qti-correct-response>\n    <qti-mapping default-value=\"0\"><qti-map-entry map-key=\"A\""
                                + " mapped-value=\"1\"/><qti-map-entry map-key=\"C\" mapped-value=\"1\"/></qti-mapping>");
        Path item = dir.resolve("mapped.xml");
        Files.writeString(item, xml);
        List<String> problems = problems(QtiBankReader.read(item, SeriesResolver.NONE));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0).startsWith(item + ":9:qti-mapping: these mapped values match no ReadRoom"),
                problems.get(0));
    }

    Path zip(String name, Map<String, String> files) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream stream = new ZipOutputStream(out)) {
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                stream.putNextEntry(new ZipEntry(file.getKey()));
                stream.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                stream.closeEntry();
            }
        }
        return zip;
    }
}

package org.readroom.server.bank.qti;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.readroom.core.bank.Item;
import org.readroom.server.bank.io.BankProblem;
import org.readroom.server.bank.io.BankReadResult;
import org.readroom.server.bank.io.SeriesResolver;
import org.w3c.dom.Document;

/**
 * Reads QTI 3.0 into bank items: a single {@code qti-assessment-item} XML file, or a content package (zip with
 * {@code imsmanifest.xml}). It only reads and checks (a dry run): every problem is reported as
 * {@code file:line:element-or-attribute: message}, and storing the items is the caller's business.
 */
public final class QtiBankReader {

    private static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private QtiBankReader() {}

    public static BankReadResult read(Path file, SeriesResolver series) {
        String label = file.toString(); // as the other bank readers name files
        List<BankProblem> problems = new ArrayList<>();
        QtiProblems sink = new QtiProblems(label, problems);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                sink.addAt("", "file", "larger than " + (MAX_FILE_BYTES >> 20) + " MB");
                return new BankReadResult(label, List.of(), problems);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            sink.addAt("", "file", "cannot be read: " + e.getMessage());
            return new BankReadResult(label, List.of(), problems);
        }
        List<Item> items =
                isZip(bytes) ? QtiPackageReader.read(label, bytes, sink, series) : single(bytes, sink, series);
        return new BankReadResult(label, items, problems);
    }

    private static List<Item> single(byte[] bytes, QtiProblems problems, SeriesResolver series) {
        Document document = QtiPackageReader.parse(bytes, problems);
        if (document == null) {
            return List.of();
        }
        if ("manifest".equals(document.getDocumentElement().getLocalName())) {
            problems.add(
                    document.getDocumentElement(),
                    "manifest",
                    "this is a package manifest; import the whole" + " package (.zip) instead");
            return List.of();
        }
        QtiItemReader.Read read = QtiItemReader.read(document, problems, series);
        if (read == null) {
            return List.of();
        }
        if (read.stimulusRef() != null) {
            problems.add(
                    read.stimulusRef(),
                    "qti-assessment-stimulus-ref",
                    "the item shares a stimulus (a case"
                            + " cluster's history) with other items; import the whole package (.zip) instead");
            return List.of();
        }
        return List.of(read.item());
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }
}

package org.readroom.server.bank.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.readroom.core.bank.Item;
import org.readroom.server.bank.qti.QtiBankReader;

/**
 * Reads bank files of any supported kind, chosen by the file name's extension, and checks a batch of them together:
 * an item id (or a group question's id) must be unique across all the files of one validation or import.
 */
public final class BankFiles {

    /** What reading a batch of files gave: every file's result, and every problem including those across files. */
    public record Batch(List<BankReadResult> results, List<BankProblem> problems) {

        public Batch {
            results = List.copyOf(results);
            problems = List.copyOf(problems);
        }

        /** The valid items of all files, in file order. */
        public List<Item> items() {
            return results.stream().flatMap(r -> r.items().stream()).toList();
        }

        public boolean isClean() {
            return problems.isEmpty();
        }
    }

    private BankFiles() {}

    /** Reads one file with the reader its extension names. */
    public static BankReadResult read(Path file, SeriesResolver series) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JsonBankReader.read(file, series);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return ExcelBankReader.read(file, series);
        }
        if (name.endsWith(".xml") || name.endsWith(".zip")) {
            return QtiBankReader.read(file, series);
        }
        return new BankReadResult(
                file.toString(),
                List.of(),
                List.of(new BankProblem(
                        file.toString(),
                        "",
                        "",
                        "unsupported bank file type \"" + extension(name)
                                + "\"; use .json, .xlsx or .xml/.zip (QTI)")));
    }

    /** Reads every file, then reports ids that more than one file uses. */
    public static Batch readAll(List<Path> files, SeriesResolver series) {
        List<BankReadResult> results = new ArrayList<>();
        List<BankProblem> problems = new ArrayList<>();
        Map<String, Integer> firstFile = new HashMap<>();
        for (Path file : files) {
            BankReadResult result = read(file, series);
            int index = results.size();
            results.add(result);
            problems.addAll(result.problems());
            for (Item item : result.items()) {
                List<Item> owned = new ArrayList<>();
                owned.add(item);
                if (item.isGroup()) {
                    owned.addAll(item.parts());
                }
                for (Item each : owned) {
                    Integer other = firstFile.putIfAbsent(each.id(), index);
                    if (other != null) {
                        problems.add(new BankProblem(
                                result.file(),
                                "",
                                "id",
                                "duplicate id \"" + each.id() + "\": also used in "
                                        + (other == index
                                                ? "this file"
                                                : results.get(other).file())));
                    }
                }
            }
        }
        return new Batch(results, problems);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot);
    }
}

package org.readroom.server.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.bank.SeriesRef;
import org.readroom.server.bank.io.BankProblem;
import org.readroom.server.bank.io.SeriesResolver;
import org.readroom.server.store.Database;

/** Bank import on a real SQLite file through the real migrations: all or nothing, and idempotent. */
class BankImportIT {

    static final Path EXAMPLE = Path.of("..", "docs", "examples", "bank-example.json");
    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    @TempDir
    Path folder;

    private Vertx vertx;
    private Database database;
    private BankImport imports;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        database = Database.open(vertx, folder.resolve("readroom.db")).await();
        imports = new BankImport(vertx, database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
        vertx.close().await();
    }

    private BankImport.Outcome run(Path... files) {
        return imports.run(List.of(files), SeriesResolver.NONE, BankImport.Progress.NONE)
                .await();
    }

    private Path bank(String name, String items) throws Exception {
        return Files.writeString(
                folder.resolve(name),
                "{\"format\": \"readroom-bank\", \"version\": 1, \"items\": [\n" + items + "\n]}");
    }

    private static String trueFalse(String id, double marks) {
        return "{\"type\": \"true_false\", \"id\": \"" + id + "\", \"stem\": {\"zh\": \"判断\"}, \"correct\": true,"
                + " \"marks\": " + marks + "}";
    }

    /** Every row of the bank's tables, in order: what "unchanged" means. */
    private List<String> dump() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("readroom.db"));
                Statement sql = connection.createStatement()) {
            for (String query : List.of(
                    "SELECT id, type, body FROM items ORDER BY id",
                    "SELECT item_id, type, topic, difficulty, marks, questions, source, imported_at FROM bank_items"
                            + " ORDER BY item_id")) {
                try (ResultSet row = sql.executeQuery(query)) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            line.append(row.getString(i)).append('|');
                        }
                        rows.add(line.toString());
                    }
                }
            }
        }
        return rows;
    }

    private long count(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("readroom.db"));
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            return row.getLong(1);
        }
    }

    @Test
    void theExampleBankImportsWithItsIndexAndProgressAndAReimportChangesNothing() throws Exception {
        List<String> progress = new ArrayList<>();
        BankImport.Outcome first = imports.run(
                        List.of(EXAMPLE), SeriesResolver.NONE, (done, total) -> progress.add(done + "/" + total))
                .await();
        assertEquals(List.of(), first.problems());
        assertEquals(11, first.imported());
        assertEquals(0, first.unchanged());
        assertEquals(List.of("11/11"), progress);
        assertEquals(11, count("SELECT count(*) FROM items"));
        assertEquals(
                "case_cluster|神经/脑血管/急性脑梗死|medium|2.0|2|bank-example.json|" + NOW.toEpochMilli(),
                rowOf("SELECT type, topic, difficulty, marks, questions, source, imported_at FROM bank_items"
                        + " WHERE item_id = 'neuro-stroke-a3-004'"));
        assertEquals(3.0, count("SELECT marks FROM bank_items WHERE item_id = 'msk-bone-tumour-b1-005'"));

        List<ItemStore.Summary> chest = new ItemStore(database)
                .list(new ItemStore.Filter(null, "胸部", null, 100, 0))
                .await();
        assertEquals(
                List.of(
                        "chest-malignant-signs-x-002",
                        "chest-nodule-a2-001",
                        "chest-nodule-measure-007",
                        "chest-ptx-hotspot-008",
                        "chest-report-011"),
                chest.stream().map(ItemStore.Summary::id).toList());
        assertEquals(
                List.of("chest-nodule-a2-001", "chest-nodule-measure-007"),
                new ItemStore(database)
                        .list(new ItemStore.Filter(null, "胸部/肺/肺结节", "medium", 100, 0)).await().stream()
                                .map(ItemStore.Summary::id)
                                .toList());

        List<String> before = dump();
        BankImport.Outcome again = run(EXAMPLE);
        assertEquals(List.of(), again.problems());
        assertEquals(0, again.imported());
        assertEquals(11, again.unchanged());
        assertEquals(before, dump());
    }

    @Test
    void oneBadItemAmongGoodOnesLeavesTheDatabaseUnchanged() throws Exception {
        run(EXAMPLE);
        List<String> before = dump();
        Path mixed = bank(
                "mixed.json",
                String.join(",\n", trueFalse("good-1", 1), trueFalse("bad-1", 0), trueFalse("good-2", 2)));
        BankImport.Outcome outcome = run(mixed);
        assertEquals(
                List.of(mixed + ":3:items[1].marks: item bad-1: marks must be > 0 and <= 1000, was 0.0"),
                outcome.problems().stream().map(BankProblem::toString).toList());
        assertEquals(0, outcome.imported());
        assertEquals(before, dump(), "nothing of the batch is kept");
    }

    @Test
    void aChangedItemUnderAnOldIdIsRefusedAndNothingOfTheBatchIsStored() throws Exception {
        run(bank("v1.json", trueFalse("tf-1", 1)));
        List<String> before = dump();
        Path v2 = bank("v2.json", trueFalse("new-1", 1) + ",\n" + trueFalse("tf-1", 2));
        BankImport.Outcome outcome = run(v2);
        assertEquals(
                List.of(v2 + "::id: item tf-1 already exists with different content; items are immutable, give the"
                        + " new version a new id"),
                outcome.problems().stream().map(BankProblem::toString).toList());
        assertEquals(before, dump());
        assertFalse(outcome.isClean());
    }

    @Test
    void aQuestionIdAlreadyStoredAsAnItemIsRefused() throws Exception {
        run(bank("one.json", trueFalse("q-1", 1)));
        String cluster = "{\"type\": \"case_cluster\", \"id\": \"cc-1\", \"stem\": {\"zh\": \"病例\"}, \"questions\": ["
                + trueFalse("q-1", 1) + ", " + trueFalse("q-2", 1) + "]}";
        Path file = bank("cluster.json", cluster);
        BankImport.Outcome outcome = run(file);
        assertEquals(
                List.of(file + "::id: question id q-1 is already used by item q-1"),
                outcome.problems().stream().map(BankProblem::toString).toList());
        assertEquals(1, count("SELECT count(*) FROM items"));
    }

    @Test
    void theExcelExampleImportsAndAWorkbookMissingAColumnChangesNothing() throws Exception {
        Path example = Path.of("..", "docs", "examples", "bank-example-zh.xlsx");
        SeriesResolver cases = seriesId -> Optional.of(
                new SeriesRef(seriesId, "test", java.util.Collections.nCopies(60, "a".repeat(64)), null, null));
        BankImport.Outcome good =
                imports.run(List.of(example), cases, BankImport.Progress.NONE).await();
        assertTrue(good.isClean(), good.problems().toString());
        assertEquals(good.imported(), count("SELECT count(*) FROM items"));
        List<String> before = dump();

        Path broken = folder.resolve("broken.xlsx");
        // From a stream: opened from a File, POI would write the change back into the example.
        try (Workbook workbook = WorkbookFactory.create(Files.newInputStream(example))) {
            org.apache.poi.ss.usermodel.Sheet single = workbook.getSheet("单选题");
            for (org.apache.poi.ss.usermodel.Cell header : single.getRow(0)) {
                if (header.getStringCellValue().startsWith("正确答案")) {
                    header.setCellValue("");
                }
            }
            try (var out = Files.newOutputStream(broken)) {
                workbook.write(out);
            }
        }
        BankImport.Outcome outcome =
                imports.run(List.of(broken), cases, BankImport.Progress.NONE).await();
        assertTrue(
                outcome.problems().stream().anyMatch(p -> p.toString().startsWith(broken + ":单选题!1:正确答案:")),
                outcome.problems().toString());
        assertEquals(before, dump(), "nothing of the workbook is kept");
    }

    @Test
    void aQtiItemWithAnUnknownInteractionChangesNothing() throws Exception {
        run(bank("one.json", trueFalse("tf-1", 1)));
        List<String> before = dump();
        Path slider = Files.copy(
                Path.of("src", "test", "resources", "qti", "unknown-slider.xml"), folder.resolve("slider.xml"));
        BankImport.Outcome outcome = run(slider, bank("two.json", trueFalse("tf-2", 1)));
        // The fixture holds two interactions ReadRoom does not import: both are named, each with its line.
        assertEquals(
                List.of(slider + ":10:qti-slider-interaction", slider + ":11:qti-graphic-order-interaction"),
                outcome.problems().stream()
                        .map(p -> p.file() + ":" + p.where() + ":" + p.field())
                        .toList());
        assertEquals(before, dump(), "the good JSON bank of the same import is not kept either");
    }

    @Test
    void aPapersItemsAreInTheIndexToo() throws Exception {
        database.write(connection -> {
                    try (Statement sql = connection.createStatement()) {
                        sql.execute("INSERT OR REPLACE INTO items (id, type, body) VALUES ('p-1', 'TrueFalseItem', '"
                                + trueFalse("p-1", 3).replace("'", "''") + "')");
                    }
                    return null;
                })
                .await();
        assertEquals(
                "true_false|3.0||", rowOf("SELECT type, marks, source, topic FROM bank_items WHERE item_id = 'p-1'"));
        assertTrue(run(bank("same.json", trueFalse("p-1", 3))).isClean(), "the same item imports as unchanged");
    }

    private String rowOf(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("readroom.db"));
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            assertTrue(row.next(), query);
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                line.append(i > 1 ? "|" : "").append(row.getString(i) == null ? "" : row.getString(i));
            }
            return line.toString();
        }
    }
}

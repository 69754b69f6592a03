package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.server.ExamServer;
import org.readroom.server.ServerConfig;

/** {@code deploy/readroom bank}: exit codes and the exact lines a person reads. */
class BankCommandIT {

    static final Path EXAMPLE = Path.of("..", "docs", "examples", "bank-example.json");

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        int status = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertFalse(printed().contains("Exception") || printed().contains("\tat "), "no stack trace: " + printed());
        return status;
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private Path bad() throws Exception {
        return Files.writeString(
                folder.resolve("bad.json"),
                "{\"format\": \"readroom-bank\", \"version\": 1, \"items\": [\n"
                        + "{\"type\": \"true_false\", \"id\": \"ok-1\", \"stem\": {\"zh\": \"对\"}, \"correct\": true,"
                        + " \"marks\": 1},\n"
                        + "{\"type\": \"true_false\", \"id\": \"bad-1\", \"stem\": {\"zh\": \"错\"}, \"marks\": 1},\n"
                        + "{\"type\": \"true_false\", \"id\": \"bad-2\", \"stem\": {\"zh\": \"错\"}, \"correct\": true,"
                        + " \"marks\": 1, \"images\": [\"CT-0001\"]}\n"
                        + "]}\n");
    }

    private static List<String> items(Path data) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT id, type, body FROM items ORDER BY id")) {
            while (row.next()) {
                rows.add(row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3));
            }
        }
        return rows;
    }

    @Test
    void theBankExportsAsQtiThatValidatesAndAServerWithoutItsCasesRefusesIt() throws Exception {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        // A server's data folder with the demo exam: its items show real (phantom) CT series from the case library,
        // whose pictures go into the package for other systems.
        seedDemo(first);
        Path qti = folder.resolve("bank-qti.zip");
        assertEquals(0, run("bank", "export", "--qti", qti.toString(), "--data", first.toString()), printed());
        assertTrue(
                outLines().get(0).matches("exported \\d+ of \\d+ items to " + Pattern.quote(qti.toString()) + " .*"),
                printed());
        try (ZipFile zip = new ZipFile(qti.toFile())) {
            assertTrue(
                    zip.stream()
                            .anyMatch(e -> e.getName().startsWith("images/")
                                    && e.getName().endsWith(".png")),
                    "the package carries its pictures");
        }
        assertEquals(0, run("bank", "validate", qti.toString()), printed());
        // The package names image series by id; a server without those cases refuses the items that need them,
        // saying so, and keeps nothing of the import.
        assertEquals(1, run("bank", "import", qti.toString(), "--data", second.toString()), printed());
        List<String> refused =
                outLines().stream().filter(l -> l.startsWith(qti + "!")).toList();
        assertFalse(refused.isEmpty(), printed());
        assertTrue(
                refused.stream().allMatch(l -> l.endsWith("is not in the case library; import the case first")),
                printed());
        assertEquals(List.of(), items(second));
        assertEquals(2, run("bank", "export", "--data", first.toString()), "--qti is required");
        assertEquals(
                1,
                run(
                        "bank",
                        "export",
                        "--qti",
                        qti.toString(),
                        "--data",
                        folder.resolve("none").toString()));
        assertTrue(printed().contains("holds no ReadRoom database"), printed());

        // The JSON example names its slices by hash only; without those images in the asset store nothing is
        // exported, and the message names the item and the series.
        Path third = folder.resolve("third");
        assertEquals(0, run("bank", "import", EXAMPLE.toString(), "--data", third.toString()), printed());
        Path broken = folder.resolve("broken.zip");
        assertEquals(1, run("bank", "export", "--qti", broken.toString(), "--data", third.toString()), printed());
        assertFalse(Files.exists(broken), "no package is written");
        assertTrue(printed().contains("is not in the case library"), printed());
    }

    private static void seedDemo(Path data) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(new ExamServer(ServerConfig.of(data, 0, true).onLoopback(), Clock.systemUTC()))
                    .await();
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void validateOfTheExampleIsCleanAndSaysSeriesWereNotChecked() {
        assertEquals(0, run("bank", "validate", EXAMPLE.toString()), printed());
        assertEquals(List.of("1 file, 11 items, 0 problems"), outLines());
        assertEquals(List.of(), errLines(), "the example writes its series out, so nothing went unchecked");
    }

    @Test
    void validatePrintsEveryProblemAndExitsOne() throws Exception {
        Path bad = bad();
        assertEquals(1, run("bank", "validate", EXAMPLE.toString(), bad.toString()), printed());
        assertEquals(
                List.of(bad + ":3:items[1].correct: is required in a true_false item", "2 files, 13 items, 1 problem"),
                outLines());
        assertEquals(
                List.of("readroom bank: images named by series id were not checked (1 series); give --data DIR to"
                        + " check them against the case library"),
                errLines());

        Path data = folder.resolve("data");
        assertEquals(1, run("bank", "validate", bad.toString(), "--data", data.toString()), printed());
        assertEquals(
                List.of(
                        bad + ":3:items[1].correct: is required in a true_false item",
                        bad + ":4:items[2].images[0]: unknown series \"CT-0001\"; import its case first, or give the"
                                + " whole series object",
                        "1 file, 1 item, 2 problems"),
                outLines());
        assertFalse(Files.exists(data), "validate creates nothing");
    }

    @Test
    void importIsAllOrNothingAndAgainChangesNothing() throws Exception {
        Path data = folder.resolve("data");
        assertEquals(1, run("bank", "import", EXAMPLE.toString(), bad().toString(), "--data", data.toString()));
        assertEquals(List.of(), items(data), "nothing imported");
        assertTrue(errLines().contains("readroom bank: nothing imported"), printed());
        assertEquals("2 files, 12 items, 2 problems", outLines().get(outLines().size() - 1));

        assertEquals(0, run("bank", "import", EXAMPLE.toString(), "--data", data.toString()), printed());
        assertEquals(List.of("imported 11 items (0 unchanged) from 1 file"), outLines());
        assertEquals(List.of("bank import: 11/11 items"), errLines());
        List<String> stored = items(data);
        assertEquals(11, stored.size());

        assertEquals(0, run("bank", "import", EXAMPLE.toString(), "--data", data.toString()), printed());
        assertEquals(List.of("imported 0 items (11 unchanged) from 1 file"), outLines());
        assertEquals(stored, items(data));
    }

    @Test
    void importIntoAServersDataFolderKeepsItsItemsAndIsAudited() throws Exception {
        Path data = folder.resolve("server");
        try (DemoServer demo = DemoServer.start(data)) {
            // the demo server seeds its paper's items, then stops
        }
        List<String> before = items(data);
        assertEquals(0, run("bank", "import", EXAMPLE.toString(), "--data", data.toString()), printed());
        List<String> after = items(data);
        assertEquals(before.size() + 11, after.size());
        assertTrue(after.containsAll(before));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(
                        "SELECT actor, detail FROM audit_log WHERE action = 'bank import' ORDER BY id DESC")) {
            assertTrue(row.next());
            assertEquals("offline:" + System.getProperty("user.name"), row.getString(1));
            assertEquals(EXAMPLE + ": imported 11 items (0 unchanged)", row.getString(2));
        }
    }

    @Test
    void usageMistakesShowTheUsage() {
        assertEquals(2, run("bank"), printed());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Usage: deploy/readroom bank validate"));
        assertEquals(2, run("bank", "validate"), printed());
        assertTrue(errLines().get(0).equals("readroom bank: validate needs at least one bank FILE"), printed());
        assertEquals(2, run("bank", "delete", "x.json"), printed());
        assertEquals(
                "readroom bank: unknown action \"delete\" (actions: validate, import, export)",
                errLines().get(0));
        assertEquals(0, run("bank", "--help"), printed());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: deploy/readroom bank validate"));
    }
}

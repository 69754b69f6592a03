package org.readroom.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readroom.core.paper.navigation.Moves;
import org.readroom.core.protocol.Messages.SubmitResponse;
import org.readroom.server.ExamServer;
import org.readroom.server.demo.DemoExam;
import org.readroom.server.demo.DemoPaper;

/**
 * One exam end to end: a real server on a loopback port with a SQLite file in a temp folder, a candidate driven
 * through the kiosk's own view models (log-in, start, images through the DICOM port, answers, hand-in), then the
 * stored answers, the scores, the marking queue and the PDF's text (Chinese included) are checked.
 */
class DemoExamEndToEndIT {

    @TempDir
    Path data;

    private DemoServer demo;
    private ExamServer server;

    @BeforeEach
    void start() throws Exception {
        demo = DemoServer.start(data);
        server = demo.server();
    }

    @AfterEach
    void stop() throws Exception {
        demo.close();
    }

    @Test
    void aCandidateSitsTheExamAndGetsScoresAQueuedShortAnswerAndAChinesePdf() throws Exception {
        URI url = server.localUri();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        DemoExam.Credentials zhang = server.demo().candidates().get(0);
        SubmitResponse handedIn;
        try (DemoLab lab = DemoLab.prepare(
                url, demo.trust(), data.resolve("kiosks"), server.demo().sessionId(), 1, quiet)) {
            ScriptedKiosk kiosk = lab.kiosks().get(0);
            java.util.concurrent.CompletableFuture<SubmitResponse> sitting =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return kiosk.sit(zhang, 0);
                        } catch (Exception e) {
                            throw new java.util.concurrent.CompletionException(e);
                        }
                    });
            // Logged in, package on the kiosk, but no paper and no clock until the proctor starts the session.
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> server.keyRelease().waitingFor(DemoExam.PAPER_ID) == 1);
            Thread.sleep(300);
            assertFalse(sitting.isDone(), "the kiosk waits for the key");
            assertEquals("LOGGED_IN", candidateStatus("2026001"), "the candidate's clock has not started");
            lab.start();
            handedIn = sitting.get(2, TimeUnit.MINUTES);
        }
        assertEquals(DemoPaper.questionCount(), handedIn.answered());
        // The decrypted images are deleted just after the hand-in (off the UI thread).
        org.awaitility.Awaitility.await()
                .alias("no decrypted image stays on the kiosk after the hand-in")
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> {
                    try (var left = Files.walk(data.resolve("kiosks"))) {
                        return left.noneMatch(p -> p.toString().endsWith(".dcm"));
                    }
                });

        // Candidate 0 answers item i right unless i % 4 == 0 (in their own order), so work out the expected total.
        Map<String, Double> awarded = new HashMap<>();
        Map<String, String> answers = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement sql = db.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT s.item_id, s.awarded, s.status FROM item_scores s"
                    + " JOIN candidates c ON c.id = s.candidate_id WHERE c.candidate_number = '2026001'")) {
                while (rows.next()) {
                    awarded.put(rows.getString(1), rows.getDouble(2));
                    if (rows.getString(1).equals(DemoPaper.REPORT_ITEM)) {
                        assertEquals("AWAITING_MARKING", rows.getString(3));
                    }
                }
            }
            try (ResultSet rows =
                    sql.executeQuery("SELECT a.item_id, a.choices || a.text FROM answers a JOIN candidates c"
                            + " ON c.id = a.candidate_id WHERE c.candidate_number = '2026001' ORDER BY a.sequence")) {
                while (rows.next()) {
                    answers.put(rows.getString(1), rows.getString(2));
                }
            }
            try (ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM marking_queue WHERE answer_text LIKE '%右肺%'")) {
                row.next();
                assertEquals(2, row.getInt(1), "the short answer and the report are queued for marking");
            }
        }
        assertEquals(DemoPaper.questionCount(), awarded.size(), "every question has a score row");
        // Moving on from each answered step of the A4 case is in the record too, and is no answer.
        Set<String> moves = answers.keySet().stream().filter(Moves::isMove).collect(Collectors.toSet());
        assertTrue(moves.contains(Moves.eventId(DemoPaper.CASE_FOLLOW_UP_ITEM)), moves.toString());
        assertTrue(moves.size() <= 2, "leaving step 1, and step 2 unless the case comes last: " + moves);
        answers.keySet().removeIf(Moves::isMove);
        assertEquals(DemoPaper.questionCount(), answers.size(), "every question has a stored answer");
        assertTrue(answers.get(DemoPaper.REPORT_ITEM).contains("右肺类圆形结节"), answers.toString());
        double objective = awarded.entrySet().stream()
                .filter(e ->
                        !e.getKey().equals(DemoPaper.REPORT_ITEM) && !e.getKey().equals(DemoPaper.WRITTEN_REPORT_ITEM))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        double expected = (answers.get(DemoPaper.NODULE_ITEM).equals("A") ? 2 : 0)
                + (answers.get(DemoPaper.WINDOW_ITEM).equals("A,B") ? 2 : 0)
                + (answers.get(DemoPaper.UNIT_ITEM).equals("ＨＵ") ? 1 : 0)
                + (answers.get(DemoPaper.LUNG_WINDOW_ITEM).equals("A") ? 1 : 0)
                + (answers.get(DemoPaper.TRUE_FALSE_ITEM).equals("T") ? 1 : 0)
                + (answers.get(DemoPaper.SIZE_ITEM).equals("13.0 mm") ? 2 : 0)
                + (answers.get(DemoPaper.HOTSPOT_ITEM).equals(hotspotOnTheNodule()) ? 2 : 0)
                + (answers.get(DemoPaper.CASE_DIAGNOSIS_ITEM).equals("A") ? 2 : 0)
                + (answers.get(DemoPaper.CASE_FOLLOW_UP_ITEM).equals("T") ? 1 : 0)
                + (answers.get(DemoPaper.MATCHING_ITEM + "-1").equals("A") ? 1 : 0)
                + (answers.get(DemoPaper.MATCHING_ITEM + "-2").equals("B") ? 1 : 0)
                + (answers.get(DemoPaper.MATCHING_ITEM + "-3").equals("C") ? 1 : 0);
        assertEquals(expected, objective, "scores follow the answer key: " + answers);
        assertTrue(objective > 0 && objective < 17, "the script answers some items wrong: " + objective);

        Path pdf = server.reportsFolder(server.demo().sessionId()).resolve("2026001.pdf");
        assertTrue(Files.size(pdf) > 1000);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("张伟"), text);
            assertTrue(text.contains("医学影像学模拟考试（演示）"), "full-width punctuation survives: " + text);
            assertTrue(text.contains("待阅卷"), text);
            assertTrue(
                    text.contains("第13幅图像") && text.contains("image 13 at ("),
                    "the hotspot mark reads as an" + " image number and a point: " + text);
            assertTrue(text.contains("Objective score: " + (long) objective + " / 17"), text);
            assertFalse(text.contains("??"), "no Chinese character was replaced: " + text);
        }
    }

    private String candidateStatus(String number) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("readroom.db"));
                Statement sql = db.createStatement();
                ResultSet row =
                        sql.executeQuery("SELECT status FROM candidates WHERE candidate_number = '" + number + "'")) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void theHeadlessDemoCommandPrintsACompleteSummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                new String[] {
                    "demo", "--headless", "--data", data.resolve("demo").toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed + err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("{\"candidates\":6,\"submitted\":6,\"scored\":6,\"pdfs\":6}"), printed);
    }

    @Test
    void wrongArgumentsExitWithStatusTwoAndSayWhatIsWrong() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, Main.run(new String[] {"server", "--port", "seventy"}, out, errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port must be a port number"));
        assertEquals(2, Main.run(new String[] {"kiosk", "--bogus"}, out, errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown argument: --bogus"));
        assertEquals(2, Main.run(new String[] {"fly"}, out, errors));
        assertEquals(0, Main.run(new String[] {"demo", "--help"}, out, errors));
    }

    /** The scripted kiosk's right hotspot answer: 3 pixels right of the phantom nodule's centre, on its slice. */
    private static String hotspotOnTheNodule() {
        org.readroom.core.dicom.phantom.ChestPhantom.Landmarks nodule =
                org.readroom.core.dicom.phantom.ChestPhantom.landmarks(DemoExam.SLICES, DemoExam.SIZE);
        return org.readroom.core.bank.HotspotItem.answerText(
                nodule.noduleSlice(),
                nodule.nodule().column() + 0.5 + 3,
                nodule.nodule().row() + 0.5);
    }
}
